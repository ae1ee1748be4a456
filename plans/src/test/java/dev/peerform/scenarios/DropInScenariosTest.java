package dev.peerform.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configurations written for the official alicloud provider, run unchanged with no keys: what changes in place,
 * what is only stored and echoed, what is ignored as upstream ignores it, and states written by an earlier
 * peerform.
 */
class DropInScenariosTest {

    @TempDir
    Path dir;

    private static final String PROVIDER = "provider \"alicloud\" {\n  region = \"cn-beijing\"\n}\n";

    private static void ok(Scenario.Run r) {
        assertEquals(0, r.exitCode(), r.out() + r.err());
    }

    private static void clean(Scenario s) {
        Scenario.Run r = s.run("plan", "-detailed-exitcode", "-no-color");
        assertEquals(0, r.exitCode(), "the plan after apply is clean: " + r.out() + r.err());
    }

    private Scenario write(Scenario s, String config) throws Exception {
        Files.writeString(dir.resolve("main.tf"), config);
        return s;
    }

    @Test
    void vpcCidrBlockAndNameChangeInPlaceWithModifyVpcAttribute() throws Exception {
        Scenario s = Scenario.config(PROVIDER + "resource \"alicloud_vpc\" \"v\" {\n  vpc_name = \"one\"\n"
                + "  cidr_block = \"10.10.0.0/16\"\n}\n", dir);
        ok(s.run("apply", "-auto-approve"));
        write(s, PROVIDER + "resource \"alicloud_vpc\" \"v\" {\n  vpc_name = \"two\"\n"
                + "  cidr_block = \"10.10.0.0/15\"\n}\n");
        Scenario.Run plan = s.run("plan", "-no-color");
        assertTrue(plan.out().contains("will be updated in-place") && !plan.out().contains("forces replacement"),
                plan.out());
        ok(s.run("apply", "-auto-approve"));
        assertEquals(List.of("CreateVpc", "ModifyVpcAttribute"), s.actions());
        assertTrue(s.run("state", "show", "alicloud_vpc.v").out().contains("10.10.0.0/15"));
        clean(s);
    }

    @Test
    void aVpcWithoutCidrBlockGetsTheCloudsDefaultRangeAndPlansClean() throws Exception {
        Scenario s = Scenario.config(PROVIDER + "resource \"alicloud_vpc\" \"v\" {\n  vpc_name = \"no-cidr\"\n}\n",
                dir);
        ok(s.run("apply", "-auto-approve"));
        assertTrue(s.run("state", "show", "alicloud_vpc.v").out().contains("172.16.0.0/12"));
        clean(s);
    }

    @Test
    void whatTheEmulatorDoesNotModelIsStoredEchoedAndPlansClean() throws Exception {
        Scenario s = Scenario.config(PROVIDER + """
                resource "alicloud_vpc" "v" {
                  vpc_name          = "tagged"
                  cidr_block        = "10.20.0.0/16"
                  description       = "kept in state"
                  enable_ipv6       = true
                  resource_group_id = "rg-made-up"
                  tags = { team = "net" }
                  timeouts { create = "20m" }
                }
                """, dir);
        ok(s.run("apply", "-auto-approve"));
        String shown = s.run("state", "show", "alicloud_vpc.v").out();
        assertTrue(shown.contains("kept in state") && shown.contains("rg-made-up") && shown.contains("net"), shown);
        clean(s);
    }

    @Test
    void argumentsNotWrittenAreAcceptedWithTerraformsWarningWordForWord() throws Exception {
        Scenario s = Scenario.config(PROVIDER + "resource \"alicloud_vpc\" \"v\" {\n  name = \"old-style\"\n"
                + "  cidr_block = \"10.30.0.0/16\"\n}\n", dir);
        Scenario.Run plan = s.run("plan", "-no-color");
        ok(plan);
        assertTrue(plan.out().contains("Warning: Argument is deprecated"), plan.out());
        assertTrue(plan.out().contains("Field 'name' has been deprecated since provider version 1.119.0. New field "
                + "'vpc_name' instead."), plan.out());
        ok(s.run("apply", "-auto-approve"));
        clean(s);
    }

    @Test
    void vbrVlanAndPeeringAddressesChangeInPlaceOnlyThePhysicalConnectionReplaces() throws Exception {
        String vbr = PROVIDER + """
                resource "alicloud_express_connect_virtual_border_router" "v" {
                  physical_connection_id     = "pc-bj0peerformdemo0001"
                  vlan_id                    = %d
                  local_gateway_ip           = "10.0.0.%d"
                  peer_gateway_ip            = "10.0.0.2"
                  peering_subnet_mask        = "255.255.255.252"
                  virtual_border_router_name = "edge"
                  min_rx_interval            = 1000
                  min_tx_interval            = 1000
                  detect_multiplier          = 10
                }
                """;
        Scenario s = Scenario.config(vbr.formatted(1234, 1), dir);
        s.env.put("ALICLOUD_ACCESS_KEY", "LTAIpeerformDemo12345678");
        s.env.put("ALICLOUD_SECRET_KEY", "demo-secret-12345678");
        ok(s.run("apply", "-auto-approve"));
        clean(s);
        write(s, vbr.formatted(1235, 3));
        Scenario.Run plan = s.run("plan", "-no-color");
        assertTrue(plan.out().contains("will be updated in-place") && !plan.out().contains("forces replacement"),
                plan.out());
        ok(s.run("apply", "-auto-approve"));
        assertEquals(List.of("CreateVirtualBorderRouter", "ModifyVirtualBorderRouterAttribute"), s.actions());
        clean(s);
    }

    @Test
    void healthCheckAddressesOnAVRouterInterfaceAreIgnoredNotRefused() throws Exception {
        String config = PROVIDER + """
                resource "alicloud_vpc" "v" { cidr_block = "10.40.0.0/16" }
                resource "alicloud_router_interface" "i" {
                  opposite_region        = "cn-hangzhou"
                  router_type            = "VRouter"
                  router_id              = alicloud_vpc.v.router_id
                  role                   = "InitiatingSide"
                  specification          = "Large.2"
                  health_check_source_ip = "%s"
                  health_check_target_ip = "10.40.0.2"
                }
                """;
        Scenario s = Scenario.config(config.formatted("10.40.0.1"), dir);
        ok(s.run("apply", "-auto-approve"));
        clean(s);
        write(s, config.formatted("10.40.0.9"));
        clean(s);
    }

    @Test
    void aRouteToADocumentedNextHopTypeTheEmulatorDoesNotRouteIsStoredAndEchoed() throws Exception {
        Scenario s = Scenario.config(PROVIDER + """
                resource "alicloud_vpc" "v" { cidr_block = "10.50.0.0/16" }
                resource "alicloud_route_entry" "to_instance" {
                  route_table_id        = alicloud_vpc.v.route_table_id
                  destination_cidrblock = "172.30.0.0/32"
                  nexthop_type          = "Instance"
                  nexthop_id            = "i-notmodelled"
                  name                  = "to-an-instance"
                  description           = "stored"
                }
                """, dir);
        ok(s.run("apply", "-auto-approve"));
        String shown = s.run("state", "show", "alicloud_route_entry.to_instance").out();
        assertTrue(shown.matches("(?s).*id +\\= \"vtb-[^:]+:vrt-[^:]+:172\\.30\\.0\\.0/32:Instance:i-notmodelled\".*"),
                "the official five-part id: " + shown);
        clean(s);
    }

    /** A state written by the previous version (four-part route ids, none of the new attributes) plans clean. */
    @Test
    void aStateWrittenByTheEarlierPeerformPlansCleanAndItsRouteIdsAreUpgraded() throws Exception {
        Scenario s = Scenario.example("vpc-peering-same-account", dir);
        ok(s.run("apply", "-auto-approve"));
        Path statePath = dir.resolve("terraform.tfstate");
        ObjectMapper json = new ObjectMapper();
        JsonNode state = json.readTree(statePath.toFile());
        List<String> old = List.of("id", "cidr_block", "vpc_name", "router_id", "route_table_id", "status",
                "opposite_region", "router_type", "role", "specification", "name", "description",
                "health_check_source_ip", "health_check_target_ip", "instance_charge_type", "period",
                "access_point_id", "interface_id", "opposite_interface_id", "opposite_router_type",
                "opposite_router_id", "opposite_interface_owner_id", "destination_cidrblock", "nexthop_type",
                "nexthop_id");
        for (JsonNode r : state.path("resources")) {
            for (JsonNode i : r.path("instances")) {
                ObjectNode a = (ObjectNode) i.path("attributes");
                boolean route = r.path("type").asText().equals("alicloud_route_entry");
                a.retain(old.stream().filter(k -> !(route && (k.equals("router_id") || k.equals("description"))))
                        .toList());
                if (route) {
                    a.put("id", a.path("route_table_id").asText() + ":" + a.path("destination_cidrblock").asText()
                            + ":RouterInterface:" + a.path("nexthop_id").asText());
                }
            }
        }
        Files.writeString(statePath, json.writerWithDefaultPrettyPrinter().writeValueAsString(state));
        Scenario.Run plan = s.run("plan", "-detailed-exitcode", "-no-color");
        assertEquals(0, plan.exitCode(), plan.out() + plan.err());
        assertFalse(plan.out().contains("must be replaced"), plan.out());
        ok(s.run("refresh"));
        String route = s.run("state", "show", "alicloud_route_entry.qingdao_to_beijing").out();
        assertTrue(route.matches("(?s).*\\bid +\\= \"vtb-[^:]+:vrt-[^:]+:[^:]+:RouterInterface:ri-[^\"]+\".*"),
                "the id is the official five-part one: " + route);
    }

    @Test
    void aRouteIsImportedByTheOfficialFivePartIdAndPlansClean() throws Exception {
        Scenario s = Scenario.example("vpc-peering-same-account", dir);
        ok(s.run("apply", "-auto-approve"));
        String shown = s.run("state", "show", "alicloud_route_entry.qingdao_to_beijing").out();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\bid +\\= \"([^\"]+)\"").matcher(shown);
        assertTrue(m.find(), shown);
        String id = m.group(1);
        assertEquals(5, id.split(":").length, id);
        ok(s.run("state", "rm", "alicloud_route_entry.qingdao_to_beijing"));
        ok(s.run("import", "alicloud_route_entry.qingdao_to_beijing", id));
        clean(s);
    }

    @Test
    void aDataSourceWritesItsOutputFileAsTheOfficialProviderDoes() throws Exception {
        Scenario s = Scenario.config(PROVIDER + """
                data "alicloud_express_connect_physical_connections" "all" {
                  name_regex  = "^idc-"
                  output_file = "out/connections.json"
                }
                output "names" { value = data.alicloud_express_connect_physical_connections.all.names }
                """, dir);
        ok(s.run("apply", "-auto-approve"));
        JsonNode written = new ObjectMapper().readTree(dir.resolve("out/connections.json").toFile());
        assertEquals(1, written.size(), written.toString());
        assertEquals("pc-bj0peerformdemo0001", written.path(0).path("id").asText());
        assertEquals("idc-beijing-leased-line", written.path(0).path("physical_connection_name").asText());
        assertTrue(s.run("output", "-json", "names").out().contains("idc-beijing-leased-line"));
    }

    /**
     * Issue 12's pattern: the next hop's router known only through each.value of a for_each over the VPCs plans
     * (the rule waits for apply). Applying it needs the engine to evaluate each.value of a for_each over resources
     * with the values the apply produced (today RouterId reaches the cloud empty): engine work, not checked here.
     */
    @Test
    void aRouteOverAnInterfaceWhoseRouterComesFromEachValuePlans() throws Exception {
        Scenario s = Scenario.config(PROVIDER + """
                locals {
                  nets = { left = "10.71.0.0/16", right = "10.72.0.0/16" }
                  peer = { left = "right", right = "left" }
                }
                resource "alicloud_vpc" "net" {
                  for_each   = local.nets
                  vpc_name   = each.key
                  cidr_block = each.value
                }
                resource "alicloud_router_interface" "x" {
                  for_each        = alicloud_vpc.net
                  opposite_region = "cn-beijing"
                  router_type     = "VRouter"
                  router_id       = each.value.router_id
                  role            = each.key == "left" ? "InitiatingSide" : "AcceptingSide"
                  specification   = each.key == "left" ? "Large.2" : null
                }
                resource "alicloud_router_interface_connection" "c" {
                  for_each              = alicloud_router_interface.x
                  interface_id          = each.value.id
                  opposite_interface_id = alicloud_router_interface.x[local.peer[each.key]].id
                }
                resource "alicloud_route_entry" "r" {
                  for_each              = alicloud_vpc.net
                  route_table_id        = alicloud_vpc.net[each.key].route_table_id
                  destination_cidrblock = local.nets[local.peer[each.key]]
                  nexthop_type          = "RouterInterface"
                  nexthop_id            = alicloud_router_interface.x[each.key].id
                }
                """, dir);
        Scenario.Run plan = s.run("plan", "-no-color");
        assertEquals(0, plan.exitCode(), plan.out() + plan.err());
        assertFalse(plan.err().contains("Next hop on another router"), plan.err());
        assertTrue(plan.out().contains("Plan: 8 to add"), plan.out());
    }
}
