variable "name" {
  type = string
}

variable "after" {
  type = string
}

resource "terraform_data" "p" {
  input = { name = var.name, after = var.after }
}

resource "terraform_data" "q" {
  input      = terraform_data.p.output
  depends_on = [terraform_data.p]
}

output "id" {
  value = terraform_data.p.id
}
