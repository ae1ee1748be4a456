resource "terraform_data" "nested" {
input = "x"
lifecycle {
create_before_destroy = true
ignore_changes = [input]
precondition {
condition = true
error_message = "never"
}
}
}
