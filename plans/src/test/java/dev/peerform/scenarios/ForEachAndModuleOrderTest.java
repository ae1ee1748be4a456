package dev.peerform.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cloud's order of work holds however the configuration reaches the resources: through each.value of a for_each
 * over a whole resource, inside a module called with for_each whose arguments come from each.value, and with the
 * documented depends_on between connections whose interfaces the plan does not change (so it cannot tell their
 * roles). None of these may wait for ever. (ForExpressionOrderTest: the plan sees through for expressions.)
 */
class ForEachAndModuleOrderTest {

    @TempDir
    Path dir;

    private static final String INTERFACES = """
            provider "alicloud" {
              region = "cn-beijing"
            }

            resource "alicloud_vpc" "left" {
              vpc_name   = "left"
              cidr_block = "10.61.0.0/16"
            }

            resource "alicloud_vpc" "right" {
              vpc_name   = "right"
              cidr_block = "10.62.0.0/16"
            }

            resource "alicloud_router_interface" "out" {
              for_each        = { one = alicloud_vpc.left.router_id }
              opposite_region = "cn-beijing"
              router_type     = "VRouter"
              router_id       = each.value
              role            = "InitiatingSide"
              specification   = "Large.2"
              name            = "out-${each.key}"
            }

            resource "alicloud_router_interface" "in" {
              for_each        = { one = alicloud_vpc.right.router_id }
              opposite_region = "cn-beijing"
              router_type     = "VRouter"
              router_id       = each.value
              role            = "AcceptingSide"
              name            = "in-${each.key}"
            }
            """;

    private static final String CONNECTIONS = """

            resource "alicloud_router_interface_connection" "in" {
              for_each              = alicloud_router_interface.in
              interface_id          = each.value.id
              opposite_interface_id = alicloud_router_interface.out[each.key].id
            }

            resource "alicloud_router_interface_connection" "out" {
              for_each              = alicloud_router_interface.out
              interface_id          = each.value.id
              opposite_interface_id = alicloud_router_interface.in[each.key].id
              depends_on            = [alicloud_router_interface_connection.in]
            }
            """;

    private static void ok(Scenario.Run r) {
        assertEquals(0, r.exitCode(), r.out() + r.err());
    }

    @Test
    void theAcceptorsConnectionThroughEachValueAwaitsTheInitiatorsConnect() throws Exception {
        Scenario s = Scenario.config(INTERFACES + CONNECTIONS, dir);
        Scenario.Run plan = s.run("plan");
        ok(plan);
        assertTrue(plan.out().contains("the initiator has connected"), plan.out());
    }

    @Test
    void documentedDependsOnOverInterfacesThePlanDoesNotChangeNeverWaitsForever() throws Exception {
        Scenario s = Scenario.config(INTERFACES, dir);
        ok(s.run("apply", "-auto-approve"));
        Files.writeString(dir.resolve("main.tf"), INTERFACES + CONNECTIONS);
        // the plan sees no interface change, so no role: the depends_on alone orders the two connections
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> ok(s.run("apply", "-auto-approve")));
        Scenario.Run clean = s.run("plan", "-detailed-exitcode");
        assertEquals(0, clean.exitCode(), clean.out() + clean.err());
        List<String> actions = s.actions();
        assertEquals(1, actions.stream().filter(a -> a.equals("ConnectRouterInterface")).count(), actions.toString());
        ok(s.run("destroy", "-auto-approve"));
    }

    @Test
    void anAcceptorsConnectionOverAForExpressionOfInterfacesAwaitsTheInitiatorsConnect() throws Exception {
        // for_each over an expression, not a whole resource: the plan still tells which interface each end is
        Scenario s = Scenario.config(INTERFACES + CONNECTIONS.replace("for_each              = alicloud_router_interface.in",
                "for_each              = { for k, v in alicloud_router_interface.in : k => v }").replace(
                "for_each              = alicloud_router_interface.out",
                "for_each              = { for k, v in alicloud_router_interface.out : k => v }"), dir);
        Scenario.Run plan = s.run("plan");
        ok(plan);
        assertTrue(plan.out().contains("the initiator has connected"), plan.out());
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> ok(s.run("apply", "-auto-approve")));
        // the initiator connects once, as without the depends_on; the acceptor's end never calls Connect
        assertEquals(1, s.actions().stream().filter(a -> a.equals("ConnectRouterInterface")).count(),
                s.actions().toString());
        Scenario.Run clean = s.run("plan", "-detailed-exitcode");
        assertEquals(0, clean.exitCode(), clean.out() + clean.err());
        ok(s.run("destroy", "-auto-approve"));
    }

    @Test
    void resourcesOfAModuleInstanceWaitForWhatItsForEachValueComesFrom() throws Exception {
        Path module = Files.createDirectories(dir.resolve("modules/end"));
        Files.writeString(module.resolve("main.tf"), """
                variable "vpc" {
                  type = object({ router_id = string })
                }

                resource "alicloud_router_interface" "this" {
                  opposite_region = "cn-beijing"
                  router_type     = "VRouter"
                  router_id       = var.vpc.router_id
                  role            = "AcceptingSide"
                }
                """);
        Scenario s = Scenario.config("""
                provider "alicloud" {
                  region = "cn-beijing"
                }

                resource "alicloud_vpc" "v" {
                  for_each   = { a = "10.71.0.0/16", b = "10.72.0.0/16" }
                  cidr_block = each.value
                }

                module "end" {
                  source   = "./modules/end"
                  for_each = alicloud_vpc.v
                  vpc      = { router_id = each.value.router_id }
                }
                """, dir);
        ok(s.run("apply", "-auto-approve"));
        List<String> actions = s.actions();
        assertTrue(actions.lastIndexOf("CreateVpc") < actions.indexOf("CreateRouterInterface"), actions.toString());
        Scenario.Run clean = s.run("plan", "-detailed-exitcode");
        assertEquals(0, clean.exitCode(), clean.out() + clean.err());
        ok(s.run("destroy", "-auto-approve"));
    }
}
