#!/usr/bin/env bash
# Regenerates the language specification suite's expected results with Terraform as the oracle.
# Needs `terraform` (1.11) on the PATH; the tests themselves never do. Run from anywhere:
#   bash engine/src/test/oracle/generate-lang-spec.sh
# Then review the diff of engine/src/test/resources/lang/spec/*.expected.json like code.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
spec="$here/../resources/lang/spec"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cp -r "$spec/." "$work/"
(cd "$work" && terraform apply -auto-approve -input=false -no-color >/dev/null && terraform output -json) \
  > "$spec/cases.expected.json"

# Errors: one console process per expression, since the console stops at the first error.
{
  echo "["
  first=1
  while IFS= read -r expr; do
    [ -n "$expr" ] || continue
    out="$(cd "$work" && printf '%s\n' "$expr" | terraform console -no-color 2>&1 || true)"
    summary="$(printf '%s\n' "$out" | sed -n 's/^Error: //p' | head -n 1)"
    # the detail: the lines after the error's source reference, joined with spaces
    detail="$(printf '%s\n' "$out" | awk '/^Error: /{e=1; next} e && /^  on <console-input>/{next}
      e && /source code not available/{next} e && NF {printf "%s%s", sep, $0; sep=" "}')"
    [ "$first" = 1 ] || echo ","
    first=0
    jq -n --arg e "$expr" --arg s "$summary" --arg d "$detail" '{expression: $e, summary: $s, detail: $d}'
  done < "$spec/errors.txt"
  echo "]"
} | jq . > "$spec/errors.expected.json"
echo "wrote $spec/cases.expected.json and $spec/errors.expected.json"
