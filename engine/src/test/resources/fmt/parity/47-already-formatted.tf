resource "terraform_data" "ok" {
  input = "x"

  lifecycle {
    create_before_destroy = true
  }
}
