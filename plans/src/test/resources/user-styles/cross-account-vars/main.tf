# Two accounts, each provider's keys from sensitive variables (given as TF_VAR_* by CI), owners read from
# alicloud_account, each side's connection naming the peer's router and owner, routes both ways.
variable "left_access_key" {
  type      = string
  sensitive = true
}

variable "left_secret_key" {
  type      = string
  sensitive = true
}

variable "right_access_key" {
  type      = string
  sensitive = true
}

variable "right_secret_key" {
  type      = string
  sensitive = true
}

provider "alicloud" {
  alias      = "left"
  region     = "cn-beijing"
  access_key = var.left_access_key
  secret_key = var.left_secret_key
}

provider "alicloud" {
  alias      = "right"
  region     = "cn-hangzhou"
  access_key = var.right_access_key
  secret_key = var.right_secret_key
}

data "alicloud_account" "left" {
  provider = alicloud.left
}

data "alicloud_account" "right" {
  provider = alicloud.right
}

resource "alicloud_vpc" "left" {
  provider   = alicloud.left
  vpc_name   = "left-account"
  cidr_block = "10.61.0.0/16"
}

resource "alicloud_vpc" "right" {
  provider   = alicloud.right
  vpc_name   = "right-account"
  cidr_block = "10.62.0.0/16"
}

resource "alicloud_router_interface" "left" {
  provider        = alicloud.left
  opposite_region = "cn-hangzhou"
  router_type     = "VRouter"
  router_id       = alicloud_vpc.left.router_id
  role            = "InitiatingSide"
  specification   = "Middle.1"
}

resource "alicloud_router_interface" "right" {
  provider        = alicloud.right
  opposite_region = "cn-beijing"
  router_type     = "VRouter"
  router_id       = alicloud_vpc.right.router_id
  role            = "AcceptingSide"
}

resource "alicloud_router_interface_connection" "right" {
  provider                    = alicloud.right
  interface_id                = alicloud_router_interface.right.id
  opposite_interface_id       = alicloud_router_interface.left.id
  opposite_router_type        = "VRouter"
  opposite_router_id          = alicloud_vpc.left.router_id
  opposite_interface_owner_id = data.alicloud_account.left.id
}

resource "alicloud_router_interface_connection" "left" {
  provider                    = alicloud.left
  interface_id                = alicloud_router_interface.left.id
  opposite_interface_id       = alicloud_router_interface.right.id
  opposite_router_type        = "VRouter"
  opposite_router_id          = alicloud_vpc.right.router_id
  opposite_interface_owner_id = data.alicloud_account.right.id
}

resource "alicloud_route_entry" "left" {
  provider              = alicloud.left
  route_table_id        = alicloud_vpc.left.route_table_id
  destination_cidrblock = alicloud_vpc.right.cidr_block
  nexthop_type          = "RouterInterface"
  nexthop_id            = alicloud_router_interface.left.id
}

resource "alicloud_route_entry" "right" {
  provider              = alicloud.right
  route_table_id        = alicloud_vpc.right.route_table_id
  destination_cidrblock = alicloud_vpc.left.cidr_block
  nexthop_type          = "RouterInterface"
  nexthop_id            = alicloud_router_interface.right.id
}
