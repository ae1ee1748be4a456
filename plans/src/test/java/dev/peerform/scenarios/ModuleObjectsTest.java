package dev.peerform.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Objects passed to a local module through object-typed variables, with attributes known only after apply (ids of
 * the interfaces made in the same run): the module's routes are made with them, and the next plan is clean.
 */
class ModuleObjectsTest {

    @TempDir
    Path dir;

    static final String ROOT = DependsOnOrderTest.DOCUMENTED.substring(0,
            DependsOnOrderTest.DOCUMENTED.indexOf("resource \"alicloud_route_entry\"")).replace("""
              depends_on            = [alicloud_router_interface_connection.right]
            """, "") + """
            module "routes" {
              source         = "./modules/peer"
              route_table_id = alicloud_vpc.left.route_table_id
              peers = {
                right = { cidr = alicloud_vpc.right.cidr_block, interface_id = alicloud_router_interface.left.id }
              }
            }

            module "back" {
              source         = "./modules/peer"
              route_table_id = alicloud_vpc.right.route_table_id
              peers = {
                left = { cidr = alicloud_vpc.left.cidr_block, interface_id = alicloud_router_interface.right.id }
              }
            }
            """;

    static final String MODULE = """
            variable "route_table_id" {
              type = string
            }

            variable "peers" {
              type = map(object({ cidr = string, interface_id = string, description = optional(string, "peer") }))
            }

            resource "alicloud_route_entry" "this" {
              for_each              = var.peers
              route_table_id        = var.route_table_id
              destination_cidrblock = each.value.cidr
              nexthop_type          = "RouterInterface"
              nexthop_id            = each.value.interface_id
            }

            output "ids" {
              value = { for k, r in alicloud_route_entry.this : k => r.id }
            }
            """;

    @Test
    void objectsPassedToAModuleAreAppliedWithTheirValuesAndPlanCleanAfterwards() throws Exception {
        Files.createDirectories(dir.resolve("modules/peer"));
        Files.writeString(dir.resolve("modules/peer/main.tf"), MODULE);
        Scenario s = DependsOnOrderTest.keyed(Scenario.config(ROOT, dir));
        Scenario.Run apply = s.run("apply", "-auto-approve");
        assertEquals(0, apply.exitCode(), apply.out() + apply.err());
        Scenario.Run clean = s.run("plan", "-detailed-exitcode");
        assertEquals(0, clean.exitCode(), clean.out() + clean.err());
        assertFalse(clean.out().contains("known after apply"), clean.out());
        Scenario.Run destroy = s.run("destroy", "-auto-approve");
        assertEquals(0, destroy.exitCode(), destroy.out() + destroy.err());
    }
}
