variable "secret" {
  default   = "s3cr3t"
  sensitive = true
}
resource "terraform_data" "a" {
  input = { name = "a", n = 1 }
}
resource "terraform_data" "b" {
  count = 2
  input = "${terraform_data.a.id}-${count.index}"
  triggers_replace = [terraform_data.a.output]
}
resource "terraform_data" "s" {
  for_each = toset(["x"])
  input = var.secret
}
output "b_ids" { value = terraform_data.b[*].id }
output "sec" {
  value = terraform_data.s["x"].output
  sensitive = true
}
