#!/usr/bin/env bash
# Regenerates the CLI parity scenarios (issue 13) with Terraform as the oracle: for each scenario below, a fresh
# folder gets the scenario's files, runs the setup commands (each must exit 0), then the command, with stdin
# the scenario's (empty unless given; never a terminal), its environment, no CLI configuration file and no update check. scenarios.json records the files, the
# setup, the command, and what Terraform did: exit code, the first "Error: ..." summary on stderr (colour codes
# stripped), the first lines of stderr and stdout, and the whole stdout for the commands whose stdout scripts read
# (output, state list, fmt, validate -json), with random ids and clock times masked. The configurations use only terraform_data, variables and outputs,
# so Terraform runs offline.
#
# Needs `terraform` (1.11) and `python3` on the PATH; the tests themselves never do. Run from anywhere:
#   bash engine/src/test/oracle/generate-cli-parity.sh
# Then review the diff of engine/src/test/resources/cli/parity/scenarios.json like code.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
exec python3 - "$here/../resources/cli/parity/scenarios.json" <<'PY'
import json, os, re, subprocess, sys, tempfile

GOOD = {"main.tf": '''variable "name" {
  type    = string
  default = "x"
}

variable "secret" {
  type      = string
  default   = "hunter2"
  sensitive = true
}

resource "terraform_data" "a" {
  input = var.name
}

output "name" {
  value = var.name
}

output "map" {
  value = { a = 1, b = "two" }
}

output "number" {
  value = 3
}

output "secret" {
  value     = var.secret
  sensitive = true
}

output "nothing" {
  value = null
}
'''}
REQUIRED = {"main.tf": '''variable "name" {
  type = string
}

resource "terraform_data" "a" {
  input = var.name
}

output "name" {
  value = var.name
}
'''}
LIST_VAR = {"main.tf": '''variable "cidrs" {
  type = list(string)
}

output "cidrs" {
  value = var.cidrs
}
'''}
VALIDATED = {"main.tf": '''variable "bandwidth" {
  type    = string
  default = "Small.1"

  validation {
    condition     = startswith(var.bandwidth, "Small.") || startswith(var.bandwidth, "Middle.")
    error_message = "The bandwidth must be a Small or Middle specification."
  }
}

output "bandwidth" {
  value = var.bandwidth
}
'''}
PRECONDITION = {"main.tf": '''variable "count_of" {
  type    = number
  default = 0
}

resource "terraform_data" "a" {
  input = var.count_of

  lifecycle {
    precondition {
      condition     = var.count_of > 0
      error_message = "count_of must be positive."
    }
  }
}
'''}
MISSING_ARG = {"main.tf": 'output "o" {}\n'}
SYNTAX = {"main.tf": 'resource "terraform_data" "a" {\n  input = \n'}
UNDECLARED = {"main.tf": 'output "o" {\n  value = var.nope\n}\n'}
UNSUPPORTED = {"main.tf": 'resource "terraform_data" "a" {\n  bogus = 1\n}\n'}
UNFORMATTED = {"main.tf": 'output "o" {\nvalue="x"\n}\n'}
EMPTY = {"main.tf": '# nothing here\n'}
TFVARS = {"a.tfvars": 'name = "from-a"\n', "b.tfvars": 'name = "from-b"\n',
          "extra.tfvars": 'name = "x"\nundeclared = 1\n', "bad.tfvars": 'name = \n'}

def files(*parts):
    out = {}
    for p in parts:
        out.update(p)
    return out

APPLY = ["apply", "-auto-approve", "-input=false"]
S = []  # (name, files, setup, command)
def sc(name, fs, command, setup=(), stdin=None, env=None):
    s = {"name": name, "files": fs, "setup": [list(s) for s in setup], "command": command}
    if stdin is not None:
        s["stdin"] = stdin
    if env:
        s["env"] = env
    S.append(s)

# validate
sc("validate_good", GOOD, ["validate"])
sc("validate_good_after_init", GOOD, ["validate"], [["init", "-input=false"]])
sc("validate_missing_required_argument", MISSING_ARG, ["validate"])
sc("validate_syntax_error", SYNTAX, ["validate"])
sc("validate_undeclared_variable", UNDECLARED, ["validate"])
sc("validate_unsupported_argument", UNSUPPORTED, ["validate"])
sc("validate_json_good", GOOD, ["validate", "-json"])
sc("validate_json_invalid", MISSING_ARG, ["validate", "-json"])
sc("validate_unknown_flag", GOOD, ["validate", "-bogus"])
sc("validate_required_variable_not_needed", REQUIRED, ["validate"])
# init
sc("init_good", GOOD, ["init", "-input=false"])
sc("init_empty_dir", {}, ["init", "-input=false"])
sc("init_syntax_error", SYNTAX, ["init", "-input=false"])
sc("init_unknown_flag", GOOD, ["init", "-bogus"])
# plan
sc("plan_without_init", GOOD, ["plan", "-input=false"])
sc("plan_good", GOOD, ["plan", "-input=false"], [["init", "-input=false"]])
sc("plan_detailed_exitcode_changes", GOOD, ["plan", "-input=false", "-detailed-exitcode"])
sc("plan_detailed_exitcode_no_changes", GOOD, ["plan", "-input=false", "-detailed-exitcode"], [APPLY])
sc("plan_detailed_exitcode_error", MISSING_ARG, ["plan", "-input=false", "-detailed-exitcode"])
sc("plan_detailed_exitcode_outputs_only_change", GOOD, ["plan", "-input=false", "-detailed-exitcode", "-var", "name=x"],
   [APPLY + ["-target=terraform_data.a"]])
sc("plan_destroy_detailed_exitcode", GOOD, ["plan", "-input=false", "-destroy", "-detailed-exitcode"], [APPLY])
sc("plan_destroy_detailed_exitcode_empty_state", GOOD, ["plan", "-input=false", "-destroy", "-detailed-exitcode"])
sc("plan_missing_required_variable_input_false", REQUIRED, ["plan", "-input=false"])
sc("plan_required_variable_given", REQUIRED, ["plan", "-input=false", "-var", "name=a"])
sc("plan_var_twice", REQUIRED, ["plan", "-input=false", "-var", "name=a", "-var", "name=b"])
sc("plan_var_file_twice", files(REQUIRED, TFVARS), ["plan", "-input=false", "-var-file=a.tfvars", "-var-file=b.tfvars"])
sc("plan_var_and_var_file", files(REQUIRED, TFVARS), ["plan", "-input=false", "-var-file=a.tfvars", "-var", "name=c"])
sc("plan_var_undeclared", GOOD, ["plan", "-input=false", "-var", "undeclared=1"])
sc("plan_var_file_undeclared_is_a_warning", files(REQUIRED, TFVARS), ["plan", "-input=false", "-var-file=extra.tfvars"])
sc("plan_var_file_missing", REQUIRED, ["plan", "-input=false", "-var-file=none.tfvars"])
sc("plan_var_file_syntax_error", files(REQUIRED, TFVARS), ["plan", "-input=false", "-var-file=bad.tfvars"])
sc("plan_var_without_equals", REQUIRED, ["plan", "-input=false", "-var", "name"])
sc("plan_var_wrong_type", LIST_VAR, ["plan", "-input=false", "-var", "cidrs=notalist"])
sc("plan_var_list_value", LIST_VAR, ["plan", "-input=false", "-var", 'cidrs=["10.0.0.0/16"]'])
sc("plan_variable_validation_fails", VALIDATED, ["plan", "-input=false", "-var", "bandwidth=Large.1"])
sc("plan_precondition_fails", PRECONDITION, ["plan", "-input=false"])
sc("plan_unknown_flag", GOOD, ["plan", "-bogus"])
sc("plan_target_warns", GOOD, ["plan", "-input=false", "-target=terraform_data.a"])
sc("plan_target_bad_address", GOOD, ["plan", "-input=false", "-target=not an address"])
sc("plan_out_then_show_json", GOOD, ["show", "-json", "tfplan"], [["plan", "-input=false", "-out=tfplan"]])
# apply
sc("apply_auto_approve", GOOD, APPLY)
sc("apply_without_approval_stdin_empty", GOOD, ["apply", "-input=false"])
sc("apply_missing_required_variable", REQUIRED, APPLY)
sc("apply_var_twice_last_wins", REQUIRED, ["output", "-raw", "name"],
   [APPLY + ["-var", "name=a", "-var", "name=b"]])
sc("apply_var_file_twice_last_wins", files(REQUIRED, TFVARS), ["output", "-raw", "name"],
   [APPLY + ["-var-file=a.tfvars", "-var-file=b.tfvars"]])
sc("apply_var_and_var_file_last_wins_in_command_line_order", files(REQUIRED, TFVARS), ["output", "-raw", "name"],
   [APPLY + ["-var", "name=c", "-var-file=a.tfvars"]])
sc("apply_saved_plan", GOOD, ["apply", "tfplan"], [["plan", "-input=false", "-out=tfplan"]])
sc("apply_stale_saved_plan", GOOD, ["apply", "tfplan"], [["plan", "-input=false", "-out=tfplan"], APPLY])
sc("apply_saved_plan_with_var", GOOD, ["apply", "-var", "name=y", "tfplan"], [["plan", "-input=false", "-out=tfplan"]])
sc("apply_precondition_fails", PRECONDITION, APPLY)
sc("destroy_auto_approve", GOOD, ["destroy", "-auto-approve", "-input=false"], [APPLY])
sc("apply_destroy_empty_state", GOOD, ["apply", "-destroy", "-auto-approve", "-input=false"])
# output
sc("output_all", GOOD, ["output"], [APPLY])
sc("output_name", GOOD, ["output", "name"], [APPLY])
sc("output_missing_name", GOOD, ["output", "nope"], [APPLY])
sc("output_null_is_missing", GOOD, ["output", "nothing"], [APPLY])
sc("output_raw_string", GOOD, ["output", "-raw", "name"], [APPLY])
sc("output_raw_number", GOOD, ["output", "-raw", "number"], [APPLY])
sc("output_raw_map", GOOD, ["output", "-raw", "map"], [APPLY])
sc("output_raw_sensitive", GOOD, ["output", "-raw", "secret"], [APPLY])
sc("output_raw_without_name", GOOD, ["output", "-raw"], [APPLY])
sc("output_json_all", GOOD, ["output", "-json"], [APPLY])
sc("output_json_sensitive_name", GOOD, ["output", "-json", "secret"], [APPLY])
sc("output_sensitive_name", GOOD, ["output", "secret"], [APPLY])
sc("output_no_state", GOOD, ["output"])
sc("output_name_no_state", GOOD, ["output", "name"])
sc("output_json_no_state", GOOD, ["output", "-json"])
sc("output_json_and_raw", GOOD, ["output", "-json", "-raw", "name"], [APPLY])
sc("output_two_names", GOOD, ["output", "name", "map"], [APPLY])
# state
sc("state_list_no_state", GOOD, ["state", "list"])
sc("state_list_empty_config", EMPTY, ["state", "list"], [APPLY])
sc("state_list_after_apply", GOOD, ["state", "list"], [APPLY])
sc("state_list_filter_missing", GOOD, ["state", "list", "terraform_data.nope"], [APPLY])
sc("state_show", GOOD, ["state", "show", "terraform_data.a"], [APPLY])
sc("state_show_missing", GOOD, ["state", "show", "terraform_data.nope"], [APPLY])
sc("state_show_no_address", GOOD, ["state", "show"], [APPLY])
sc("state_rm_missing", GOOD, ["state", "rm", "terraform_data.nope"], [APPLY])
sc("state_mv", GOOD, ["state", "mv", "terraform_data.a", "terraform_data.b"], [APPLY])
sc("state_mv_missing", GOOD, ["state", "mv", "terraform_data.nope", "terraform_data.b"], [APPLY])
sc("state_unknown_subcommand", GOOD, ["state", "bogus"], [APPLY])
sc("state_pull_no_state", GOOD, ["state", "pull"])
# fmt
sc("fmt_check_unformatted", UNFORMATTED, ["fmt", "-check"])
sc("fmt_check_formatted", GOOD, ["fmt", "-check"])
sc("fmt_check_syntax_error", SYNTAX, ["fmt", "-check"])
sc("fmt_writes", UNFORMATTED, ["fmt"])
sc("fmt_unknown_flag", GOOD, ["fmt", "-bogus"])
# show, misc
sc("show_no_state", GOOD, ["show"])
sc("show_json_no_state", GOOD, ["show", "-json"])
sc("unknown_command", GOOD, ["bogus"])
sc("chdir_missing_dir", GOOD, ["-chdir=nowhere", "plan"])
# console (stdin is a pipe: Terraform prints the last value only, and stops at the first error)
sc("console_expression", GOOD, ["console"], stdin="1 + 1\n")
sc("console_prints_the_last_value", GOOD, ["console"], stdin="1\nvar.name\n")
sc("console_renders_collections", GOOD, ["console"],
   stdin='{ a = [1, "x"], b = tolist(["p"]), c = toset(["q"]), d = tomap({ k = true }), e = null }\n')
sc("console_multi_line_expression", GOOD, ["console"], stdin="{\n  a = 1\n}\n")
sc("console_heredoc_string", GOOD, ["console"], stdin='"one\\ntwo"\n')
sc("console_sensitive_variable", GOOD, ["console"], stdin="var.secret\n")
sc("console_reads_state", GOOD, ["console"], [APPLY], stdin="terraform_data.a.input\n")
sc("console_undeclared_reference", GOOD, ["console"], stdin="var.nope\n")
sc("console_syntax_error", GOOD, ["console"], stdin="1 +\n")
sc("console_var_option", REQUIRED, ["console", "-var", "name=given"], stdin="var.name\n")
# taint and untaint
sc("taint_marks_instance", GOOD, ["taint", "terraform_data.a"], [APPLY])
sc("taint_missing_instance", GOOD, ["taint", "terraform_data.nope"], [APPLY])
sc("taint_allow_missing", GOOD, ["taint", "-allow-missing", "terraform_data.nope"], [APPLY])
sc("taint_no_state", GOOD, ["taint", "terraform_data.a"])
sc("taint_bad_address", GOOD, ["taint", "not an address"], [APPLY])
sc("taint_then_plan_replaces", GOOD, ["plan", "-input=false", "-detailed-exitcode"], [APPLY, ["taint", "terraform_data.a"]])
sc("untaint_not_tainted", GOOD, ["untaint", "terraform_data.a"], [APPLY])
sc("untaint_after_taint", GOOD, ["untaint", "terraform_data.a"], [APPLY, ["taint", "terraform_data.a"]])
sc("untaint_then_plan_no_changes", GOOD, ["plan", "-input=false", "-detailed-exitcode"],
   [APPLY, ["taint", "terraform_data.a"], ["untaint", "terraform_data.a"]])
# state push, replace-provider, list -id, mv -dry-run
OTHER_STATE = {"other.tfstate": json.dumps({"version": 4, "terraform_version": "1.11.4", "serial": 7,
               "lineage": "00000000-0000-0000-0000-000000000000", "outputs": {}, "resources": [],
               "check_results": None}, indent=2) + "\n"}
sc("state_push_same_state", GOOD, ["state", "push", "terraform.tfstate"], [APPLY])
sc("state_push_other_lineage", files(GOOD, OTHER_STATE), ["state", "push", "other.tfstate"], [APPLY])
sc("state_push_other_lineage_force", files(GOOD, OTHER_STATE), ["state", "push", "-force", "other.tfstate"], [APPLY])
sc("state_push_onto_no_state", files(GOOD, OTHER_STATE), ["state", "push", "other.tfstate"])
sc("state_push_missing_file", GOOD, ["state", "push", "none.tfstate"], [APPLY])
sc("state_replace_provider_no_match", GOOD,
   ["state", "replace-provider", "-auto-approve", "hashicorp/aws", "acme/aws"], [APPLY])
sc("state_replace_provider_bad_address", GOOD,
   ["state", "replace-provider", "-auto-approve", "not//valid", "acme/aws"], [APPLY])
sc("state_list_id_no_match", GOOD, ["state", "list", "-id=nope"], [APPLY])
sc("state_mv_dry_run", GOOD, ["state", "mv", "-dry-run", "terraform_data.a", "terraform_data.b"], [APPLY])
sc("state_mv_dry_run_then_list", GOOD, ["state", "list"],
   [APPLY, ["state", "mv", "-dry-run", "terraform_data.a", "terraform_data.b"]])
# fmt
sc("fmt_stdin", {}, ["fmt", "-"], stdin='output "o" {\nvalue="x"\n}\n')
sc("fmt_stdin_check", {}, ["fmt", "-check", "-"], stdin='output "o" {\nvalue="x"\n}\n')
sc("fmt_stdin_syntax_error", {}, ["fmt", "-"], stdin='output "o" {\nvalue=\n')
sc("fmt_write_false", UNFORMATTED, ["fmt", "-write=false"])
sc("fmt_write_false_list_false", UNFORMATTED, ["fmt", "-write=false", "-list=false"])
sc("fmt_diff", {"main.tf": 'variable "a" {\n}\n\noutput "o" {\nvalue="x"\n  description = "d"\n}\n'},
   ["fmt", "-diff", "-check"])
sc("fmt_list_false_check", UNFORMATTED, ["fmt", "-check", "-list=false"])
# environment, help, providers, init -upgrade, -compact-warnings
sc("tf_cli_args_plan_detailed_exitcode", GOOD, ["plan", "-input=false"], env={"TF_CLI_ARGS_plan": "-detailed-exitcode"})
sc("tf_cli_args_all_commands", UNFORMATTED, ["fmt"], env={"TF_CLI_ARGS": "-check"})
sc("tf_cli_args_bad_flag", GOOD, ["validate"], env={"TF_CLI_ARGS_validate": "-bogus"})
sc("tf_cli_args_quoted_var", REQUIRED, ["plan", "-input=false"], env={"TF_CLI_ARGS_plan": "-var 'name=two words'"})
sc("tf_cli_args_command_line_wins", files(REQUIRED, TFVARS), ["output", "-raw", "name"],
   [APPLY + ["-var", "name=typed"]], env={"TF_CLI_ARGS_apply": "-var name=from-env"})
sc("plan_help", GOOD, ["plan", "-help"])
sc("state_list_help", GOOD, ["state", "list", "-help"])
sc("fmt_help", GOOD, ["fmt", "-help"])
sc("providers_tree", GOOD, ["providers"])
sc("init_upgrade", GOOD, ["init", "-upgrade", "-input=false"])
sc("plan_compact_warnings", files(REQUIRED, TFVARS), ["plan", "-input=false", "-compact-warnings", "-var-file=extra.tfvars"])
sc("plan_missing_required_variable_no_terminal", REQUIRED, ["plan"])
sc("apply_target_warns", GOOD, ["apply", "-auto-approve", "-input=false", "-target=terraform_data.a"])

ANSI = re.compile(r"\x1b\[[0-9;]*m")
STDOUT_SCRIPTS_READ = {"output", "fmt", "validate", "console", "taint", "untaint"}

def run(cwd, args, env, stdin=None):
    p = subprocess.run(["terraform"] + args, cwd=cwd, env=env, input=stdin or "",
                       capture_output=True, text=True, timeout=300)
    return p.returncode, p.stdout, p.stderr

def unframed(text):
    """the text without colour and without the frame Terraform draws around a diagnostic (╷ │ ╵)"""
    lines = []
    for line in ANSI.sub("", text).splitlines():
        if line.strip() in ("╷", "╵"):
            continue
        lines.append(re.sub(r"^│ ?", "", line))
    return lines

UUID = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")
TIMESTAMP = re.compile(r"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")

def masked(text):
    """random ids and clock times replaced, so that a rerun writes the same file"""
    return TIMESTAMP.sub("<timestamp>", UUID.sub("<uuid>", text))

def first_line(lines):
    return masked(next((l.strip() for l in lines if l.strip()), ""))

out = []
with tempfile.TemporaryDirectory() as tmp:
    rc_file = os.path.join(tmp, "terraformrc")
    open(rc_file, "w").close()
    env = {k: v for k, v in os.environ.items() if not k.startswith("TF_")}
    env.update(TF_CLI_CONFIG_FILE=rc_file, CHECKPOINT_DISABLE="1")
    for s in S:
        d = os.path.join(tmp, s["name"])
        os.mkdir(d)
        for name, text in s["files"].items():
            open(os.path.join(d, name), "w").write(text)
        scenario_env = dict(env, **s.get("env", {}))
        for step in s["setup"]:
            code, o, e = run(d, step, scenario_env)
            if code != 0:
                sys.exit(f"{s['name']}: setup {step} exited {code}: {e}")
        code, o, e = run(d, s["command"], scenario_env, s.get("stdin"))
        err = unframed(e)
        errors = [l[len("Error: "):].strip() for l in err if l.startswith("Error: ")]
        r = {"exit_code": code, "error_summary": errors[0] if errors else None,
             "stderr_first_line": first_line(err), "stdout_first_line": first_line(unframed(o))}
        if s["command"][0] in STDOUT_SCRIPTS_READ or s["command"][:2] in (["state", "list"], ["state", "mv"],
                                                                          ["state", "replace-provider"]):
            r["stdout"] = masked(ANSI.sub("", o))
        out.append(dict(s, terraform=r))
        print(f"{s['name']}: {code} | {r['error_summary'] or ''} | {r['stderr_first_line'][:70]}", file=sys.stderr)

    version = json.loads(subprocess.run(["terraform", "version", "-json"], env=env, capture_output=True,
                                        text=True).stdout)["terraform_version"]
doc = {"terraform_version": version,
       "stdin": "a pipe, never a terminal: the scenario's stdin, or empty",
       "note": "error_summary is the first 'Error: ' line of stderr, colour codes and diagnostic frames removed;"
               " in recorded output, ids (UUIDs) read <uuid> and clock times <timestamp>",
       "scenarios": out}
open(sys.argv[1], "w").write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
print(f"wrote {len(out)} scenarios to {sys.argv[1]}", file=sys.stderr)
PY
