# Pattern of d/route_entries: a route in a VPC's system table (here over a router interface instead of an ECS
# instance), then the entries of that table filtered by destination.
provider "alicloud" {
  region = "cn-beijing"
}

resource "alicloud_vpc" "net" {
  vpc_name   = "listed-route"
  cidr_block = "10.1.0.0/21"
}

resource "alicloud_router_interface" "out" {
  opposite_region = "cn-beijing"
  router_type     = "VRouter"
  router_id       = alicloud_vpc.net.router_id
  role            = "InitiatingSide"
  specification   = "Small.1"
  name            = "listed-route"
}

resource "alicloud_route_entry" "peer" {
  route_table_id        = alicloud_vpc.net.route_table_id
  destination_cidrblock = "172.11.1.0/24"
  nexthop_type          = "RouterInterface"
  nexthop_id            = alicloud_router_interface.out.id
}

data "alicloud_route_entries" "table" {
  route_table_id = alicloud_route_entry.peer.route_table_id
  cidr_block     = alicloud_route_entry.peer.destination_cidrblock
}
