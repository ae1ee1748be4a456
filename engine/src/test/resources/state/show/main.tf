# show of a state and of a saved plan as Terraform lays them out: modules (count and for_each), resources with
# count and for_each, nested values, a sensitive value, outputs of every type.
variable "token" {
  type      = string
  default   = "t0ps3cret"
  sensitive = true
}

resource "terraform_data" "single" {
  input = { name = "one", list = ["a", "b"], nested = { n = 1, ok = true }, empty = {}, none = [] }
}

resource "terraform_data" "counted" {
  count = 2
  input = "c-${count.index}"
}

resource "terraform_data" "each" {
  for_each = toset(["x", "y z"])
  input    = each.key
}

resource "terraform_data" "secret" {
  input = { token = var.token, plain = "visible" }
}

resource "terraform_data" "text" {
  input = "line one\nline two\n"
}

resource "terraform_data" "doc" {
  input = jsonencode({ a = [1, 2], b = { c = "d" } })
}

module "child" {
  source   = "./m"
  for_each = { k1 = "v1" }
  value    = each.value
}

module "counted" {
  source = "./m"
  count  = 1
  value  = "once"
}

output "string" {
  value = "s"
}

output "number" {
  value = 1.5
}

output "bool" {
  value = true
}

output "list" {
  value = tolist(["a", "b"])
}

output "set" {
  value = toset(["p", "q"])
}

output "map" {
  value = tomap({ a = "1", "b c" = "2" })
}

output "object" {
  value = { x = 1, y = ["z"] }
}

output "tuple" {
  value = [1, "two", false]
}

output "secret" {
  value     = var.token
  sensitive = true
}

output "ids" {
  value = terraform_data.counted[*].id
}

output "child" {
  value = module.child["k1"].out
}

output "multiline" {
  value = terraform_data.text.output
}

output "empty" {
  value = {}
}
