# Routes over a peering, as repositories write them next to the documented connection pattern: in each VPC, the
# peer's range through that VPC's own router interface, each route depends_on both connections.
provider "alicloud" {
  region = "cn-beijing"
}

resource "alicloud_vpc" "left" {
  vpc_name   = "left"
  cidr_block = "10.41.0.0/16"
}

resource "alicloud_vpc" "right" {
  vpc_name   = "right"
  cidr_block = "10.42.0.0/16"
}

resource "alicloud_router_interface" "left" {
  opposite_region = "cn-beijing"
  router_type     = "VRouter"
  router_id       = alicloud_vpc.left.router_id
  role            = "InitiatingSide"
  specification   = "Large.2"
  name            = "left-to-right"
}

resource "alicloud_router_interface" "right" {
  opposite_region = "cn-beijing"
  router_type     = "VRouter"
  router_id       = alicloud_vpc.right.router_id
  role            = "AcceptingSide"
  name            = "right-from-left"
}

resource "alicloud_router_interface_connection" "right" {
  interface_id          = alicloud_router_interface.right.id
  opposite_interface_id = alicloud_router_interface.left.id
}

resource "alicloud_router_interface_connection" "left" {
  interface_id          = alicloud_router_interface.left.id
  opposite_interface_id = alicloud_router_interface.right.id
  depends_on            = [alicloud_router_interface_connection.right]
}

resource "alicloud_route_entry" "left_to_right" {
  route_table_id        = alicloud_vpc.left.route_table_id
  destination_cidrblock = alicloud_vpc.right.cidr_block
  nexthop_type          = "RouterInterface"
  nexthop_id            = alicloud_router_interface.left.id
  depends_on            = [alicloud_router_interface_connection.left, alicloud_router_interface_connection.right]
}

resource "alicloud_route_entry" "right_to_left" {
  route_table_id        = alicloud_vpc.right.route_table_id
  destination_cidrblock = alicloud_vpc.left.cidr_block
  nexthop_type          = "RouterInterface"
  nexthop_id            = alicloud_router_interface.right.id
  depends_on            = [alicloud_router_interface_connection.left, alicloud_router_interface_connection.right]
}
