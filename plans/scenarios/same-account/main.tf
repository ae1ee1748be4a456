# Two VPCs of one account, in Qingdao and Beijing, peered over a router interface pair, with a route on each side.
# No depends_on anywhere: peerform knows the cloud's order (acceptor and initiator, opposite information, connect,
# wait until Active, then routes).

variable "access_key" {
  description = "Access key of account 87654321 in the embedded emulator (a demonstration key)."
  default     = "LTAIpeerformDemo87654321"
}

variable "secret_key" {
  default   = "demo-secret-87654321"
  sensitive = true
}

variable "bandwidth" {
  description = "The initiator's specification: the connection's bandwidth."
  default     = "Large.2"
}

provider "alicloud" {
  alias      = "qingdao"
  region     = "cn-qingdao"
  access_key = var.access_key
  secret_key = var.secret_key
}

provider "alicloud" {
  alias      = "beijing"
  region     = "cn-beijing"
  access_key = var.access_key
  secret_key = var.secret_key
}

resource "alicloud_vpc" "qingdao" {
  provider   = alicloud.qingdao
  cidr_block = "172.16.0.0/12"
  vpc_name   = "qingdao"
}

resource "alicloud_vpc" "beijing" {
  provider   = alicloud.beijing
  cidr_block = "192.168.0.0/16"
  vpc_name   = "beijing"
}

resource "alicloud_router_interface" "initiator" {
  provider        = alicloud.qingdao
  opposite_region = "cn-beijing"
  router_type     = "VRouter"
  router_id       = alicloud_vpc.qingdao.router_id
  role            = "InitiatingSide"
  specification   = var.bandwidth
  name            = "qingdao-to-beijing"
}

resource "alicloud_router_interface" "acceptor" {
  provider        = alicloud.beijing
  opposite_region = "cn-qingdao"
  router_type     = "VRouter"
  router_id       = alicloud_vpc.beijing.router_id
  role            = "AcceptingSide"
  name            = "beijing-from-qingdao"
}

resource "alicloud_router_interface_connection" "initiator" {
  provider              = alicloud.qingdao
  interface_id          = alicloud_router_interface.initiator.id
  opposite_interface_id = alicloud_router_interface.acceptor.id
}

resource "alicloud_router_interface_connection" "acceptor" {
  provider              = alicloud.beijing
  interface_id          = alicloud_router_interface.acceptor.id
  opposite_interface_id = alicloud_router_interface.initiator.id
}

resource "alicloud_route_entry" "qingdao_to_beijing" {
  provider              = alicloud.qingdao
  route_table_id        = alicloud_vpc.qingdao.route_table_id
  destination_cidrblock = alicloud_vpc.beijing.cidr_block
  nexthop_type          = "RouterInterface"
  nexthop_id            = alicloud_router_interface.initiator.id
}

resource "alicloud_route_entry" "beijing_to_qingdao" {
  provider              = alicloud.beijing
  route_table_id        = alicloud_vpc.beijing.route_table_id
  destination_cidrblock = alicloud_vpc.qingdao.cidr_block
  nexthop_type          = "RouterInterface"
  nexthop_id            = alicloud_router_interface.acceptor.id
}

output "initiator_interface" {
  value = alicloud_router_interface.initiator.id
}

output "acceptor_interface" {
  value = alicloud_router_interface.acceptor.id
}
