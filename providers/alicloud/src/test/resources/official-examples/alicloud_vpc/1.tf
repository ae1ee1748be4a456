# Pattern of r/vpc: one VPC with a name from a variable, a description, a large private range and IPv6 on.
provider "alicloud" {
  region = "cn-beijing"
}

variable "label" {
  default = "pattern-vpc"
}

resource "alicloud_vpc" "main" {
  vpc_name    = var.label
  description = "a VPC written the way the official docs write one"
  cidr_block  = "10.0.0.0/8"
  enable_ipv6 = true
}
