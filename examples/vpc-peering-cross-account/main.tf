# Two VPCs in two accounts: account 12345678 initiates from cn-hangzhou, account 87654321 accepts in cn-beijing.
# Each end is created under its own account, each end learns its peer (opposite information), then the initiator
# connects. Across accounts each connection names the peer's router and owner.

variable "initiator_access_key" {
  default = "LTAIpeerformDemo12345678"
}
variable "initiator_secret_key" {
  default   = "demo-secret-12345678"
  sensitive = true
}
variable "acceptor_access_key" {
  default = "LTAIpeerformDemo87654321"
}
variable "acceptor_secret_key" {
  default   = "demo-secret-87654321"
  sensitive = true
}

locals {
  initiator_account = "12345678"
  acceptor_account  = "87654321"
}

provider "alicloud" {
  alias      = "a"
  region     = "cn-hangzhou"
  access_key = var.initiator_access_key
  secret_key = var.initiator_secret_key
}

provider "alicloud" {
  alias      = "b"
  region     = "cn-beijing"
  access_key = var.acceptor_access_key
  secret_key = var.acceptor_secret_key
}

resource "alicloud_vpc" "a" {
  provider   = alicloud.a
  cidr_block = "10.10.0.0/16"
  vpc_name   = "account-a"
}

resource "alicloud_vpc" "b" {
  provider   = alicloud.b
  cidr_block = "10.20.0.0/16"
  vpc_name   = "account-b"
}

resource "alicloud_router_interface" "initiator" {
  provider        = alicloud.a
  opposite_region = "cn-beijing"
  router_type     = "VRouter"
  router_id       = alicloud_vpc.a.router_id
  role            = "InitiatingSide"
  specification   = var.bandwidth
  name            = "a-to-b"
}

resource "alicloud_router_interface" "acceptor" {
  provider        = alicloud.b
  opposite_region = "cn-hangzhou"
  router_type     = "VRouter"
  router_id       = alicloud_vpc.b.router_id
  role            = "AcceptingSide"
  name            = "b-from-a"
}

resource "alicloud_router_interface_connection" "acceptor" {
  provider                    = alicloud.b
  interface_id                = alicloud_router_interface.acceptor.id
  opposite_interface_id       = alicloud_router_interface.initiator.id
  opposite_router_id          = alicloud_vpc.a.router_id
  opposite_interface_owner_id = local.initiator_account
}

resource "alicloud_router_interface_connection" "initiator" {
  provider                    = alicloud.a
  interface_id                = alicloud_router_interface.initiator.id
  opposite_interface_id       = alicloud_router_interface.acceptor.id
  opposite_router_id          = alicloud_vpc.b.router_id
  opposite_interface_owner_id = local.acceptor_account
}

resource "alicloud_route_entry" "a_to_b" {
  provider              = alicloud.a
  route_table_id        = alicloud_vpc.a.route_table_id
  destination_cidrblock = alicloud_vpc.b.cidr_block
  nexthop_type          = "RouterInterface"
  nexthop_id            = alicloud_router_interface.initiator.id
}

resource "alicloud_route_entry" "b_to_a" {
  provider              = alicloud.b
  route_table_id        = alicloud_vpc.b.route_table_id
  destination_cidrblock = alicloud_vpc.a.cidr_block
  nexthop_type          = "RouterInterface"
  nexthop_id            = alicloud_router_interface.acceptor.id
}

variable "bandwidth" {
  default = "Middle.2"
}
