#!/usr/bin/env bash
# Regenerates the fmt parity corpus's expected output (issue 13) with Terraform as the oracle.
# For every engine/src/test/resources/fmt/parity/NAME.tf it writes NAME.tf.expected, the bytes `terraform fmt -`
# prints for it, and NAME.tf.expected-file where `terraform fmt NAME.tf` on a copy writes other bytes. It also
# records in check.json what `fmt -check` and `fmt -check -diff` print and exit with, for three files and for
# the whole folder. .gitattributes there keeps git from touching line endings (CRLF cases) or whitespace.
#
# Needs `terraform` (1.11), `jq`, `cmp` on the PATH; the tests themselves never do. Run from anywhere:
#   bash engine/src/test/oracle/generate-fmt-parity.sh
# Then review the diff of engine/src/test/resources/fmt/parity/*.expected like code.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
corpus="$here/../resources/fmt/parity"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
: > "$work/.terraformrc"
export TF_CLI_CONFIG_FILE="$work/.terraformrc" CHECKPOINT_DISABLE=1
mkdir "$work/files" "$work/check"

n=0
for input in "$corpus"/*.tf; do
  name="$(basename "$input")"
  terraform fmt -no-color - < "$input" > "$corpus/$name.expected"
  cp "$input" "$work/files/$name"
  (cd "$work/files" && terraform fmt -no-color "$name" >/dev/null)
  # fmt on a file can differ from fmt on stdin (it leaves a missing final newline missing): then the file's
  # result is kept too, as NAME.tf.expected-file
  if cmp -s "$work/files/$name" "$corpus/$name.expected"; then
    rm -f "$corpus/$name.expected-file"
  else
    cp "$work/files/$name" "$corpus/$name.expected-file"
    echo "note: fmt - and fmt FILE differ on $name (kept both)" >&2
  fi
  n=$((n + 1))
done

# -check and -diff: each command runs in a folder holding only the file(s) named, by a relative name, so the
# output holds no machine path. The exit code is what -check promises scripts (0 formatted, 3 not).
run() { # run DIR ARGS... -> a JSON object
  local dir="$1"; shift
  local rc=0
  (cd "$dir" && terraform "$@" > "$work/out" 2> "$work/err") || rc=$?
  jq -n --arg rc "$rc" --rawfile out "$work/out" --rawfile err "$work/err" \
    --argjson cmd "$(printf '%s\n' "$@" | jq -R . | jq -sc .)" \
    '{command: $cmd, exit_code: ($rc | tonumber), stdout: $out, stderr: $err}'
}
{
  for name in 03-attribute-alignment.tf 11-crlf.tf 47-already-formatted.tf; do
    rm -rf "$work/check"/*
    cp "$corpus/$name" "$work/check/"
    run "$work/check" fmt -no-color -check "$name"
    run "$work/check" fmt -no-color -check -diff "$name"
    # -check writes nothing: the file must still be the input
    cmp -s "$corpus/$name" "$work/check/$name" || { echo "fmt -check changed $name" >&2; exit 1; }
  done
  rm -rf "$work/check"/*
  cp "$corpus"/*.tf "$work/check/"
  run "$work/check" fmt -no-color -check
  run "$work/check" fmt -no-color -check -list=false
  printf 'locals {\n  a = \n}\n' > "$work/check/zz-invalid.tf"
  run "$work/check" fmt -no-color -check zz-invalid.tf
  run "$work/check" fmt -no-color -check no-such-file.tf
} | jq -s '{cases: .}' > "$corpus/check.json"
echo "wrote $n expected outputs and $(jq '.cases | length' "$corpus/check.json") check cases in $corpus"
