# Two VPC pairs by count: VPCs, interfaces, connections and routes indexed by count.index, no depends_on at all
# (peerform orders the cloud's work itself), and a splat output.
provider "alicloud" {
  region = "cn-beijing"
}

variable "pairs" {
  default = 2
}

resource "alicloud_vpc" "left" {
  count      = var.pairs
  vpc_name   = "left-${count.index}"
  cidr_block = cidrsubnet("10.0.0.0/8", 8, count.index)
}

resource "alicloud_vpc" "right" {
  count      = var.pairs
  vpc_name   = "right-${count.index}"
  cidr_block = cidrsubnet("172.16.0.0/12", 4, count.index)
}

resource "alicloud_router_interface" "left" {
  count           = var.pairs
  opposite_region = "cn-beijing"
  router_type     = "VRouter"
  router_id       = alicloud_vpc.left[count.index].router_id
  role            = "InitiatingSide"
  specification   = "Small.2"
}

resource "alicloud_router_interface" "right" {
  count           = var.pairs
  opposite_region = "cn-beijing"
  router_type     = "VRouter"
  router_id       = alicloud_vpc.right[count.index].router_id
  role            = "AcceptingSide"
}

resource "alicloud_router_interface_connection" "right" {
  count                 = var.pairs
  interface_id          = alicloud_router_interface.right[count.index].id
  opposite_interface_id = alicloud_router_interface.left[count.index].id
}

resource "alicloud_router_interface_connection" "left" {
  count                 = var.pairs
  interface_id          = alicloud_router_interface.left[count.index].id
  opposite_interface_id = alicloud_router_interface.right[count.index].id
}

resource "alicloud_route_entry" "left" {
  count                 = var.pairs
  route_table_id        = alicloud_vpc.left[count.index].route_table_id
  destination_cidrblock = alicloud_vpc.right[count.index].cidr_block
  nexthop_type          = "RouterInterface"
  nexthop_id            = alicloud_router_interface.left[count.index].id
}

resource "alicloud_route_entry" "right" {
  count                 = var.pairs
  route_table_id        = alicloud_vpc.right[count.index].route_table_id
  destination_cidrblock = alicloud_vpc.left[count.index].cidr_block
  nexthop_type          = "RouterInterface"
  nexthop_id            = alicloud_router_interface.right[count.index].id
}

output "left_interfaces" {
  value = alicloud_router_interface.left[*].id
}
