# Pattern of examples/vpc-multi-region: two provider configurations with aliases, one VPC in each region.
provider "alicloud" {
  alias  = "north"
  region = "cn-beijing"
}

provider "alicloud" {
  alias  = "east"
  region = "cn-hangzhou"
}

resource "alicloud_vpc" "north" {
  provider   = alicloud.north
  vpc_name   = "two-regions"
  cidr_block = "10.1.0.0/16"
}

resource "alicloud_vpc" "east" {
  provider   = alicloud.east
  vpc_name   = "two-regions"
  cidr_block = "10.1.0.0/16"
}
