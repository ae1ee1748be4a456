# Pattern of r/route_table_attachment: VPC, a vswitch in a zone from alicloud_zones, a custom table, and the
# attachment binding the vswitch to the table.
provider "alicloud" {
  region = "cn-beijing"
}

data "alicloud_zones" "usable" {
  available_resource_creation = "VSwitch"
}

resource "alicloud_vpc" "net" {
  vpc_name   = "attach-pattern"
  cidr_block = "172.24.0.0/16"
}

resource "alicloud_vswitch" "app" {
  vswitch_name = "attach-pattern"
  vpc_id       = alicloud_vpc.net.id
  cidr_block   = "172.24.16.0/21"
  zone_id      = data.alicloud_zones.usable.zones[0].id
}

resource "alicloud_route_table" "app" {
  vpc_id           = alicloud_vpc.net.id
  route_table_name = "attach-pattern"
  description      = "bound to the app vswitch"
}

resource "alicloud_route_table_attachment" "app" {
  vswitch_id     = alicloud_vswitch.app.id
  route_table_id = alicloud_route_table.app.id
}
