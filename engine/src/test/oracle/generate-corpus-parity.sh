#!/usr/bin/env bash
# Regenerates the plan JSON corpus with Terraform (1.11) as the oracle: for each directory under
# engine/src/test/resources/output/corpus (configurations taken from the CLI and block scenarios, where
# compare-plan-json.py found differences), `plan -out` from an empty state and keeps
#   plan.json   `show -json` of that plan (pretty-printed)
#   replan.json `show -json` of a plan made right after applying it (ids are random: a test replaces them)
# Needs `terraform` on the PATH; the tests never do.
#   bash engine/src/test/oracle/generate-corpus-parity.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
corpus="$here/../resources/output/corpus"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
: > "$work/.terraformrc"
export TF_CLI_CONFIG_FILE="$work/.terraformrc" CHECKPOINT_DISABLE=1

for dir in "$corpus"/*/; do
  name="$(basename "$dir")"
  mkdir "$work/$name"
  (cd "$dir" && find . -name '*.tf' -exec cp --parents {} "$work/$name/" \;)
  (cd "$work/$name" && terraform init -input=false -no-color >/dev/null \
    && terraform plan -input=false -no-color -out=p.tfplan >/dev/null \
    && terraform show -json p.tfplan | python3 -m json.tool --indent 2 > "$dir/plan.json" \
    && terraform apply -input=false -no-color p.tfplan >/dev/null \
    && terraform plan -input=false -no-color -out=q.tfplan >/dev/null \
    && terraform show -json q.tfplan | python3 -m json.tool --indent 2 > "$dir/replan.json")
  echo "wrote $dir/plan.json, replan.json"
done
