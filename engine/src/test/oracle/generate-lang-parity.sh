#!/usr/bin/env bash
# Regenerates the language parity suite's expected results (issue 13) with Terraform as the oracle, in the same
# encoding as generate-lang-spec.sh: one {sensitive, type, value} entry per output of parity/functions.tf (outputs
# whose value is null are left out, as `terraform output -json` leaves them out), and one {expression, summary,
# detail} entry per line of parity/errors.txt.
#
# Cases whose value changes from run to run or from machine to machine (listed in $nondeterministic below) are
# written without "value": they carry "deterministic": false, the properties a test must check ("regex",
# "length", "prefix"), so that a rerun writes the same file. This script checks each property against
# Terraform's own value, so a wrong property fails here, not later. base64gzip cases keep Terraform's bytes and
# add "gunzipped": Go's deflate is one of many valid ones, so a test may compare the inflated text instead.
#
# Needs `terraform` (1.11), `jq` and `python3` on the PATH; the tests themselves never do. Run from anywhere:
#   bash engine/src/test/oracle/generate-lang-parity.sh
# Then review the diff of engine/src/test/resources/lang/parity/*.expected.json like code.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
suite="$here/../resources/lang/parity"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# no CLI configuration file and no update check: stderr carries only what the command itself says
: > "$work/.terraformrc"
export TF_CLI_CONFIG_FILE="$work/.terraformrc" CHECKPOINT_DISABLE=1

nondeterministic='{
  "fn_abspath_relative":          {"regex": "^/.*/files/hello\\.txt$", "note": "relative to the working directory"},
  "fn_abspath_dot":               {"regex": "^/", "note": "the working directory"},
  "fn_pathexpand_home":           {"regex": "^/.*/\\.ssh/id_rsa$", "note": "under the user home directory"},
  "fn_pathexpand_tilde_only":     {"regex": "^/", "note": "the user home directory"},
  "fn_bcrypt":                    {"regex": "^\\$2a\\$10\\$[./A-Za-z0-9]{53}$", "length": 60, "prefix": "$2a$10$"},
  "fn_bcrypt_cost":               {"regex": "^\\$2a\\$06\\$[./A-Za-z0-9]{53}$", "length": 60, "prefix": "$2a$06$"},
  "fn_bcrypt_cost_below_minimum": {"regex": "^\\$2a\\$10\\$[./A-Za-z0-9]{53}$", "length": 60, "prefix": "$2a$10$",
                                   "note": "a cost below 4 silently becomes the default cost 10"},
  "fn_bcrypt_sensitive":          {"regex": "^\\$2a\\$04\\$[./A-Za-z0-9]{53}$", "length": 60, "prefix": "$2a$04$"},
  "fn_uuid":                      {"regex": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", "length": 36,
                                   "note": "16 random bytes in UUID layout: no version or variant bits are set"},
  "fn_timestamp":                 {"regex": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$", "length": 20},
  "fn_plantimestamp":             {"regex": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$", "length": 20}
}'

cp -r "$suite/." "$work/"
(cd "$work" && terraform apply -auto-approve -input=false -no-color >/dev/null && terraform output -json) \
  > "$work/raw.json"

# Python, not jq, rewrites the cases: jq 1.6 reads numbers as 64-bit floats, and Terraform's are exact (10 / 3 has
# 150 digits). Every number is copied as the text Terraform wrote.
python3 - "$work/raw.json" "$suite/functions.expected.json" "$nondeterministic" <<'PY'
import base64, gzip, json, re, sys

class Num(str):
    """a JSON number kept as the text it was written as"""

raw = json.load(open(sys.argv[1]), parse_float=Num, parse_int=Num)
props = json.loads(sys.argv[3])

def dump(v, ind=""):
    inner = ind + "  "
    if isinstance(v, Num):
        return str(v)
    if isinstance(v, dict):
        if not v:
            return "{}"
        return "{\n" + ",\n".join(inner + json.dumps(k, ensure_ascii=False) + ": " + dump(x, inner)
                                    for k, x in v.items()) + "\n" + ind + "}"
    if isinstance(v, list):
        if not v:
            return "[]"
        return "[\n" + ",\n".join(inner + dump(x, inner) for x in v) + "\n" + ind + "]"
    return json.dumps(v, ensure_ascii=False)

bad = []
for name, p in props.items():
    v = raw.get(name, {}).get("value")
    if (not isinstance(v, str) or not re.search(p["regex"], v)
            or ("length" in p and len(v) != p["length"]) or ("prefix" in p and not v.startswith(p["prefix"]))):
        bad.append(name)
if bad:
    sys.exit("properties do not hold for Terraform's own value: " + ", ".join(bad))

out = {}
for name, case in raw.items():
    if name in props:
        p = dict(props[name])
        note = p.pop("note", None)
        case = {"sensitive": case["sensitive"], "type": case["type"], "deterministic": False,
                "properties": p}
        if note:
            case["note"] = note
    elif name.startswith("fn_base64gzip"):
        case = dict(case, gunzipped=gzip.decompress(base64.b64decode(case["value"])).decode("utf-8"))
    out[name] = case
open(sys.argv[2], "w").write(dump(out) + "\n")
PY

# Errors: one console process per expression, since the console stops at the first error. The console runs in
# the copy of the suite, so the expressions may use its files and locals.
{
  echo "["
  first=1
  while IFS= read -r expr; do
    [ -n "$expr" ] || continue
    out="$(cd "$work" && printf '%s\n' "$expr" | terraform console -no-color 2>&1 || true)"
    summary="$(printf '%s\n' "$out" | sed -n 's/^Error: //p' | head -n 1)"
    if [ -z "$summary" ]; then
      echo "not an error in Terraform: $expr => $out" >&2
      exit 1
    fi
    detail="$(printf '%s\n' "$out" | awk '/^Error: /{e=1; next} e && /^  on <console-input>/{next}
      e && /source code not available/{next} e && /^ *(├|│|\(while calling)/{next} e && NF {printf "%s%s", sep, $0; sep=" "}')"
    [ "$first" = 1 ] || echo ","
    first=0
    jq -n --arg e "$expr" --arg s "$summary" --arg d "$detail" '{expression: $e, summary: $s, detail: $d}'
  done < "$suite/errors.txt"
  echo "]"
} > "$work/errors.json"
jq . "$work/errors.json" > "$suite/errors.expected.json"
echo "wrote $suite/functions.expected.json ($(jq length "$suite/functions.expected.json") cases) and" \
  "$suite/errors.expected.json ($(jq length "$suite/errors.expected.json") cases)"
