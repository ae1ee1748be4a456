# Pattern of r/express_connect_virtual_border_router: the physical connection from a data source by name, the
# VLAN from random_integer (its string id converted to a number), gateway addresses in a /30, a name and BFD timers.
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
  virtual_border_router_name = "edge-pattern"
  min_rx_interval            = 1000
  min_tx_interval            = 1000
  detect_multiplier          = 10
}
