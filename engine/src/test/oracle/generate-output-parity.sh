#!/usr/bin/env bash
# Regenerates the output-parity fixture (issue 13: output lines and plan JSON) with Terraform as the oracle, from
# engine/src/test/resources/output/parity/main.tf (terraform_data only, a module called with for_each and with
# count, depends_on, a sensitive variable):
#   plan.txt           `plan -no-color -out` from an empty state
#   plan.json          `show -json` of that saved plan (pretty-printed)
#   apply.txt          `apply -no-color` of that plan (progress lines, summary, Outputs:)
#   refresh.txt        `plan -no-color` right after (the "Refreshing state..." lines, then no changes)
#   apply-destroy.txt  `apply -destroy -auto-approve -no-color`
#   destroy.txt        `destroy -auto-approve -no-color` (after applying again)
# Ids are random: a test normalises them. Needs `terraform` (1.11) on the PATH; the tests never do.
#   bash engine/src/test/oracle/generate-output-parity.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
fixture="$here/../resources/output/parity"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
: > "$work/.terraformrc"
export TF_CLI_CONFIG_FILE="$work/.terraformrc" CHECKPOINT_DISABLE=1

cp -r "$fixture/main.tf" "$fixture/peer" "$work/"
cd "$work"
terraform init -input=false -no-color >/dev/null
terraform plan -input=false -no-color -out=p.tfplan > "$fixture/plan.txt"
terraform show -json p.tfplan | python3 -m json.tool --indent 2 > "$fixture/plan.json"
terraform apply -input=false -no-color p.tfplan > "$fixture/apply.txt"
terraform plan -input=false -no-color > "$fixture/refresh.txt"
terraform apply -destroy -auto-approve -input=false -no-color > "$fixture/apply-destroy.txt"
terraform apply -auto-approve -input=false -no-color >/dev/null
terraform destroy -auto-approve -input=false -no-color > "$fixture/destroy.txt"
echo "wrote $fixture"
