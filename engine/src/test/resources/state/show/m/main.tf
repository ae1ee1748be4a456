variable "value" {
  type = string
}

resource "terraform_data" "r" {
  input = var.value
}

output "out" {
  value = terraform_data.r.output
}
