locals {
  a = 1
  bbb = "x"
  list = [1,2,3]
}

resource "terraform_data" "crlf" {
  input = local.a
}
