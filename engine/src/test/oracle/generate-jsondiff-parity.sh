#!/usr/bin/env bash
# Regenerates the jsonencode-diff fixture with Terraform (1.11) as the oracle: applies
# engine/src/test/resources/output/jsondiff/main.tf with its defaults (v = 1), then writes
#   plan.txt   `plan -no-color -var v=2`, from "Terraform will perform" to the "Plan:" line (the refresh lines
#              before it come in any order)
# Needs `terraform` on the PATH; the tests never do.
#   bash engine/src/test/oracle/generate-jsondiff-parity.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
fixture="$here/../resources/output/jsondiff"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
: > "$work/.terraformrc"
export TF_CLI_CONFIG_FILE="$work/.terraformrc" CHECKPOINT_DISABLE=1

cp "$fixture/main.tf" "$work/"
cd "$work"
terraform init -input=false -no-color >/dev/null
terraform apply -auto-approve -input=false -no-color >/dev/null
terraform plan -input=false -no-color -var v=2 | sed -n '/^Terraform will perform/,/^Plan:/p' > "$fixture/plan.txt"
echo "wrote $fixture/plan.txt"
