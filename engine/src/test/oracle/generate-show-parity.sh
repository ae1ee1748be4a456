#!/usr/bin/env bash
# Regenerates the show fixture with Terraform (1.11) as the oracle, from engine/src/test/resources/state/show
# (modules with count and for_each, count and for_each resources, nested, empty, multi-line and JSON values, a
# sensitive value, outputs of every type):
#   plan.txt          `show -no-color` of the saved plan from an empty state
#   terraform.tfstate the state after applying that plan
#   show.txt          `show -no-color` of that state
#   show.json         `show -json` of that state (pretty-printed)
# and from modules-only/ (no resources in the root, one instance tainted):
#   modules-only/terraform.tfstate, modules-only/show.txt
# Ids are random: a test reads them from the state. Needs `terraform` on the PATH; the tests never do.
#   bash engine/src/test/oracle/generate-show-parity.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
fixture="$here/../resources/state/show"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
: > "$work/.terraformrc"
export TF_CLI_CONFIG_FILE="$work/.terraformrc" CHECKPOINT_DISABLE=1

cp -r "$fixture/main.tf" "$fixture/m" "$work/"
cd "$work"
terraform init -input=false -no-color >/dev/null
terraform plan -input=false -no-color -out=p.tfplan >/dev/null
terraform show -no-color p.tfplan > "$fixture/plan.txt"
terraform apply -input=false -no-color p.tfplan >/dev/null
terraform show -no-color > "$fixture/show.txt"
terraform show -json | python3 -m json.tool --indent 2 > "$fixture/show.json"
cp terraform.tfstate "$fixture/terraform.tfstate"
mkdir "$work/only" && cp -r "$fixture/modules-only/main.tf" "$fixture/modules-only/m" "$work/only/"
cd "$work/only"
terraform init -input=false -no-color >/dev/null
terraform apply -auto-approve -input=false -no-color >/dev/null
terraform taint -no-color module.b.terraform_data.r >/dev/null
terraform show -no-color > "$fixture/modules-only/show.txt"
cp terraform.tfstate "$fixture/modules-only/terraform.tfstate"
echo "wrote $fixture"
