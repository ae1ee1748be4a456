# Peers two VPCs in the same account (a module in the style of a registry module's main.tf)

locals {
  name_prefix = "${var.name}-${var.environment}"
  common_tags = merge(var.tags, {
    Module = "vpc-peering"
    ManagedBy="terraform"
  })
}

resource "alicloud_router_interface" "acceptor" {
  count = var.create ? 1 : 0
  opposite_region = var.region
  router_type     = "VRouter"
  router_id = var.acceptor_router_id
  role = "AcceptingSide"
  specification = var.bandwidth
  name = "${local.name_prefix}-acceptor"
  description = "${var.description}"
}

resource "alicloud_router_interface" "initiator" {
  count = var.create ? 1 : 0
  opposite_region = var.region
  router_type = "VRouter"
  router_id       = var.initiator_router_id
  role = "InitiatingSide"
  specification = var.bandwidth
  name = "${local.name_prefix}-initiator"
}

resource "alicloud_route_entry" "to_acceptor" {
  for_each = toset(var.acceptor_cidrs)
  route_table_id = var.initiator_route_table_id
  destination_cidrblock = each.value
  nexthop_type = "RouterInterface"
  nexthop_id = alicloud_router_interface.initiator[0].id
}
