# Pattern of r/route_entry (and d/route_entries, examples/route-entry): a VPC, a vswitch, a security group and an
# ECS instance in it, then a /32 route in the VPC's system table whose next hop is that instance. The docs take the
# image and the instance type from data sources; literal values here keep the pattern offline.
provider "alicloud" {
  region = "cn-beijing"
}

data "alicloud_zones" "usable" {
  available_resource_creation = "VSwitch"
}

resource "alicloud_vpc" "net" {
  vpc_name   = "hop-to-instance"
  cidr_block = "10.30.0.0/16"
}

resource "alicloud_vswitch" "net" {
  vswitch_name = "hop-to-instance"
  vpc_id       = alicloud_vpc.net.id
  cidr_block   = "10.30.1.0/24"
  zone_id      = data.alicloud_zones.usable.zones.0.id
}

resource "alicloud_security_group" "net" {
  security_group_name = "hop-to-instance"
  vpc_id              = alicloud_vpc.net.id
}

resource "alicloud_instance" "router" {
  image_id                   = "ubuntu_22_04_x64_20G_alibase_20240101.vhd"
  instance_type              = "ecs.g6.large"
  security_groups            = alicloud_security_group.net.*.id
  internet_charge_type       = "PayByTraffic"
  internet_max_bandwidth_out = 10
  availability_zone          = data.alicloud_zones.usable.zones.0.id
  instance_charge_type       = "PostPaid"
  system_disk_category       = "cloud_efficiency"
  vswitch_id                 = alicloud_vswitch.net.id
  instance_name              = "hop-to-instance"
}

resource "alicloud_route_entry" "via_instance" {
  route_table_id        = alicloud_vpc.net.route_table_id
  destination_cidrblock = "172.31.9.9/32"
  nexthop_type          = "Instance"
  nexthop_id            = alicloud_instance.router.id
}
