# Pattern of d/router_interfaces: a name regexp and a status, output the first id. The interface is made here;
# an unconnected one is Idle (the docs filter on Active).
provider "alicloud" {
  region = "cn-beijing"
}

resource "alicloud_vpc" "net" {
  vpc_name   = "listed-interface"
  cidr_block = "10.61.0.0/16"
}

resource "alicloud_router_interface" "out" {
  opposite_region = "cn-hangzhou"
  router_type     = "VRouter"
  router_id       = alicloud_vpc.net.router_id
  role            = "InitiatingSide"
  specification   = "Small.1"
  name            = "listed-interface"
}

data "alicloud_router_interfaces" "found" {
  name_regex = "^${alicloud_router_interface.out.name}"
  status     = "Idle"
}

output "first_router_interface_id" {
  value = data.alicloud_router_interfaces.found.interfaces.0.id
}
