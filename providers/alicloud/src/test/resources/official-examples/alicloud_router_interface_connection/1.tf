# Pattern of r/router_interface_connection (same account, one region): two VPCs, an initiating and an accepting
# interface (the acceptor given a specification, which the official provider replaces by Negative), one connection
# per side, and depends_on from the initiator's connection to the acceptor's.
provider "alicloud" {
  region = var.region
}

variable "region" {
  default = "cn-beijing"
}

variable "label" {
  default = "pair-same-account"
}

resource "alicloud_vpc" "one" {
  vpc_name   = var.label
  cidr_block = "172.16.0.0/12"
}

resource "alicloud_vpc" "two" {
  provider   = alicloud
  vpc_name   = var.label
  cidr_block = "192.168.0.0/16"
}

resource "alicloud_router_interface" "starter" {
  opposite_region      = var.region
  router_type          = "VRouter"
  router_id            = alicloud_vpc.one.router_id
  role                 = "InitiatingSide"
  specification        = "Large.2"
  name                 = var.label
  description          = var.label
  instance_charge_type = "PostPaid"
}

resource "alicloud_router_interface" "answerer" {
  provider        = alicloud
  opposite_region = var.region
  router_type     = "VRouter"
  router_id       = alicloud_vpc.two.router_id
  role            = "AcceptingSide"
  specification   = "Large.1"
  name            = "${var.label}-answerer"
  description     = "${var.label}-answerer"
}

resource "alicloud_router_interface_connection" "starter" {
  interface_id          = alicloud_router_interface.starter.id
  opposite_interface_id = alicloud_router_interface.answerer.id
  depends_on            = [alicloud_router_interface_connection.answerer]
}

resource "alicloud_router_interface_connection" "answerer" {
  provider              = alicloud
  interface_id          = alicloud_router_interface.answerer.id
  opposite_interface_id = alicloud_router_interface.starter.id
}
