# Pattern of r/router_interface: one VPC and one initiating VRouter interface toward another region, with a
# bandwidth, a name and a description. It stays Idle (nothing connects it).
provider "alicloud" {
  region = "cn-hangzhou"
}

resource "alicloud_vpc" "origin" {
  vpc_name   = "lonely-initiator"
  cidr_block = "172.18.0.0/16"
}

resource "alicloud_router_interface" "out" {
  opposite_region = "cn-beijing"
  router_type     = "VRouter"
  router_id       = alicloud_vpc.origin.router_id
  role            = "InitiatingSide"
  specification   = "Large.2"
  name            = "toward-beijing"
  description     = "initiator waiting for a peer"
}
