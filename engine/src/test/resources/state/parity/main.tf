# A configuration whose state holds sensitive values, applied by Terraform (see
# engine/src/test/oracle/generate-state-parity.sh): a sensitive variable fed whole into one terraform_data input
# and nested in an object into another, a sensitive output, a plain one, and an output of a resource attribute
# that is sensitive because its input was.

variable "db_password" {
  type      = string
  sensitive = true
}

variable "db_user" {
  type    = string
  default = "admin"
}

resource "terraform_data" "whole" {
  input = var.db_password
}

resource "terraform_data" "nested" {
  input = {
    user     = var.db_user
    password = var.db_password
    port     = 5432
  }
  triggers_replace = [var.db_user]
}

output "password" {
  value     = var.db_password
  sensitive = true
}

output "user" {
  value = var.db_user
}

output "connection" {
  value     = terraform_data.nested.output
  sensitive = true
}

output "password_length" {
  value = length(nonsensitive(terraform_data.whole.output))
}
