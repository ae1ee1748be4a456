#!/usr/bin/env python3
"""Runs a corpus of configurations through Terraform (on the PATH) and peerform and lists where their plan JSON
and show output differ (issue 13's leftovers). A survey, not a test: what it finds becomes a fixture made by
Terraform and a test that needs no Terraform.

The corpus is every distinct set of files of the CLI and block scenarios (engine/src/test/resources/cli/parity,
blocks) plus the configurations given as directories on the command line. For each that Terraform plans:
  plan      `show -json` of a plan from an empty state
  state     `show -json` of the state after applying it
  show      `show -no-color` of that state (the whole text)
  replan    `show -json` of a plan after changing nothing (a no-op plan over the state)

    python3 engine/src/test/oracle/compare-plan-json.py [DIR...] [-v]
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
RESOURCES = os.path.join(HERE, "..", "resources")
PEERFORM = os.environ.get("PEERFORM") or os.path.abspath(os.path.join(HERE, "..", "..", "..", "..", "peerform"))

# Paths that differ on purpose (README, "What still differs"); the regexes match a JSON pointer.
KNOWN = [re.compile(p) for p in [
    r"/peerform_ordered_actions.*", r"/peerform_cost.*", r"/timestamp", r"/relevant_attributes.*",
    r"/terraform_version", r"/prior_state/terraform_version",
]]

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def corpus(extra):
    seen = {}
    for f in ("cli/parity/scenarios.json", "blocks/scenarios.json"):
        data = json.load(open(os.path.join(RESOURCES, f)))
        for s in data["scenarios"] if isinstance(data, dict) else data:
            files = s.get("files") or {}
            if not any(k.endswith(".tf") for k in files):
                continue
            key = json.dumps(files, sort_keys=True)
            seen.setdefault(key, (s["name"], files))
    for d in extra:
        files = {}
        for root, _, names in os.walk(d):
            for n in names:
                if n.endswith((".tf", ".tfvars")):
                    p = os.path.join(root, n)
                    files[os.path.relpath(p, d)] = open(p).read()
        seen.setdefault(json.dumps(files, sort_keys=True), (d, files))
    return list(seen.values())


def run(tool, args, cwd, env):
    cmd = [PEERFORM if tool == "peerform" else "terraform"] + args
    p = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    return p.returncode, p.stdout, p.stderr


def views(tool, files, env):
    work = tempfile.mkdtemp(prefix="cmp-" + tool + "-")
    try:
        for name, text in files.items():
            path = os.path.join(work, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            open(path, "w").write(text)
        if tool == "terraform":
            rc, _, err = run(tool, ["init", "-input=false", "-no-color"], work, env)
            if rc != 0:
                return None
        out = {}
        rc, _, err = run(tool, ["plan", "-input=false", "-no-color", "-out=p.tfplan"], work, env)
        if rc != 0:
            return None
        out["plan"] = json.loads(run(tool, ["show", "-json", "p.tfplan"], work, env)[1])
        rc, _, err = run(tool, ["apply", "-input=false", "-no-color", "p.tfplan"], work, env)
        if rc != 0:
            return out
        out["state"] = json.loads(run(tool, ["show", "-json"], work, env)[1])
        out["show"] = run(tool, ["show", "-no-color"], work, env)[1]
        rc, _, err = run(tool, ["plan", "-input=false", "-no-color", "-out=q.tfplan"], work, env)
        if rc == 0:
            out["replan"] = json.loads(run(tool, ["show", "-json", "q.tfplan"], work, env)[1])
        return out
    finally:
        shutil.rmtree(work, ignore_errors=True)


def normal(v):
    if isinstance(v, dict):
        return {k: normal(x) for k, x in v.items()}
    if isinstance(v, list):
        return [normal(x) for x in v]
    if isinstance(v, str):
        return UUID.sub("<uuid>", v)
    return v


def compare(a, b, path, out):
    if type(a) != type(b):
        out.append((path, f"peerform {json.dumps(a)[:200]}, terraform {json.dumps(b)[:200]}"))
    elif isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a:
                out.append((path + "/" + k, "missing; terraform " + json.dumps(b[k])[:200]))
            elif k not in b:
                out.append((path + "/" + k, "extra: " + json.dumps(a[k])[:200]))
            else:
                compare(a[k], b[k], path + "/" + k, out)
    elif isinstance(a, list):
        if len(a) != len(b):
            out.append((path, f"{len(a)} elements, terraform {len(b)}: {json.dumps(a)[:150]} / {json.dumps(b)[:150]}"))
        else:
            for i, (x, y) in enumerate(zip(a, b)):
                compare(x, y, f"{path}/{i}", out)
    elif a != b:
        out.append((path, f"peerform {json.dumps(a)[:200]}, terraform {json.dumps(b)[:200]}"))


def main():
    verbose = "-v" in sys.argv
    extra = [a for a in sys.argv[1:] if a != "-v"]
    rc_file = tempfile.NamedTemporaryFile(delete=False)
    env = dict(os.environ, TF_CLI_CONFIG_FILE=rc_file.name, CHECKPOINT_DISABLE="1", NO_COLOR="1")
    cases = corpus(extra)
    total, same, summary = 0, 0, {}
    for name, files in cases:
        theirs = views("terraform", files, env)
        if theirs is None:
            continue
        ours = views("peerform", files, env) or {}
        total += 1
        diffs = []
        for view in theirs:
            if view not in ours:
                diffs.append((view, "peerform has none"))
            elif view == "show":
                if UUID.sub("<uuid>", ours[view]) != UUID.sub("<uuid>", theirs[view]):
                    diffs.append((view, "text differs"))
                    if verbose:
                        print("--- peerform\n" + ours[view] + "--- terraform\n" + theirs[view])
            else:
                d = []
                compare(normal(ours[view]), normal(theirs[view]), "", d)
                diffs += [(view + p, m) for p, m in d if not any(k.fullmatch(p) for k in KNOWN)]
        if not diffs:
            same += 1
        print(f"{name}: {len(diffs)} differences")
        for p, m in diffs:
            print(f"  {p}: {m}")
            generic = re.sub(r"/\d+", "/N", p)
            summary[generic] = summary.get(generic, 0) + 1
    print(f"\n{same} of {total} configurations identical")
    for p, n in sorted(summary.items(), key=lambda e: -e[1]):
        print(f"{n:4d} {p}")


if __name__ == "__main__":
    main()
