package dev.peerform.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan sees the interfaces' roles however a connection reaches its interfaces: through a for expression over
 * the interfaces, values(), lookup(), a splat, a local, or a module's variable holding the map of interfaces, in the
 * styles real repositories use (for_each over a map of peerings, count, a module taking a map). So the plan orders
 * the acceptor's end before the initiator's, the acceptor's wait after the initiator's connect, and the initiator's
 * suspension before the acceptor's, as it does for direct references; and the apply needs no guard to avoid a wait
 * for ever.
 */
class ForExpressionOrderTest {

    @TempDir
    Path dir;

    private static final String PEERINGS = """
            provider "alicloud" {
              region = "cn-beijing"
            }

            variable "peerings" {
              default = {
                a = { left = "10.81.0.0/16", right = "10.82.0.0/16" }
                b = { left = "10.83.0.0/16", right = "10.84.0.0/16" }
              }
            }

            resource "alicloud_vpc" "left" {
              for_each   = var.peerings
              vpc_name   = "left-${each.key}"
              cidr_block = each.value.left
            }

            resource "alicloud_vpc" "right" {
              for_each   = var.peerings
              vpc_name   = "right-${each.key}"
              cidr_block = each.value.right
            }

            resource "alicloud_router_interface" "initiator" {
              for_each        = var.peerings
              opposite_region = "cn-beijing"
              router_type     = "VRouter"
              router_id       = alicloud_vpc.left[each.key].router_id
              role            = "InitiatingSide"
              specification   = "Large.2"
              name            = "initiator-${each.key}"
            }

            resource "alicloud_router_interface" "acceptor" {
              for_each        = var.peerings
              opposite_region = "cn-beijing"
              router_type     = "VRouter"
              router_id       = alicloud_vpc.right[each.key].router_id
              role            = "AcceptingSide"
              name            = "acceptor-${each.key}"
            }
            """;

    private static final String MAP_CONNECTIONS = """

            locals {
              acceptor_ids = { for k, v in alicloud_router_interface.acceptor : k => v.id }
            }

            resource "alicloud_router_interface_connection" "acceptor" {
              for_each              = var.peerings
              interface_id          = local.acceptor_ids[each.key]
              opposite_interface_id = { for k, v in alicloud_router_interface.initiator : k => v.id }[each.key]
            }

            resource "alicloud_router_interface_connection" "initiator" {
              for_each              = var.peerings
              interface_id          = lookup(alicloud_router_interface.initiator, each.key).id
              opposite_interface_id = lookup(local.acceptor_ids, each.key)
              depends_on            = [alicloud_router_interface_connection.acceptor]
            }
            """;

    private static void ok(Scenario.Run r) {
        assertEquals(0, r.exitCode(), r.out() + r.err());
    }

    /** Plan, apply (never a wait for ever), a clean re-plan, then a destroy whose plan orders the suspensions. */
    private static void lifecycleInTheCloudsOrder(Scenario s, int peerings) {
        Scenario.Run plan = s.run("plan");
        ok(plan);
        assertTrue(plan.out().contains("the initiator has connected"), plan.out());
        assertTrue(plan.out().contains("the acceptor's end knows its peer"), plan.out());
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> ok(s.run("apply", "-auto-approve")));
        assertEquals(peerings, s.actions().stream().filter(a -> a.equals("ConnectRouterInterface")).count(),
                "only the initiators connect: " + s.actions());
        Scenario.Run clean = s.run("plan", "-detailed-exitcode");
        assertEquals(0, clean.exitCode(), clean.out() + clean.err());
        Scenario.Run destroyPlan = s.run("plan", "-destroy");
        ok(destroyPlan);
        assertTrue(destroyPlan.out().contains("the initiator's end is suspended"), destroyPlan.out());
        ok(s.run("destroy", "-auto-approve"));
    }

    @Test
    void rolesReachedThroughForExpressionsLocalsAndLookupOrderAMapOfPeerings() throws Exception {
        lifecycleInTheCloudsOrder(Scenario.config(PEERINGS + MAP_CONNECTIONS, dir), 2);
    }

    @Test
    void rolesReachedThroughValuesAndListForExpressionsOrderCountedConnections() throws Exception {
        Scenario s = Scenario.config(PEERINGS + """

                resource "alicloud_router_interface_connection" "acceptor" {
                  count                 = 2
                  interface_id          = [for r in values(alicloud_router_interface.acceptor) : r.id][count.index]
                  opposite_interface_id = values(alicloud_router_interface.initiator)[count.index].id
                }

                resource "alicloud_router_interface_connection" "initiator" {
                  count                 = 2
                  interface_id          = element(values(alicloud_router_interface.initiator)[*].id, count.index)
                  opposite_interface_id = [for k in sort(keys(alicloud_router_interface.acceptor)) :
                    alicloud_router_interface.acceptor[k].id][count.index]
                }
                """, dir);
        lifecycleInTheCloudsOrder(s, 2);
    }

    @Test
    void rolesReachedThroughAModuleTakingTheMapsOfInterfacesOrderItsConnections() throws Exception {
        Path module = Files.createDirectories(dir.resolve("modules/connections"));
        Files.writeString(module.resolve("main.tf"), """
                variable "initiators" {
                  type = map(object({ id = string }))
                }

                variable "acceptors" {
                  type = any
                }

                resource "alicloud_router_interface_connection" "acceptor" {
                  for_each              = var.acceptors
                  interface_id          = each.value.id
                  opposite_interface_id = var.initiators[each.key].id
                }

                resource "alicloud_router_interface_connection" "initiator" {
                  for_each              = var.initiators
                  interface_id          = each.value.id
                  opposite_interface_id = var.acceptors[each.key].id
                  depends_on            = [alicloud_router_interface_connection.acceptor]
                }
                """);
        Scenario s = Scenario.config(PEERINGS + """

                module "connections" {
                  source     = "./modules/connections"
                  initiators = alicloud_router_interface.initiator
                  acceptors  = alicloud_router_interface.acceptor
                }
                """, dir);
        lifecycleInTheCloudsOrder(s, 2);
    }

    @Test
    void rolesReachedThroughAModuleCalledPerPeeringOrderItsConnections() throws Exception {
        Path module = Files.createDirectories(dir.resolve("modules/peering"));
        Files.writeString(module.resolve("main.tf"), """
                variable "ends" {
                  type = object({ initiator = string, acceptor = string })
                }

                resource "alicloud_router_interface_connection" "acceptor" {
                  interface_id          = var.ends.acceptor
                  opposite_interface_id = var.ends.initiator
                }

                resource "alicloud_router_interface_connection" "initiator" {
                  interface_id          = var.ends.initiator
                  opposite_interface_id = var.ends.acceptor
                  depends_on            = [alicloud_router_interface_connection.acceptor]
                }
                """);
        Scenario s = Scenario.config(PEERINGS + """

                module "peering" {
                  source   = "./modules/peering"
                  for_each = { for k, v in alicloud_router_interface.initiator : k => {
                    initiator = v.id
                    acceptor  = alicloud_router_interface.acceptor[k].id
                  } }
                  ends = each.value
                }
                """, dir);
        lifecycleInTheCloudsOrder(s, 2);
    }
}
