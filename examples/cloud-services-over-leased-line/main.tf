# Cloud services (100.64.0.0/10, the AnyTunnel range) reached from the data center over the leased line. The
# range is reserved in a VPC, so the VBR routes it as its two halves, 100.64.0.0/11 and 100.96.0.0/11, toward the
# VPC's router interface.

variable "access_key" {
  default = "LTAIpeerformDemo12345678"
}
variable "secret_key" {
  default   = "demo-secret-12345678"
  sensitive = true
}

provider "alicloud" {
  region     = "cn-beijing"
  access_key = var.access_key
  secret_key = var.secret_key
}

resource "alicloud_express_connect_virtual_border_router" "line" {
  physical_connection_id     = "pc-bj0peerformdemo0001"
  vlan_id                    = 410
  local_gateway_ip           = "10.41.0.1"
  peer_gateway_ip            = "10.41.0.2"
  peering_subnet_mask        = "255.255.255.252"
  virtual_border_router_name = "services-line"
}

resource "alicloud_vpc" "services" {
  cidr_block = "10.50.0.0/16"
  vpc_name   = "services"
}

resource "alicloud_router_interface" "vbr" {
  opposite_region = "cn-beijing"
  router_type     = "VBR"
  router_id       = alicloud_express_connect_virtual_border_router.line.id
  role            = "InitiatingSide"
  specification   = "Large.1"
}

resource "alicloud_router_interface" "vpc" {
  opposite_region = "cn-beijing"
  router_type     = "VRouter"
  router_id       = alicloud_vpc.services.router_id
  role            = "AcceptingSide"
}

resource "alicloud_router_interface_connection" "vbr" {
  interface_id          = alicloud_router_interface.vbr.id
  opposite_interface_id = alicloud_router_interface.vpc.id
}

resource "alicloud_router_interface_connection" "vpc" {
  interface_id          = alicloud_router_interface.vpc.id
  opposite_interface_id = alicloud_router_interface.vbr.id
  opposite_router_type  = "VBR"
}

resource "alicloud_route_entry" "services" {
  for_each              = toset(["100.64.0.0/11", "100.96.0.0/11"])
  route_table_id        = alicloud_express_connect_virtual_border_router.line.route_table_id
  destination_cidrblock = each.key
  nexthop_type          = "RouterInterface"
  nexthop_id            = alicloud_router_interface.vbr.id
}

resource "alicloud_route_entry" "back_to_idc" {
  route_table_id        = alicloud_vpc.services.route_table_id
  destination_cidrblock = "192.168.0.0/16"
  nexthop_type          = "RouterInterface"
  nexthop_id            = alicloud_router_interface.vpc.id
}

# The VBR's own route to the data centre over the leased line: the replies from the cloud services come back to
# the VBR and need it to go on (`peerform reach` names it as the fix when it is missing).
resource "alicloud_route_entry" "vbr_to_idc" {
  route_table_id        = alicloud_express_connect_virtual_border_router.line.route_table_id
  destination_cidrblock = "192.168.0.0/16"
  nexthop_type          = "PhysicalConnection"
  nexthop_id            = alicloud_express_connect_virtual_border_router.line.physical_connection_id
}
