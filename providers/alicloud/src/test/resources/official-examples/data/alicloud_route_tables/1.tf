# Pattern of d/route_tables: a VPC and a custom table, then the data source by ids and type Custom.
provider "alicloud" {
  region = "cn-beijing"
}

variable "label" {
  default = "listed-table"
}

resource "alicloud_vpc" "net" {
  cidr_block = "172.16.0.0/12"
  vpc_name   = var.label
}

resource "alicloud_route_table" "custom" {
  vpc_id           = alicloud_vpc.net.id
  route_table_name = var.label
  description      = var.label
}

data "alicloud_route_tables" "mine" {
  ids              = ["${alicloud_route_table.custom.id}"]
  route_table_type = "Custom"
}

output "route_table_ids" {
  value = data.alicloud_route_tables.mine.ids
}
