#!/usr/bin/env bash
# Regenerates the sensitive-state fixture (issue 13) with Terraform as the oracle: applies
# engine/src/test/resources/state/parity/main.tf (with its terraform.tfvars, a throwaway value) and keeps what
# Terraform wrote and shows:
#   terraform.tfstate     the state Terraform wrote (serial 1; lineage and terraform_data ids are random)
#   show.json             `terraform show -json` (pretty-printed; it holds the secrets in clear, marked in
#                         sensitive_values)
#   show.txt              `terraform show -no-color` (the human view, secrets redacted)
#   output.json           `terraform output -json`
#   output-raw.txt        `terraform output -raw password` (what scripts read back)
#   plan-after-apply.txt  the exit code of `plan -detailed-exitcode` on that state (0: nothing to change)
# so a test can show peerform stores, shows and reads sensitive values as Terraform does.
#
# Needs `terraform` (1.11) on the PATH; the tests themselves never do. Run from anywhere:
#   bash engine/src/test/oracle/generate-state-parity.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
fixture="$here/../resources/state/parity"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
: > "$work/.terraformrc"
export TF_CLI_CONFIG_FILE="$work/.terraformrc" CHECKPOINT_DISABLE=1

cp "$fixture/main.tf" "$fixture/terraform.tfvars" "$work/"
cd "$work"
terraform apply -auto-approve -input=false -no-color >/dev/null
terraform show -json | python3 -m json.tool --indent 2 > "$fixture/show.json"
terraform show -no-color > "$fixture/show.txt"
terraform output -json > "$fixture/output.json"
terraform output -raw password > "$fixture/output-raw.txt"
rc=0
terraform plan -detailed-exitcode -input=false -no-color >/dev/null || rc=$?
echo "$rc" > "$fixture/plan-after-apply.txt"
cp terraform.tfstate "$fixture/terraform.tfstate"
echo "wrote $fixture: state serial $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["serial"])' terraform.tfstate), plan after apply exits $rc"
