locals {
  a = var.list.0
  b = var.list.*.id
  c = var.list[*].id
  d = var.map["key"]
  e = var.nested[0] [ "k" ]
}
