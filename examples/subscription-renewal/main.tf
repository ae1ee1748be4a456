# Two VPCs of one account in Hangzhou, peered by a subscription (PrePaid) initiator bought for one month. The plan
# prices it (same region, 1 Gbit/s: 70 USD/month from the built-in price table). Let the month pass in the emulator
# and the subscription expires: refresh reports it overdue with the day it will be released, `plan
# -detailed-exitcode` exits 2, and apply renews it (RenewInstance).

variable "access_key" {
  description = "Access key of account 87654321 in the embedded emulator (a demonstration key)."
  default     = "LTAIpeerformDemo87654321"
}

variable "secret_key" {
  default   = "demo-secret-87654321"
  sensitive = true
}

provider "alicloud" {
  region     = "cn-hangzhou"
  access_key = var.access_key
  secret_key = var.secret_key
}

resource "alicloud_vpc" "left" {
  cidr_block = "172.16.0.0/12"
  vpc_name   = "left"
}

resource "alicloud_vpc" "right" {
  cidr_block = "192.168.0.0/16"
  vpc_name   = "right"
}

resource "alicloud_router_interface" "initiator" {
  opposite_region      = "cn-hangzhou"
  router_type          = "VRouter"
  router_id            = alicloud_vpc.left.router_id
  role                 = "InitiatingSide"
  specification        = "Large.1"
  instance_charge_type = "PrePaid"
  period               = 1
  name                 = "left-to-right"
}

resource "alicloud_router_interface" "acceptor" {
  opposite_region = "cn-hangzhou"
  router_type     = "VRouter"
  router_id       = alicloud_vpc.right.router_id
  role            = "AcceptingSide"
  name            = "right-from-left"
}

resource "alicloud_router_interface_connection" "initiator" {
  interface_id          = alicloud_router_interface.initiator.id
  opposite_interface_id = alicloud_router_interface.acceptor.id
}

resource "alicloud_router_interface_connection" "acceptor" {
  interface_id          = alicloud_router_interface.acceptor.id
  opposite_interface_id = alicloud_router_interface.initiator.id
}

resource "alicloud_route_entry" "left_to_right" {
  route_table_id        = alicloud_vpc.left.route_table_id
  destination_cidrblock = alicloud_vpc.right.cidr_block
  nexthop_type          = "RouterInterface"
  nexthop_id            = alicloud_router_interface.initiator.id
}

resource "alicloud_route_entry" "right_to_left" {
  route_table_id        = alicloud_vpc.right.route_table_id
  destination_cidrblock = alicloud_vpc.left.cidr_block
  nexthop_type          = "RouterInterface"
  nexthop_id            = alicloud_router_interface.acceptor.id
}

output "initiator_interface" {
  value = alicloud_router_interface.initiator.id
}
