variable "name" {
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
