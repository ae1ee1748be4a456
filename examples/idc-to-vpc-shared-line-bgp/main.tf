# The shared-line scenario with BGP on the VBR instead of static routes toward the data center: the VBR learns the
# data center's ranges (172.16.0.0/12 and 192.168.0.0/16) from its router over a BGP session, and advertises the
# VPC's range back. Account 12345678 owns the physical connection, the VBR and its BGP; the VPC belongs to account
# 87654321. The VBR's interface initiates (a VBR always does), the VPC's accepts.

variable "line_owner_access_key" {
  default = "LTAIpeerformDemo12345678"
}
variable "line_owner_secret_key" {
  default   = "demo-secret-12345678"
  sensitive = true
}
variable "bgp_auth_key" {
  description = "The BGP session's MD5 key, as configured on the data center's router."
  default     = "demo-bgp-key-210"
  sensitive   = true
}
variable "vpc_owner_access_key" {
  default = "LTAIpeerformDemo87654321"
}
variable "vpc_owner_secret_key" {
  default   = "demo-secret-87654321"
  sensitive = true
}

locals {
  idc_cidrs = ["172.16.0.0/12", "192.168.0.0/16"]
}

provider "alicloud" {
  alias      = "line"
  region     = "cn-beijing"
  access_key = var.line_owner_access_key
  secret_key = var.line_owner_secret_key
}

provider "alicloud" {
  alias      = "vpc"
  region     = "cn-hangzhou"
  access_key = var.vpc_owner_access_key
  secret_key = var.vpc_owner_secret_key
}

data "alicloud_express_connect_physical_connections" "line" {
  provider   = alicloud.line
  name_regex = "^idc-beijing"
}

resource "alicloud_express_connect_virtual_border_router" "idc" {
  provider                   = alicloud.line
  physical_connection_id     = data.alicloud_express_connect_physical_connections.line.ids[0]
  vlan_id                    = 210
  local_gateway_ip           = "10.210.0.1"
  peer_gateway_ip            = "10.210.0.2"
  peering_subnet_mask        = "255.255.255.252"
  virtual_border_router_name = "idc-beijing"
}

resource "alicloud_vpc" "app" {
  provider   = alicloud.vpc
  cidr_block = "10.30.0.0/16"
  vpc_name   = "app"
}

resource "alicloud_router_interface" "vbr" {
  provider        = alicloud.line
  opposite_region = "cn-hangzhou"
  router_type     = "VBR"
  router_id       = alicloud_express_connect_virtual_border_router.idc.id
  role            = "InitiatingSide"
  specification   = "Large.1"
  name            = "idc-to-app"
}

resource "alicloud_router_interface" "vpc" {
  provider        = alicloud.vpc
  opposite_region = "cn-beijing"
  router_type     = "VRouter"
  router_id       = alicloud_vpc.app.router_id
  role            = "AcceptingSide"
  name            = "app-from-idc"
}

resource "alicloud_router_interface_connection" "vbr" {
  provider                    = alicloud.line
  interface_id                = alicloud_router_interface.vbr.id
  opposite_interface_id       = alicloud_router_interface.vpc.id
  opposite_router_id          = alicloud_vpc.app.router_id
  opposite_interface_owner_id = "87654321"
}

resource "alicloud_router_interface_connection" "vpc" {
  provider                    = alicloud.vpc
  interface_id                = alicloud_router_interface.vpc.id
  opposite_interface_id       = alicloud_router_interface.vbr.id
  opposite_router_type        = "VBR"
  opposite_router_id          = alicloud_express_connect_virtual_border_router.idc.id
  opposite_interface_owner_id = "12345678"
}

# VBR: the VPC over the router interface; the data center's ranges come from BGP.
resource "alicloud_route_entry" "vbr_to_vpc" {
  provider              = alicloud.line
  route_table_id        = alicloud_express_connect_virtual_border_router.idc.route_table_id
  destination_cidrblock = alicloud_vpc.app.cidr_block
  nexthop_type          = "RouterInterface"
  nexthop_id            = alicloud_router_interface.vbr.id
}

# BGP on the VBR: the data center's router (AS 65010) at the far end of the VBR's /30, with BFD over the one hop
# of the leased line; the VBR advertises the VPC's range, the very block it routes statically toward the VPC.
resource "alicloud_vpc_bgp_group" "idc" {
  provider       = alicloud.line
  router_id      = alicloud_express_connect_virtual_border_router.idc.id
  peer_asn       = 65010
  auth_key       = var.bgp_auth_key
  bgp_group_name = "idc-beijing"
  description    = "Sessions with the Beijing data center"
}

resource "alicloud_vpc_bgp_peer" "idc" {
  provider        = alicloud.line
  bgp_group_id    = alicloud_vpc_bgp_group.idc.id
  peer_ip_address = alicloud_express_connect_virtual_border_router.idc.peer_gateway_ip
  enable_bfd      = true
  bfd_multi_hop   = 1
}

resource "alicloud_vpc_bgp_network" "app" {
  provider       = alicloud.line
  router_id      = alicloud_express_connect_virtual_border_router.idc.id
  dst_cidr_block = alicloud_vpc.app.cidr_block
}

# VPC: the data center's ranges over its interface toward the VBR.
resource "alicloud_route_entry" "vpc_to_idc" {
  provider              = alicloud.vpc
  for_each              = toset(local.idc_cidrs)
  route_table_id        = alicloud_vpc.app.route_table_id
  destination_cidrblock = each.key
  nexthop_type          = "RouterInterface"
  nexthop_id            = alicloud_router_interface.vpc.id
}
