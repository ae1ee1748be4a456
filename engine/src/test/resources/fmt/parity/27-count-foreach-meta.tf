resource "terraform_data" "each" {
  for_each = toset(var.names)
  input = each.key
}
resource "terraform_data" "counted" {
  count = 3
  input = count.index
  depends_on = [terraform_data.each]
  provider = terraform
}
