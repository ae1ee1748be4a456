# One physical connection serving several VPCs, with BGP on the VBR: one VBR on the leased line, a router interface
# pair from it to each VPC (a physical connection serves at most 5 VPCs; a VBR holds at most 5 router interfaces),
# one BGP session with the data center's router, and every VPC's range advertised to the data center.

variable "access_key" {
  default = "LTAIpeerformDemo12345678"
}
variable "secret_key" {
  default   = "demo-secret-12345678"
  sensitive = true
}

variable "bgp_auth_key" {
  description = "The BGP session's MD5 key, as configured on the data center's router."
  default     = "demo-bgp-key-310"
  sensitive   = true
}

variable "vpcs" {
  description = "The VPCs to reach from the data center: name => CIDR block."
  type        = map(string)
  default = {
    web = "10.41.0.0/16"
    app = "10.42.0.0/16"
    db  = "10.43.0.0/16"
  }
}

provider "alicloud" {
  region     = "cn-beijing"
  access_key = var.access_key
  secret_key = var.secret_key
}

resource "alicloud_express_connect_virtual_border_router" "line" {
  physical_connection_id     = "pc-bj0peerformdemo0001"
  vlan_id                    = 310
  local_gateway_ip           = "10.31.0.1"
  peer_gateway_ip            = "10.31.0.2"
  peering_subnet_mask        = "255.255.255.252"
  virtual_border_router_name = "shared-line"
}

resource "alicloud_vpc" "each" {
  for_each   = var.vpcs
  cidr_block = each.value
  vpc_name   = each.key
}

resource "alicloud_router_interface" "vbr" {
  for_each        = var.vpcs
  opposite_region = "cn-beijing"
  router_type     = "VBR"
  router_id       = alicloud_express_connect_virtual_border_router.line.id
  role            = "InitiatingSide"
  specification   = "Middle.1"
  name            = "line-to-${each.key}"
}

resource "alicloud_router_interface" "vpc" {
  for_each        = var.vpcs
  opposite_region = "cn-beijing"
  router_type     = "VRouter"
  router_id       = alicloud_vpc.each[each.key].router_id
  role            = "AcceptingSide"
  name            = "${each.key}-from-line"
}

resource "alicloud_router_interface_connection" "vbr" {
  for_each              = var.vpcs
  interface_id          = alicloud_router_interface.vbr[each.key].id
  opposite_interface_id = alicloud_router_interface.vpc[each.key].id
}

resource "alicloud_router_interface_connection" "vpc" {
  for_each              = var.vpcs
  interface_id          = alicloud_router_interface.vpc[each.key].id
  opposite_interface_id = alicloud_router_interface.vbr[each.key].id
  opposite_router_type  = "VBR"
}

resource "alicloud_route_entry" "to_vpc" {
  for_each              = var.vpcs
  route_table_id        = alicloud_express_connect_virtual_border_router.line.route_table_id
  destination_cidrblock = each.value
  nexthop_type          = "RouterInterface"
  nexthop_id            = alicloud_router_interface.vbr[each.key].id
}

resource "alicloud_route_entry" "to_idc" {
  for_each              = var.vpcs
  route_table_id        = alicloud_vpc.each[each.key].route_table_id
  destination_cidrblock = "172.16.0.0/12"
  nexthop_type          = "RouterInterface"
  nexthop_id            = alicloud_router_interface.vpc[each.key].id
}

# BGP on the VBR: one session with the data center's router (AS 65020), and each VPC's range advertised, the very
# block the VBR routes statically toward that VPC.
resource "alicloud_vpc_bgp_group" "line" {
  router_id      = alicloud_express_connect_virtual_border_router.line.id
  peer_asn       = 65020
  auth_key       = var.bgp_auth_key
  bgp_group_name = "shared-line"
}

resource "alicloud_vpc_bgp_peer" "line" {
  bgp_group_id    = alicloud_vpc_bgp_group.line.id
  peer_ip_address = alicloud_express_connect_virtual_border_router.line.peer_gateway_ip
}

resource "alicloud_vpc_bgp_network" "each" {
  for_each       = var.vpcs
  router_id      = alicloud_express_connect_virtual_border_router.line.id
  dst_cidr_block = each.value
}
