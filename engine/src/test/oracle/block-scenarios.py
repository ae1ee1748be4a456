import json
MOD = 'variable "name" {\n  type = string\n}\n\nresource "terraform_data" "r" {\n  input = var.name\n}\n\noutput "name" {\n  value = terraform_data.r.output\n}\n'
MAIN_MOD = '''module "c" {
  source = "./mod"
  count  = 2
  name   = "c${count.index}"
}

module "e" {
  source   = "./mod"
  for_each = { a = "x", b = "y" }
  name     = "${each.key}-${each.value}"
}

module "z" {
  source = "./mod"
  count  = 0
  name   = "never"
}

output "c" {
  value = module.c[*].name
}

output "e" {
  value = { for k, m in module.e : k => m.name }
}

output "z" {
  value = module.z
}
'''
AC = 'resource "terraform_data" "a" {\n  input = "a"\n}\n\nresource "terraform_data" "c" {\n  count = 2\n  input = count.index\n}\n'
MOVED = '''resource "terraform_data" "b" {
  input = "a"
}

resource "terraform_data" "c" {
  for_each = toset(["x", "y"])
  input    = each.key == "x" ? 0 : 1
}

moved {
  from = terraform_data.a
  to   = terraform_data.b
}

moved {
  from = terraform_data.c[0]
  to   = terraform_data.c["x"]
}

moved {
  from = terraform_data.c[1]
  to   = terraform_data.c["y"]
}
'''
A = 'resource "terraform_data" "a" {\n  input = "a"\n}\n'
def res(name, inp='"a"'):
    return 'resource "terraform_data" "%s" {\n  input = %s\n}\n' % (name, inp)
def moved(f, t):
    return '\nmoved {\n  from = %s\n  to   = %s\n}\n' % (f, t)
S = []
S.append({"name": "moduleCountAndForEachExpandToKeyedInstances", "files": {"main.tf": MAIN_MOD, "mod/main.tf": MOD},
  "steps": [
    {"args": ["plan"]},
    {"args": ["apply", "-auto-approve"]},
    {"args": ["plan", "-detailed-exitcode"]},
    {"files": {"main.tf": MAIN_MOD.replace("count  = 2", "count  = 1")}, "args": ["plan"]},
    {"args": ["plan", "-target=module.c"]},
    {"args": ["plan", "-target=module.e[\"a\"]"]},
    {"args": ["apply", "-auto-approve"]},
    {"args": ["state", "rm", "module.e[\"a\"].terraform_data.r"]},
    {"args": ["state", "mv", "module.e[\"b\"].terraform_data.r", "module.e[\"q\"].terraform_data.r"]},
    {"args": ["plan"]},
  ]})
S.append({"name": "movedRenamesInsteadOfReplacing", "files": {"main.tf": AC},
  "steps": [
    {"args": ["apply", "-auto-approve"]},
    {"files": {"main.tf": MOVED}, "args": ["plan", "-detailed-exitcode"]},
    {"args": ["apply", "-auto-approve"]},
    {"args": ["plan", "-detailed-exitcode"]},
  ]})
S.append({"name": "movedWithAChangeShowsMovedFrom", "files": {"main.tf": A},
  "steps": [
    {"args": ["apply", "-auto-approve"]},
    {"files": {"main.tf": res("b", '"changed"') + moved("terraform_data.a", "terraform_data.b")}, "args": ["plan"]},
  ]})
S.append({"name": "movedChainsFollowToTheLastAddress", "files": {"main.tf": A},
  "steps": [
    {"args": ["apply", "-auto-approve"]},
    {"files": {"main.tf": res("c") + moved("terraform_data.a", "terraform_data.b") + moved("terraform_data.b", "terraform_data.c")}, "args": ["apply", "-auto-approve"]},
  ]})
S.append({"name": "movedIntoAndOutOfModules", "files": {"main.tf": A + res("o") + 'module "m" {\n  source = "./m"\n}\n', "m/main.tf": res("x")},
  "steps": [
    {"args": ["apply", "-auto-approve"]},
    {"files": {"main.tf": res("x") + 'module "m" {\n  source = "./m"\n}\n' + moved("terraform_data.a", "module.m.terraform_data.a") + moved("module.m.terraform_data.x", "terraform_data.x") + moved("terraform_data.o", "module.m.terraform_data.o"),
               "m/main.tf": res("a") + res("o")}, "args": ["plan"]},
    {"args": ["apply", "-auto-approve"]},
  ]})
S.append({"name": "movedModulesAndModuleInstances", "files": {"main.tf": 'module "old" {\n  source = "./m"\n}\n\nmodule "c" {\n  source = "./m"\n  count  = 1\n}\n', "m/main.tf": res("x")},
  "steps": [
    {"args": ["apply", "-auto-approve"]},
    {"files": {"main.tf": 'module "new" {\n  source = "./m"\n}\n\nmodule "c" {\n  source   = "./m"\n  for_each = toset(["k"])\n}\n' + moved("module.old", "module.new") + moved("module.c[0]", 'module.c["k"]')}, "args": ["init"]},
    {"args": ["plan"]},
    {"args": ["apply", "-auto-approve"]},
  ]})
S.append({"name": "movedErrorsAsTerraformReportsThem", "files": {"main.tf": A + res("b")},
  "steps": [
    {"args": ["apply", "-auto-approve"]},
    {"files": {"main.tf": A + res("b") + moved("terraform_data.a", "terraform_data.b")}, "args": ["plan"]},
    {"files": {"main.tf": res("b") + res("z") + moved("terraform_data.a", "terraform_data.z") + moved("terraform_data.q", "terraform_data.z")}, "args": ["plan"]},
    {"files": {"main.tf": res("z") + moved("terraform_data.a", "terraform_data.q") + moved("terraform_data.q", "terraform_data.a")}, "args": ["plan"]},
    {"files": {"main.tf": res("z") + moved("terraform_data.a", "module.q.terraform_data.a")}, "args": ["plan"]},
    {"files": {"main.tf": res("z") + moved("terraform_data.a", "terraform_data.q[0]")}, "args": ["plan"]},
  ]})
S.append({"name": "removedForgetsOrDestroys", "files": {"main.tf": A + res("b")},
  "steps": [
    {"args": ["apply", "-auto-approve"]},
    {"files": {"main.tf": '\nremoved {\n  from = terraform_data.a\n\n  lifecycle {\n    destroy = false\n  }\n}\n\nremoved {\n  from = terraform_data.b\n\n  lifecycle {\n    destroy = true\n  }\n}\n'}, "args": ["plan", "-detailed-exitcode"]},
    {"args": ["apply", "-auto-approve"]},
    {"args": ["plan", "-detailed-exitcode"]},
  ]})
S.append({"name": "removedErrors", "files": {"main.tf": A},
  "steps": [
    {"args": ["apply", "-auto-approve"]},
    {"files": {"main.tf": A + '\nremoved {\n  from = terraform_data.a\n\n  lifecycle {\n    destroy = false\n  }\n}\n'}, "args": ["plan"]},
    {"files": {"main.tf": '\nremoved {\n  from = terraform_data.a[0]\n}\n'}, "args": ["plan"]},
  ]})
S.append({"name": "importBlocksImportDuringApply", "files": {"main.tf": res("a")},
  "steps": [
    {"files": {"main.tf": res("a") + '\nimport {\n  to = terraform_data.a\n  id = "abc"\n}\n'}, "args": ["plan"]},
    {"args": ["apply", "-auto-approve"]},
    {"args": ["plan", "-detailed-exitcode"]},
  ]})
S.append({"name": "importForEachTargetsEachKey", "files": {"main.tf": 'resource "terraform_data" "m" {\n  for_each = toset(["x", "y"])\n}\n\nimport {\n  for_each = toset(["x", "y"])\n  to       = terraform_data.m[each.key]\n  id       = "id-${each.key}"\n}\n'},
  "steps": [
    {"args": ["plan", "-detailed-exitcode"]},
    {"args": ["plan", "-out=tfplan"]},
    {"args": ["apply", "tfplan"]},
    {"args": ["plan", "-detailed-exitcode"]},
  ]})
S.append({"name": "importWithoutConfigurationIsAnError", "files": {"main.tf": '\nimport {\n  to = terraform_data.nope\n  id = "abc"\n}\n'},
  "steps": [
    {"args": ["plan"]},
  ]})
S.append({"name": "savedPlansCarryMovesAndForgets", "files": {"main.tf": A + res("f")},
  "steps": [
    {"args": ["apply", "-auto-approve"]},
    {"files": {"main.tf": res("b") + moved("terraform_data.a", "terraform_data.b") + '\nremoved {\n  from = terraform_data.f\n\n  lifecycle {\n    destroy = false\n  }\n}\n'}, "args": ["plan", "-out=tfplan"]},
    {"args": ["apply", "tfplan"]},
    {"args": ["plan", "-detailed-exitcode"]},
  ]})
S.append({"name": "checkFailuresAreWarnings", "files": {"main.tf": A + '\nvariable "n" {\n  default = 3\n}\n\ncheck "small" {\n  assert {\n    condition     = var.n < 2\n    error_message = "n is too big."\n  }\n}\n\ncheck "fine" {\n  assert {\n    condition     = var.n > 2\n    error_message = "never shown."\n  }\n}\n'},
  "steps": [
    {"args": ["plan", "-detailed-exitcode"]},
    {"args": ["apply", "-auto-approve"]},
    {"args": ["validate"]},
  ]})
S.append({"name": "requiredVersionIsCheckedAgainstTerraform111", "files": {"main.tf": 'terraform {\n  required_version = ">= 1.5, < 2.0"\n}\n' + A},
  "steps": [
    {"args": ["plan"]},
    {"files": {"main.tf": 'terraform {\n  required_version = ">= 1.12"\n}\n' + A}, "args": ["plan"]},
    {"files": {"main.tf": 'terraform {\n  required_version = "~> 1.11.0"\n}\n' + A}, "args": ["validate"]},
    {"files": {"main.tf": 'terraform {\n  required_version = "~> 1.10.0"\n}\n' + A}, "args": ["validate"]},
    {"files": {"main.tf": 'terraform {\n  required_version = "banana"\n}\n' + A}, "args": ["validate"]},
  ]})
S.append({"name": "generateConfigOutWritesBlocksForImportTargetsWithoutOne", "files": {"main.tf": '\nimport {\n  to = terraform_data.nope\n  id = "abc"\n}\n'},
  "steps": [
    {"args": ["plan", "-generate-config-out=gen.tf"], "read": ["gen.tf"], "compare": "files"},
    {"args": ["plan", "-generate-config-out=gen.tf"]},
    {"args": ["apply", "-auto-approve"]},
  ]})
json.dump(S, open("block-scenarios.json", "w"), indent=1)
