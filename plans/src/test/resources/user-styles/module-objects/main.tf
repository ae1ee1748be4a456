# A local module called with for_each, receiving objects through object-typed variables (the VPCs themselves),
# and returning its routes for the root's outputs.
provider "alicloud" {
  region = "cn-beijing"
}

locals {
  peers = {
    a = { name = "alpha", cidr = "10.40.0.0/16" }
    b = { name = "beta", cidr = "10.50.0.0/16" }
  }
}

resource "alicloud_vpc" "core" {
  vpc_name   = "core"
  cidr_block = "10.30.0.0/16"
}

resource "alicloud_vpc" "peer" {
  for_each   = local.peers
  vpc_name   = each.value.name
  cidr_block = each.value.cidr
}

module "peering" {
  source   = "./modules/peer"
  for_each = alicloud_vpc.peer
  local    = { router_id = alicloud_vpc.core.router_id, route_table_id = alicloud_vpc.core.route_table_id, cidr = alicloud_vpc.core.cidr_block }
  remote   = { router_id = each.value.router_id, route_table_id = each.value.route_table_id, cidr = each.value.cidr_block }
  label    = each.key
}

output "routes" {
  value = { for k, m in module.peering : k => m.route_ids }
}
