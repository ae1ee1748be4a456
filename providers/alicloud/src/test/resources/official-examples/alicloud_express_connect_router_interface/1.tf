# Pattern of r/express_connect_router_interface: account, current region, resource group and physical connection
# from data sources; a VPC with IPv6 and a vswitch; a VBR on the first physical connection; and a VBR-side
# initiating interface in fast-link mode toward the VPC's router (the cloud connects it; status is not used to
# connect). The docs take the zone from alicloud_alb_zones; alicloud_zones here.
provider "alicloud" {
  region = "cn-beijing"
}

variable "label" {
  default = "fast-link"
}

data "alicloud_resource_manager_resource_groups" "all" {}

data "alicloud_account" "me" {}

data "alicloud_regions" "here" {
  current = true
}

data "alicloud_express_connect_physical_connections" "lines" {
  name_regex = "^idc-"
}

data "alicloud_zones" "usable" {
  available_resource_creation = "VSwitch"
}

resource "alicloud_vpc" "cloud" {
  vpc_name    = var.label
  cidr_block  = "172.16.0.0/16"
  enable_ipv6 = "true"
}

resource "alicloud_vswitch" "cloud" {
  vswitch_name         = var.label
  vpc_id               = alicloud_vpc.cloud.id
  cidr_block           = "172.16.0.0/24"
  zone_id              = data.alicloud_zones.usable.zones.0.id
  ipv6_cidr_block_mask = "6"
}

resource "alicloud_express_connect_virtual_border_router" "edge" {
  physical_connection_id = data.alicloud_express_connect_physical_connections.lines.connections.0.id
  vlan_id                = "1201"
  peer_gateway_ip        = "192.168.250.2"
  peering_subnet_mask    = "255.255.255.0"
  local_gateway_ip       = "192.168.250.1"
}

resource "alicloud_express_connect_router_interface" "edge" {
  role                        = "InitiatingSide"
  router_type                 = "VBR"
  router_id                   = alicloud_express_connect_virtual_border_router.edge.id
  spec                        = "Mini.2"
  payment_type                = "PayAsYouGo"
  auto_renew                  = "true"
  period                      = "1"
  auto_pay                    = "true"
  fast_link_mode              = "true"
  access_point_id             = data.alicloud_express_connect_physical_connections.lines.connections.0.access_point_id
  opposite_region_id          = data.alicloud_regions.here.regions.0.id
  opposite_router_type        = "VRouter"
  opposite_router_id          = alicloud_vpc.cloud.router_id
  opposite_interface_owner_id = data.alicloud_account.me.id
  resource_group_id           = data.alicloud_resource_manager_resource_groups.all.ids.0
  router_interface_name       = var.label
  description                 = "vbr side, connected by the cloud"
}
