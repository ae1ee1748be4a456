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
        "alicloud_express_connect_router_interface/1.tf", "alicloud_vpc/2.tf", "data/alicloud_vswitches/1.tf",
        "data/alicloud_account/1.tf", "data/alicloud_regions/1.tf", "data/alicloud_zones/1.tf",
        "data/alicloud_zones/2.tf", "data/alicloud_resource_manager_resource_groups/1.tf"})
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

    @Test
    void theNetworkDataSourcesReadWhatTheConfigurationMade() throws IOException {
        String resources = """
                provider "alicloud" {
                  region = "cn-beijing"
                }
                resource "alicloud_vpc" "v" {
                  vpc_name   = "listed"
                  cidr_block = "10.50.0.0/16"
                }
                resource "alicloud_vswitch" "s" {
                  vswitch_name = "listed-a"
                  vpc_id       = alicloud_vpc.v.id
                  cidr_block   = "10.50.1.0/24"
                  zone_id      = "cn-beijing-b"
                }
                resource "alicloud_route_table" "t" {
                  vpc_id           = alicloud_vpc.v.id
                  route_table_name = "listed-table"
                }
                resource "alicloud_route_table_attachment" "a" {
                  vswitch_id     = alicloud_vswitch.s.id
                  route_table_id = alicloud_route_table.t.id
                }
                resource "alicloud_route_entry" "r" {
                  route_table_id        = alicloud_route_table.t.id
                  destination_cidrblock = "192.168.7.0/24"
                  nexthop_type          = "Ipv4Gateway"
                  nexthop_id            = "ipv4gw-demo"
                }
                """;
        Files.writeString(dir.resolve("main.tf"), resources);
        Scenario s = new Scenario(dir);
        ok(s.run("apply", "-auto-approve", "-no-color"));
        Files.writeString(dir.resolve("main.tf"), resources + """
                data "alicloud_route_tables" "custom" {
                  ids              = [alicloud_route_table.t.id]
                  route_table_type = "Custom"
                  output_file      = "tables.json"
                }
                data "alicloud_route_entries" "of_table" {
                  route_table_id = alicloud_route_entry.r.route_table_id
                  cidr_block     = alicloud_route_entry.r.destination_cidrblock
                }
                data "alicloud_vswitches" "in_vpc" {
                  vpc_id     = alicloud_vpc.v.id
                  name_regex = "^listed-"
                }
                data "alicloud_express_connect_virtual_border_routers" "on_line" {
                  filter {
                    key    = "PhysicalConnectionId"
                    values = ["pc-bj0peerformdemo0001"]
                  }
                }
                output "table" {
                  value = "${data.alicloud_route_tables.custom.tables.0.route_table_name}:${length(data.alicloud_route_tables.custom.tables.0.vswitch_ids)}"
                }
                output "entry" {
                  value = data.alicloud_route_entries.of_table.entries.0.instance_id
                }
                output "vswitch_table" {
                  value = data.alicloud_vswitches.in_vpc.vswitches.0.route_table_id == alicloud_route_table.t.id
                }
                output "vbr" {
                  value = data.alicloud_express_connect_virtual_border_routers.on_line.names.0
                }
                """);
        ok(s.run("apply", "-auto-approve", "-no-color"));
        String out = s.run("output", "-no-color").out();
        assertTrue(out.contains("listed-table:1") && out.contains("ipv4gw-demo") && out.contains("vswitch_table = true")
                && out.contains("seed-vbr"), out);
        assertTrue(Files.readString(dir.resolve("tables.json")).contains("listed-table"));
        assertEquals(0, s.run("plan", "-detailed-exitcode", "-no-color").exitCode());
        ok(s.run("destroy", "-auto-approve", "-no-color"));
    }

    private static void ok(Scenario.Run r) {
        assertEquals(0, r.exitCode(), r.out() + r.err());
    }
}
