resource "terraform_data" "a" {
  input = "a"
}

variable "n" {
  default = 3
}

check "small" {
  assert {
    condition     = var.n < 2
    error_message = "n is too big."
  }
}

check "fine" {
  assert {
    condition     = var.n > 2
    error_message = "never shown."
  }
}
