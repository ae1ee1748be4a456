# Applied with v = 1, then planned with -var v=2: every change of a jsonencode string Terraform renders as a
# diff inside the JSON, and the attributes shown around it (id always, widths over hidden attributes).
variable "v" {
  type    = number
  default = 1
}

locals {
  two = var.v == 2
}

# a member changes type and one becomes null; the others are hidden
resource "terraform_data" "member" {
  input = jsonencode({ a = local.two ? "2" : 1, b = ["x", "y"], c = { d = "e" }, gone = local.two ? null : "here", keep = "same" })
}

# inside an object: the list grows at its end, an unchanged "name" beside it stays shown
resource "terraform_data" "nested" {
  input = { doc = jsonencode({ a = var.v, list = local.two ? [1, 3, 4] : [1, 2] }), name = "n" }
}

# same length, one element changed: paired by position
resource "terraform_data" "element" {
  input = jsonencode(local.two ? ["a", "c"] : ["a", "b"])
}

# JSON to a plain string
resource "terraform_data" "to_text" {
  input = local.two ? "not json" : jsonencode({ a = 1 })
}

# keys added and removed; a key unchanged with "id" is still shown
resource "terraform_data" "keys" {
  input = jsonencode(local.two ? { id = "i", added = true, n = 1.5 } : { id = "i", removed = false, n = 1.5 })
}

# the same JSON written otherwise: a whitespace change
resource "terraform_data" "whitespace" {
  input = local.two ? "{\"a\": 1}" : "{\"a\":1}"
}

# one element inserted in the middle of a long list: context around it, the rest counted
resource "terraform_data" "insert" {
  input = jsonencode(local.two ? [1, 2, 3, 4, 99, 5, 6, 7, 8] : [1, 2, 3, 4, 5, 6, 7, 8])
}

# an array of objects: the changed object is diffed in place
resource "terraform_data" "objects" {
  input = jsonencode({ Statement = [{ Effect = "Allow", Action = local.two ? ["s3:Get", "s3:Put"] : ["s3:Get"] }, { Effect = "Deny", Action = ["*"] }] })
}

# a reordering of the same elements
resource "terraform_data" "reorder" {
  input = jsonencode(local.two ? ["b", "a"] : ["a", "b"])
}

# JSON inside JSON
resource "terraform_data" "inner" {
  input = jsonencode({ doc = jsonencode({ k = var.v }) })
}

# a long unchanged attribute sets the width of the shown ones
resource "terraform_data" "width" {
  triggers_replace = "fixed"
  input            = jsonencode({ z = var.v })
}

# a map and a list beside JSON
resource "terraform_data" "map" {
  input = { m = tomap({ "k" = tostring(var.v), "same" = "s" }), l = local.two ? ["p", "q"] : ["p"] }
}
