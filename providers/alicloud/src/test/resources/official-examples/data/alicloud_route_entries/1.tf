# Pattern of d/route_entries, as documented: a VPC and a vswitch written with the deprecated `name` and
# `availability_zone`, a security group with an SSH ingress rule, an ECS instance in it, a /32 route in the VPC's
# system table whose next hop is that instance, then the entries of that table. The docs take the image and the
# instance type from data sources; literal values here keep the pattern offline.
provider "alicloud" {
  region = "cn-beijing"
}

variable "label" {
  default = "listed-route"
}

data "alicloud_zones" "here" {
  available_resource_creation = "VSwitch"
}

resource "alicloud_vpc" "lab" {
  name       = var.label
  cidr_block = "10.1.0.0/21"
}

resource "alicloud_vswitch" "lab" {
  vpc_id            = alicloud_vpc.lab.id
  cidr_block        = "10.1.1.0/24"
  availability_zone = data.alicloud_zones.here.zones.0.id
  vswitch_name      = var.label
}

resource "alicloud_security_group" "lab" {
  name        = var.label
  description = "listed route"
  vpc_id      = alicloud_vpc.lab.id
}

resource "alicloud_security_group_rule" "ssh" {
  type              = "ingress"
  ip_protocol       = "tcp"
  nic_type          = "intranet"
  policy            = "accept"
  port_range        = "22/22"
  priority          = 1
  security_group_id = alicloud_security_group.lab.id
  cidr_ip           = "0.0.0.0/0"
}

resource "alicloud_instance" "hop" {
  security_groups            = [alicloud_security_group.lab.id]
  vswitch_id                 = alicloud_vswitch.lab.id
  allocate_public_ip         = true
  instance_charge_type       = "PostPaid"
  instance_type              = "ecs.n4.small"
  internet_charge_type       = "PayByTraffic"
  internet_max_bandwidth_out = 5
  system_disk_category       = "cloud_efficiency"
  image_id                   = "ubuntu_18_04_64_20G_alibase_20190624.vhd"
  instance_name              = var.label
}

resource "alicloud_route_entry" "hop" {
  route_table_id        = alicloud_vpc.lab.route_table_id
  destination_cidrblock = "172.11.1.1/32"
  nexthop_type          = "Instance"
  nexthop_id            = alicloud_instance.hop.id
}

data "alicloud_route_entries" "table" {
  route_table_id = alicloud_route_entry.hop.route_table_id
}

output "first_entry" {
  value = data.alicloud_route_entries.table.entries.0.cidr_block
}
