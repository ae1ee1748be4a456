# A hub VPC peered to spokes, everything keyed by for_each over one map; the connection pattern the docs give
# (acceptor's connection first, the initiator's depends_on it), and routes both ways chained over the resources.
provider "alicloud" {
  region = "cn-beijing"
}

variable "spokes" {
  type = map(object({ cidr = string, bandwidth = string }))
  default = {
    shop  = { cidr = "10.10.0.0/16", bandwidth = "Small.1" }
    batch = { cidr = "10.20.0.0/16", bandwidth = "Middle.1" }
  }
}

resource "alicloud_vpc" "hub" {
  vpc_name   = "hub"
  cidr_block = "192.168.0.0/16"
}

resource "alicloud_vpc" "spoke" {
  for_each   = var.spokes
  vpc_name   = "spoke-${each.key}"
  cidr_block = each.value.cidr
}

resource "alicloud_router_interface" "out" {
  for_each        = alicloud_vpc.spoke
  opposite_region = "cn-beijing"
  router_type     = "VRouter"
  router_id       = alicloud_vpc.hub.router_id
  role            = "InitiatingSide"
  specification   = var.spokes[each.key].bandwidth
  name            = "hub-to-${each.key}"
}

resource "alicloud_router_interface" "in" {
  for_each        = alicloud_vpc.spoke
  opposite_region = "cn-beijing"
  router_type     = "VRouter"
  router_id       = each.value.router_id
  role            = "AcceptingSide"
  name            = "${each.key}-from-hub"
}

resource "alicloud_router_interface_connection" "in" {
  for_each              = alicloud_router_interface.in
  interface_id          = each.value.id
  opposite_interface_id = alicloud_router_interface.out[each.key].id
}

resource "alicloud_router_interface_connection" "out" {
  for_each              = alicloud_router_interface.out
  interface_id          = each.value.id
  opposite_interface_id = alicloud_router_interface.in[each.key].id
  depends_on            = [alicloud_router_interface_connection.in]
}

resource "alicloud_route_entry" "to_spoke" {
  for_each              = alicloud_vpc.spoke
  route_table_id        = alicloud_vpc.hub.route_table_id
  destination_cidrblock = each.value.cidr_block
  nexthop_type          = "RouterInterface"
  nexthop_id            = alicloud_router_interface.out[each.key].id
  depends_on            = [alicloud_router_interface_connection.out]
}

resource "alicloud_route_entry" "to_hub" {
  for_each              = alicloud_vpc.spoke
  route_table_id        = each.value.route_table_id
  destination_cidrblock = alicloud_vpc.hub.cidr_block
  nexthop_type          = "RouterInterface"
  nexthop_id            = alicloud_router_interface.in[each.key].id
  depends_on            = [alicloud_router_interface_connection.in]
}

output "spoke_routes" {
  value = { for k, r in alicloud_route_entry.to_spoke : k => r.id }
}
