variable "local" {
  type = object({ router_id = string, route_table_id = string, cidr = string })
}

variable "remote" {
  type = object({ router_id = string, route_table_id = string, cidr = string })
}

variable "label" {
  type = string
}

resource "alicloud_router_interface" "initiator" {
  opposite_region = "cn-beijing"
  router_type     = "VRouter"
  router_id       = var.local.router_id
  role            = "InitiatingSide"
  specification   = "Small.1"
  name            = "core-to-${var.label}"
}

resource "alicloud_router_interface" "acceptor" {
  opposite_region = "cn-beijing"
  router_type     = "VRouter"
  router_id       = var.remote.router_id
  role            = "AcceptingSide"
  name            = "${var.label}-from-core"
}

resource "alicloud_router_interface_connection" "acceptor" {
  interface_id          = alicloud_router_interface.acceptor.id
  opposite_interface_id = alicloud_router_interface.initiator.id
}

resource "alicloud_router_interface_connection" "initiator" {
  interface_id          = alicloud_router_interface.initiator.id
  opposite_interface_id = alicloud_router_interface.acceptor.id
  depends_on            = [alicloud_router_interface_connection.acceptor]
}

resource "alicloud_route_entry" "out" {
  route_table_id        = var.local.route_table_id
  destination_cidrblock = var.remote.cidr
  nexthop_type          = "RouterInterface"
  nexthop_id            = alicloud_router_interface.initiator.id
  depends_on            = [alicloud_router_interface_connection.initiator]
}

resource "alicloud_route_entry" "back" {
  route_table_id        = var.remote.route_table_id
  destination_cidrblock = var.local.cidr
  nexthop_type          = "RouterInterface"
  nexthop_id            = alicloud_router_interface.acceptor.id
  depends_on            = [alicloud_router_interface_connection.acceptor]
}

output "route_ids" {
  value = [alicloud_route_entry.out.id, alicloud_route_entry.back.id]
}
