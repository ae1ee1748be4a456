# Pattern of r/vswitch: the zone comes from alicloud_zones filtered on vswitch creation; one VPC, one vswitch.
provider "alicloud" {
  region = "cn-beijing"
}

data "alicloud_zones" "usable" {
  available_resource_creation = "VSwitch"
}

resource "alicloud_vpc" "net" {
  vpc_name   = "subnet-pattern"
  cidr_block = "172.20.0.0/16"
}

resource "alicloud_vswitch" "first" {
  vswitch_name = "subnet-pattern"
  cidr_block   = "172.20.8.0/21"
  vpc_id       = alicloud_vpc.net.id
  zone_id      = data.alicloud_zones.usable.zones.0.id
}
