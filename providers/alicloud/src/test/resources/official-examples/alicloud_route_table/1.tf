# Pattern of r/route_table: a VPC with no cidr_block at all (the cloud picks one) and a custom route table for
# vswitches in it.
provider "alicloud" {
  region = "cn-beijing"
}

variable "label" {
  default = "custom-table"
}

resource "alicloud_vpc" "bare" {
  vpc_name = var.label
}

resource "alicloud_route_table" "custom" {
  vpc_id           = alicloud_vpc.bare.id
  route_table_name = var.label
  description      = "table for selected vswitches"
  associate_type   = "VSwitch"
}
