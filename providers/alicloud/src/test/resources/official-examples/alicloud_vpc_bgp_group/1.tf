# Pattern of r/vpc_bgp_group: the VBR of the VBR pattern, then a BGP group on it (peer ASN, fake ASN, auth key).
provider "alicloud" {
  region = "cn-beijing"
}

data "alicloud_express_connect_physical_connections" "lines" {
  name_regex = "^idc-"
}

resource "random_integer" "vlan" {
  min = 1
  max = 2999
}

resource "alicloud_express_connect_virtual_border_router" "edge" {
  physical_connection_id     = data.alicloud_express_connect_physical_connections.lines.connections.0.id
  vlan_id                    = random_integer.vlan.id
  local_gateway_ip           = "10.9.0.1"
  peer_gateway_ip            = "10.9.0.2"
  peering_subnet_mask        = "255.255.255.252"
  virtual_border_router_name = "bgp-edge"
  min_rx_interval            = 1000
  min_tx_interval            = 1000
  detect_multiplier          = 10
}

resource "alicloud_vpc_bgp_group" "idc" {
  router_id      = alicloud_express_connect_virtual_border_router.edge.id
  bgp_group_name = "idc-side"
  description    = "sessions toward the data centre"
  peer_asn       = 64600
  auth_key       = "not-a-real-secret-1"
  is_fake_asn    = true
}
