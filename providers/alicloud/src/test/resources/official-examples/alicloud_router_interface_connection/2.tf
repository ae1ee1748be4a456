# Pattern of examples/router-interface (same account, two regions): a default provider and an aliased one, each
# VPC created behind count, and the initiator's connection depends_on the acceptor's interface (not its
# connection). Outputs join the splat of the counted resources.
provider "alicloud" {
  region = var.home
}

provider "alicloud" {
  alias  = "far"
  region = var.away
}

variable "home" {
  default = "cn-beijing"
}

variable "away" {
  default = "cn-hangzhou"
}

variable "home_vpc_id" {
  default = ""
}

variable "away_vpc_id" {
  default = ""
}

variable "spec" {
  default = "Large.2"
}

resource "alicloud_vpc" "home" {
  count      = var.home_vpc_id == "" ? 1 : 0
  vpc_name   = "two-regions-peering"
  cidr_block = "10.0.0.0/8"
}

resource "alicloud_vpc" "away" {
  provider   = alicloud.far
  count      = var.away_vpc_id == "" ? 1 : 0
  vpc_name   = "two-regions-peering"
  cidr_block = "172.16.0.0/12"
}

resource "alicloud_router_interface" "home" {
  opposite_region = var.away
  router_type     = "VRouter"
  router_id       = alicloud_vpc.home[0].router_id
  role            = "InitiatingSide"
  specification   = var.spec
  name            = "home-side"
}

resource "alicloud_router_interface" "away" {
  provider        = alicloud.far
  opposite_region = var.home
  router_type     = "VRouter"
  router_id       = alicloud_vpc.away[0].router_id
  role            = "AcceptingSide"
  name            = "away-side"
}

resource "alicloud_router_interface_connection" "home" {
  interface_id          = alicloud_router_interface.home.id
  opposite_interface_id = alicloud_router_interface.away.id
  depends_on            = [alicloud_router_interface.away]
}

resource "alicloud_router_interface_connection" "away" {
  provider              = alicloud.far
  interface_id          = alicloud_router_interface.away.id
  opposite_interface_id = alicloud_router_interface.home.id
}

output "home_vpc" {
  value = var.home_vpc_id == "" ? join("", alicloud_vpc.home.*.id) : var.home_vpc_id
}

output "away_interface" {
  value = join("", alicloud_router_interface.away.*.id)
}
