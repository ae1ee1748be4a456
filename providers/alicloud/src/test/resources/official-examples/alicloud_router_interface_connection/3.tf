# Cross-account, the way the connection schema asks for it (the docs have no example): each side under its own
# provider configuration, each connection naming the peer's router and owner account. The keys are not in the
# file: each alias names an aliyun CLI profile (the test supplies a config file with profiles "left" and "right").
provider "alicloud" {
  alias   = "left"
  region  = "cn-beijing"
  profile = "left"
}

provider "alicloud" {
  alias   = "right"
  region  = "cn-hangzhou"
  profile = "right"
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
  cidr_block = "10.51.0.0/16"
}

resource "alicloud_vpc" "right" {
  provider   = alicloud.right
  vpc_name   = "right-account"
  cidr_block = "10.52.0.0/16"
}

resource "alicloud_router_interface" "left" {
  provider        = alicloud.left
  opposite_region = "cn-hangzhou"
  router_type     = "VRouter"
  router_id       = alicloud_vpc.left.router_id
  role            = "InitiatingSide"
  specification   = "Middle.2"
  name            = "left-initiates"
}

resource "alicloud_router_interface" "right" {
  provider        = alicloud.right
  opposite_region = "cn-beijing"
  router_type     = "VRouter"
  router_id       = alicloud_vpc.right.router_id
  role            = "AcceptingSide"
  name            = "right-accepts"
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
  depends_on                  = [alicloud_router_interface_connection.right]
}
