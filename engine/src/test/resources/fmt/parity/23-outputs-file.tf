output "vpc_id" {
  value = alicloud_vpc.main.id
  description = "The VPC's id"
}
output "secret" {
  value = var.password
  sensitive = true
}
output "all" { value = { for k, v in alicloud_vpc.all : k => v.id } }
output "one_line" {value="x"}
