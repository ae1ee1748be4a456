package dev.peerform.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.emulator.cloud.World;
import dev.peerform.emulator.store.FileStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The official documentation's example patterns for vSwitches, route tables and their attachments, the data sources
 * over them and the fast-link router interface, run unchanged with no keys through the whole life of a configuration:
 * validate, plan, apply, a clean re-plan, destroy; and the cloud holds none of what they made afterwards.
 */
class OfficialExampleLifecycleTest {

    private static final Path EXAMPLES = Path.of("..", "providers", "alicloud", "src", "test", "resources",
            "official-examples");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"alicloud_vswitch/1.tf", "alicloud_route_table/1.tf", "alicloud_route_table_attachment/1.tf",
        "alicloud_express_connect_router_interface/1.tf"})
    void theDocumentedPatternAppliesReplansCleanAndDestroysWithNoKeys(String example) throws IOException {
        Files.copy(EXAMPLES.resolve(example), dir.resolve("main.tf"));
        Scenario s = new Scenario(dir);
        s.env.put("HOME", dir.resolve("home").toString());
        ok(s.run("validate", "-no-color"));
        ok(s.run("plan", "-no-color"));
        ok(s.run("apply", "-auto-approve", "-no-color"));
        Scenario.Run replan = s.run("plan", "-detailed-exitcode", "-no-color");
        assertEquals(0, replan.exitCode(), "the re-plan after apply is not clean:\n" + replan.out() + replan.err());
        ok(s.run("destroy", "-auto-approve", "-no-color"));
        World w = new FileStore(dir.resolve(".peerform/cloud.json")).load();
        assertTrue(w.vswitches.isEmpty() && w.routeTables.isEmpty(), "left in the cloud: " + w.vswitches.keySet()
                + " " + w.routeTables.keySet());
    }

    @Test
    void aFastLinkInterfaceIsConnectedByTheCloudAndDeletedTogetherWithTheAcceptingSideItMade() throws IOException {
        Files.copy(EXAMPLES.resolve("alicloud_express_connect_router_interface/1.tf"), dir.resolve("main.tf"));
        Scenario s = new Scenario(dir);
        ok(s.run("apply", "-auto-approve", "-no-color"));
        String shown = s.run("state", "show", "alicloud_express_connect_router_interface.edge").out();
        assertTrue(shown.contains("\"Active\""), shown);
        World w = new FileStore(dir.resolve(".peerform/cloud.json")).load();
        assertEquals(2, w.interfaces.size(), "the initiator and the accepting side the cloud made");
        assertTrue(!s.actions().contains("ConnectRouterInterface"), "the provider never connects: " + s.actions());
        ok(s.run("destroy", "-auto-approve", "-no-color"));
        assertTrue(s.actions().contains("DeleteExpressConnect"), s.actions().toString());
        assertTrue(new FileStore(dir.resolve(".peerform/cloud.json")).load().interfaces.isEmpty());
    }

    @Test
    void statusSuspendsAndResumesAndAnActiveInterfaceIsSuspendedBeforeItIsDeleted() throws IOException {
        String config = Files.readString(EXAMPLES.resolve("alicloud_express_connect_router_interface/1.tf"));
        Files.writeString(dir.resolve("main.tf"), config);
        Scenario s = new Scenario(dir);
        ok(s.run("apply", "-auto-approve", "-no-color"));
        Files.writeString(dir.resolve("main.tf"), config.replace("description                 = \"vbr side",
                "status = \"Inactive\"\n  description                 = \"vbr side"));
        ok(s.run("apply", "-auto-approve", "-no-color"));
        assertTrue(s.run("state", "show", "alicloud_express_connect_router_interface.edge").out()
                .contains("\"Inactive\""));
        assertEquals(0, s.run("plan", "-detailed-exitcode", "-no-color").exitCode());
        Files.writeString(dir.resolve("main.tf"), config.replace("description                 = \"vbr side",
                "status = \"Active\"\n  description                 = \"vbr side"));
        ok(s.run("apply", "-auto-approve", "-no-color"));
        assertTrue(s.actions().indexOf("ActivateRouterInterface") > s.actions().indexOf("DeactivateRouterInterface"),
                s.actions().toString());
        assertEquals(0, s.run("plan", "-detailed-exitcode", "-no-color").exitCode());
    }

    @Test
    void aRouteInACustomTableGoesOverTheTablesRouterAndTheSystemTableStaysAsItWas() throws IOException {
        Files.writeString(dir.resolve("main.tf"), """
                provider "alicloud" {
                  region = "cn-beijing"
                }
                resource "alicloud_vpc" "v" {
                  vpc_name   = "custom-routes"
                  cidr_block = "10.40.0.0/16"
                }
                resource "alicloud_vswitch" "s" {
                  vpc_id     = alicloud_vpc.v.id
                  cidr_block = "10.40.1.0/24"
                  zone_id    = "cn-beijing-a"
                }
                resource "alicloud_route_table" "t" {
                  vpc_id           = alicloud_vpc.v.id
                  route_table_name = "custom-routes"
                }
                resource "alicloud_route_table_attachment" "a" {
                  vswitch_id     = alicloud_vswitch.s.id
                  route_table_id = alicloud_route_table.t.id
                }
                resource "alicloud_route_entry" "r" {
                  route_table_id        = alicloud_route_table.t.id
                  destination_cidrblock = "192.168.9.0/24"
                  nexthop_type          = "Ipv4Gateway"
                  nexthop_id            = "ipv4gw-demo"
                }
                """);
        Scenario s = new Scenario(dir);
        ok(s.run("apply", "-auto-approve", "-no-color"));
        World w = new FileStore(dir.resolve(".peerform/cloud.json")).load();
        String custom = w.routeTables.keySet().iterator().next();
        String system = w.vpcs.values().iterator().next().routeTableId;
        assertEquals(1, w.routes.values().stream().filter(r -> r.routeTableId.equals(custom)).count());
        assertEquals(0, w.routes.values().stream().filter(r -> r.routeTableId.equals(system)).count());
        assertTrue(w.routeTables.get(custom).vswitchIds.containsAll(w.vswitches.keySet()));
        assertEquals(0, s.run("plan", "-detailed-exitcode", "-no-color").exitCode());
        ok(s.run("destroy", "-auto-approve", "-no-color"));
        World after = new FileStore(dir.resolve(".peerform/cloud.json")).load();
        assertTrue(after.routeTables.isEmpty() && after.vswitches.isEmpty() && after.routes.isEmpty());
    }

    private static void ok(Scenario.Run r) {
        assertEquals(0, r.exitCode(), r.out() + r.err());
    }
}
