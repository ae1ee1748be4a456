variable "x" {
  type = string
}

resource "terraform_data" "p" {
  input = var.x
}

resource "terraform_data" "q" {
  input = terraform_data.p.output
}

output "out" {
  value = terraform_data.q.output
}
