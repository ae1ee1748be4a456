variable "a" { default = 1 }
variable "b" {default="x"}
output "c" { value = var.a }
locals { x = 1 }
resource "terraform_data" "d" { input = { a = 1, b = 2 } }
