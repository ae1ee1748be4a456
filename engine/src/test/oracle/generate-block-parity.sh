#!/usr/bin/env bash
# Regenerates the block parity scenarios (issue 13) with Terraform as the oracle: module count and for_each,
# moved, removed, import, check blocks and required_version. Each scenario is a sequence of steps in one fresh
# folder; a step may replace files, then runs one command with stdin empty and no CLI configuration. What is
# recorded per step is what the tests compare: the exit code, the plan's headlines (the "# ADDRESS ..." lines, the
# "Plan:" line, "No changes."), the summaries of errors and warnings, and the state's addresses and module keys
# after the step. The configurations use only terraform_data, variables and outputs, so Terraform runs offline.
#
# Needs `terraform` (1.11) and `python3` on the PATH; the tests themselves never do. Run from anywhere:
#   bash engine/src/test/oracle/generate-block-parity.sh
# Then review the diff of engine/src/test/resources/blocks/scenarios.json like code.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
exec python3 - "$here/../resources/blocks/scenarios.json" "$here/block-scenarios.json" <<'PY'
import json, os, re, subprocess, sys, tempfile

out_path, in_path = sys.argv[1], sys.argv[2]
scenarios = json.load(open(in_path))
env = dict(os.environ, CHECKPOINT_DISABLE="1", TF_IN_AUTOMATION="1", TF_CLI_CONFIG_FILE="/dev/null")
HEAD = re.compile(r'^( {1,3}# .*|Plan: .*|No changes\..*|(Error|Warning): .*)$')

def headlines(text):
    out = []
    for line in text.splitlines():
        line = re.sub(r'\x1b\[[0-9;]*m', '', line)
        line = re.sub(r'^[│╷╵] ?', '', line).rstrip()
        if HEAD.match(line) and 'CLI configuration' not in line:
            out.append(line)
    return out

for s in scenarios:
    with tempfile.TemporaryDirectory() as d:
        def write(files):
            for name, text in files.items():
                p = os.path.join(d, name)
                os.makedirs(os.path.dirname(p), exist_ok=True)
                if text is None:
                    os.remove(p)
                else:
                    open(p, "w").write(text)
        write(s["files"])
        subprocess.run(["terraform", "init", "-input=false", "-no-color"], cwd=d, env=env, capture_output=True)
        for step in s["steps"]:
            write(step.get("files", {}))
            r = subprocess.run(["terraform"] + step["args"] + ["-no-color"], cwd=d, env=env, capture_output=True,
                               text=True, stdin=subprocess.DEVNULL)
            step["terraform"] = {"exit": r.returncode, "headlines": headlines(r.stdout + "\n" + r.stderr)}
            st = os.path.join(d, "terraform.tfstate")
            if os.path.exists(st):
                state = json.load(open(st))
                addrs = []
                for res in state.get("resources", []):
                    prefix = (res["module"] + ".") if "module" in res else ""
                    prefix += "data." if res["mode"] == "data" else ""
                    for inst in res["instances"]:
                        k = inst.get("index_key")
                        key = "" if k is None else "[%d]" % k if isinstance(k, int) else '["%s"]' % k
                        addrs.append(prefix + res["type"] + "." + res["name"] + key)
                step["terraform"]["state"] = sorted(addrs)
            for name in step.get("read", []):
                p = os.path.join(d, name)
                step["terraform"].setdefault("files", {})[name] = open(p).read() if os.path.exists(p) else None
json.dump(scenarios, open(out_path, "w"), indent=1, ensure_ascii=False)
open(out_path, "a").write("\n")
PY
