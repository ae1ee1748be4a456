# Pattern of d/vswitches: a VPC and a vswitch (placed with the deprecated availability_zone, as the docs do), then
# the data source by the vswitch's name, in the old interpolation-only style.
provider "alicloud" {
  region = "cn-beijing"
}

variable "label" {
  default = "listed-vswitch"
}

data "alicloud_zones" "all" {}

resource "alicloud_vpc" "net" {
  cidr_block = "172.16.0.0/16"
  vpc_name   = "${var.label}"
}

resource "alicloud_vswitch" "net" {
  vswitch_name      = "${var.label}"
  cidr_block        = "172.16.0.0/24"
  vpc_id            = "${alicloud_vpc.net.id}"
  availability_zone = "${data.alicloud_zones.all.zones.0.id}"
}

data "alicloud_vswitches" "named" {
  name_regex = "${alicloud_vswitch.net.vswitch_name}"
}
