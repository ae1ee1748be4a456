# Data sources over what the configuration made (read during apply, since their filters are known only then),
# feeding outputs and a check block, as users verify their peering.
provider "alicloud" {
  region = "cn-beijing"
}

resource "alicloud_vpc" "a" {
  vpc_name   = "checked-a"
  cidr_block = "10.71.0.0/16"
}

resource "alicloud_vpc" "b" {
  vpc_name   = "checked-b"
  cidr_block = "10.72.0.0/16"
}

resource "alicloud_router_interface" "a" {
  opposite_region = "cn-beijing"
  router_type     = "VRouter"
  router_id       = alicloud_vpc.a.router_id
  role            = "InitiatingSide"
  specification   = "Small.1"
  name            = "checked-a"
}

resource "alicloud_router_interface" "b" {
  opposite_region = "cn-beijing"
  router_type     = "VRouter"
  router_id       = alicloud_vpc.b.router_id
  role            = "AcceptingSide"
  name            = "checked-b"
}

resource "alicloud_router_interface_connection" "b" {
  interface_id          = alicloud_router_interface.b.id
  opposite_interface_id = alicloud_router_interface.a.id
}

resource "alicloud_router_interface_connection" "a" {
  interface_id          = alicloud_router_interface.a.id
  opposite_interface_id = alicloud_router_interface.b.id
  depends_on            = [alicloud_router_interface_connection.b]
}

data "alicloud_vpcs" "made" {
  ids = [alicloud_vpc.a.id, alicloud_vpc.b.id]
}

data "alicloud_router_interfaces" "live" {
  router_id = alicloud_vpc.a.router_id
  status    = "Active"
  depends_on = [alicloud_router_interface_connection.a]
}

check "peering_is_active" {
  assert {
    condition     = length(data.alicloud_router_interfaces.live.interfaces) == 1
    error_message = "the initiator is not Active"
  }
}

output "vpc_count" {
  value = length(data.alicloud_vpcs.made.vpcs)
}

output "active_interface" {
  value = data.alicloud_router_interfaces.live.interfaces.0.id
}
