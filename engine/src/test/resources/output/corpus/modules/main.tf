module "c" {
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
