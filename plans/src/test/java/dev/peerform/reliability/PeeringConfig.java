package dev.peerform.reliability;

/**
 * A configuration in the users' style: a map of peers, each a pair of VPCs joined by a connection with a route on
 * both sides, one resource block per kind over {@code for_each}; a peer marked cross-account puts its accepting VPC
 * in the second account, which needs the second provider, so those peers get their own blocks (a provider cannot
 * be chosen per instance). Every third peer is cross-account.
 */
final class PeeringConfig {

    private PeeringConfig() {
    }

    static boolean crossAccount(int i) {
        return i % 3 == 1;
    }

    static String generate(int peers) {
        StringBuilder map = new StringBuilder();
        for (int i = 0; i < peers; i++) {
            map.append(String.format("    p%02d = { a_cidr = \"10.%d.0.0/16\", b_cidr = \"10.%d.0.0/16\", "
                    + "cross_account = %s }%n", i, i, 100 + i, crossAccount(i)));
        }
        return """
                variable "peers" {
                  type = map(object({
                    a_cidr        = string
                    b_cidr        = string
                    cross_account = bool
                  }))
                  default = {
                %s  }
                }

                variable "bandwidth" {
                  default = "Middle.2"
                }

                variable "secret_a" {
                  default   = "demo-secret-12345678"
                  sensitive = true
                }

                variable "secret_b" {
                  default   = "demo-secret-87654321"
                  sensitive = true
                }

                locals {
                  account_a = "12345678"
                  account_b = "87654321"
                  same      = { for k, p in var.peers : k => p if !p.cross_account }
                  cross     = { for k, p in var.peers : k => p if p.cross_account }
                }

                provider "alicloud" {
                  alias                      = "a"
                  region                     = "cn-hangzhou"
                  access_key                 = "LTAIpeerformDemo12345678"
                  secret_key                 = var.secret_a
                  max_interfaces_per_account = 100
                }

                provider "alicloud" {
                  alias                      = "b"
                  region                     = "cn-beijing"
                  access_key                 = "LTAIpeerformDemo87654321"
                  secret_key                 = var.secret_b
                  max_interfaces_per_account = 100
                }

                resource "alicloud_vpc" "a" {
                  provider   = alicloud.a
                  for_each   = var.peers
                  cidr_block = each.value.a_cidr
                  vpc_name   = "${each.key}-a"
                }

                resource "alicloud_vpc" "same_b" {
                  provider   = alicloud.a
                  for_each   = local.same
                  cidr_block = each.value.b_cidr
                  vpc_name   = "${each.key}-b"
                }

                resource "alicloud_vpc" "cross_b" {
                  provider   = alicloud.b
                  for_each   = local.cross
                  cidr_block = each.value.b_cidr
                  vpc_name   = "${each.key}-b"
                }

                resource "alicloud_router_interface" "init" {
                  provider        = alicloud.a
                  for_each        = var.peers
                  opposite_region = each.value.cross_account ? "cn-beijing" : "cn-hangzhou"
                  router_type     = "VRouter"
                  router_id       = alicloud_vpc.a[each.key].router_id
                  role            = "InitiatingSide"
                  specification   = var.bandwidth
                  name            = "${each.key}-a-to-b"
                }

                resource "alicloud_router_interface" "same_acc" {
                  provider        = alicloud.a
                  for_each        = local.same
                  opposite_region = "cn-hangzhou"
                  router_type     = "VRouter"
                  router_id       = alicloud_vpc.same_b[each.key].router_id
                  role            = "AcceptingSide"
                  name            = "${each.key}-b-from-a"
                }

                resource "alicloud_router_interface" "cross_acc" {
                  provider        = alicloud.b
                  for_each        = local.cross
                  opposite_region = "cn-hangzhou"
                  router_type     = "VRouter"
                  router_id       = alicloud_vpc.cross_b[each.key].router_id
                  role            = "AcceptingSide"
                  name            = "${each.key}-b-from-a"
                }

                resource "alicloud_router_interface_connection" "same_init" {
                  provider                    = alicloud.a
                  for_each                    = local.same
                  interface_id                = alicloud_router_interface.init[each.key].id
                  opposite_interface_id       = alicloud_router_interface.same_acc[each.key].id
                  opposite_interface_owner_id = local.account_a
                }

                resource "alicloud_router_interface_connection" "same_acc" {
                  provider                    = alicloud.a
                  for_each                    = local.same
                  interface_id                = alicloud_router_interface.same_acc[each.key].id
                  opposite_interface_id       = alicloud_router_interface.init[each.key].id
                  opposite_interface_owner_id = local.account_a
                }

                resource "alicloud_router_interface_connection" "cross_init" {
                  provider                    = alicloud.a
                  for_each                    = local.cross
                  interface_id                = alicloud_router_interface.init[each.key].id
                  opposite_interface_id       = alicloud_router_interface.cross_acc[each.key].id
                  opposite_router_id          = alicloud_vpc.cross_b[each.key].router_id
                  opposite_interface_owner_id = local.account_b
                }

                resource "alicloud_router_interface_connection" "cross_acc" {
                  provider                    = alicloud.b
                  for_each                    = local.cross
                  interface_id                = alicloud_router_interface.cross_acc[each.key].id
                  opposite_interface_id       = alicloud_router_interface.init[each.key].id
                  opposite_router_id          = alicloud_vpc.a[each.key].router_id
                  opposite_interface_owner_id = local.account_a
                }

                resource "alicloud_route_entry" "a_to_b" {
                  provider              = alicloud.a
                  for_each              = var.peers
                  route_table_id        = alicloud_vpc.a[each.key].route_table_id
                  destination_cidrblock = each.value.b_cidr
                  nexthop_type          = "RouterInterface"
                  nexthop_id            = alicloud_router_interface.init[each.key].id
                }

                resource "alicloud_route_entry" "same_b_to_a" {
                  provider              = alicloud.a
                  for_each              = local.same
                  route_table_id        = alicloud_vpc.same_b[each.key].route_table_id
                  destination_cidrblock = each.value.a_cidr
                  nexthop_type          = "RouterInterface"
                  nexthop_id            = alicloud_router_interface.same_acc[each.key].id
                }

                resource "alicloud_route_entry" "cross_b_to_a" {
                  provider              = alicloud.b
                  for_each              = local.cross
                  route_table_id        = alicloud_vpc.cross_b[each.key].route_table_id
                  destination_cidrblock = each.value.a_cidr
                  nexthop_type          = "RouterInterface"
                  nexthop_id            = alicloud_router_interface.cross_acc[each.key].id
                }

                output "connections" {
                  value = { for k, r in alicloud_router_interface.init : k => r.id }
                }
                """.formatted(map);
    }
}
