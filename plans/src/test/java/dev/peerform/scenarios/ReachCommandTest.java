package dev.peerform.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code peerform reach} through the CLI, one rule at a time: two VPCs peered across regions (Qingdao, Beijing),
 * an instance in each with a group that admits the other VPC's range, as the peering guide sets them up. Each
 * broken variant gives exit 3 and names its cause; the configuration as the guide writes it gives exit 0, both
 * predicted from the plan and live after apply.
 */
class ReachCommandTest {

    @TempDir
    Path dir;

    static final String PEERED = """
            provider "alicloud" {
              alias      = "qingdao"
              region     = "cn-qingdao"
              access_key = "LTAIpeerformDemo87654321"
              secret_key = "demo-secret-87654321"
            }

            provider "alicloud" {
              alias      = "beijing"
              region     = "cn-beijing"
              access_key = "LTAIpeerformDemo87654321"
              secret_key = "demo-secret-87654321"
            }

            resource "alicloud_vpc" "qingdao" {
              provider   = alicloud.qingdao
              cidr_block = "172.16.0.0/12"
            }

            resource "alicloud_vpc" "beijing" {
              provider   = alicloud.beijing
              cidr_block = "192.168.0.0/16"
            }

            resource "alicloud_vswitch" "qingdao" {
              provider   = alicloud.qingdao
              vpc_id     = alicloud_vpc.qingdao.id
              cidr_block = "172.16.1.0/24"
              zone_id    = "cn-qingdao-a"
            }

            resource "alicloud_vswitch" "beijing" {
              provider   = alicloud.beijing
              vpc_id     = alicloud_vpc.beijing.id
              cidr_block = "192.168.1.0/24"
              zone_id    = "cn-beijing-a"
            }

            resource "alicloud_security_group" "qingdao" {
              provider = alicloud.qingdao
              vpc_id   = alicloud_vpc.qingdao.id
            }

            resource "alicloud_security_group" "beijing" {
              provider = alicloud.beijing
              vpc_id   = alicloud_vpc.beijing.id
            }

            resource "alicloud_security_group_rule" "qingdao_from_beijing" {
              provider          = alicloud.qingdao
              type              = "ingress"
              ip_protocol       = "icmp"
              port_range        = "-1/-1"
              cidr_ip           = alicloud_vpc.beijing.cidr_block
              security_group_id = alicloud_security_group.qingdao.id
            }

            resource "alicloud_security_group_rule" "beijing_from_qingdao" {
              provider          = alicloud.beijing
              type              = "ingress"
              ip_protocol       = "icmp"
              port_range        = "-1/-1"
              cidr_ip           = alicloud_vpc.qingdao.cidr_block
              security_group_id = alicloud_security_group.beijing.id
            }

            resource "alicloud_instance" "qingdao" {
              provider        = alicloud.qingdao
              image_id        = "ubuntu_22_04_x64_20G_alibase_20240926.vhd"
              instance_type   = "ecs.g7.large"
              vswitch_id      = alicloud_vswitch.qingdao.id
              security_groups = [alicloud_security_group.qingdao.id]
            }

            resource "alicloud_instance" "beijing" {
              provider        = alicloud.beijing
              image_id        = "ubuntu_22_04_x64_20G_alibase_20240926.vhd"
              instance_type   = "ecs.g7.large"
              vswitch_id      = alicloud_vswitch.beijing.id
              security_groups = [alicloud_security_group.beijing.id]
            }

            resource "alicloud_router_interface" "initiator" {
              provider        = alicloud.qingdao
              opposite_region = "cn-beijing"
              router_type     = "VRouter"
              router_id       = alicloud_vpc.qingdao.router_id
              role            = "InitiatingSide"
              specification   = "Large.2"
            }

            resource "alicloud_router_interface" "acceptor" {
              provider        = alicloud.beijing
              opposite_region = "cn-qingdao"
              router_type     = "VRouter"
              router_id       = alicloud_vpc.beijing.router_id
              role            = "AcceptingSide"
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
            """;

    private static final String FROM = "alicloud_instance.qingdao";
    private static final String TO = "alicloud_instance.beijing";

    /** The configuration without one resource block (named by its two labels). */
    static String without(String config, String type, String name) {
        String head = "resource \"" + type + "\" \"" + name + "\" {";
        int start = config.indexOf(head);
        assertTrue(start >= 0, head);
        int end = config.indexOf("\n}\n", start) + 3;
        return config.substring(0, start) + config.substring(end);
    }

    private Scenario.Run predict(Scenario s) {
        Scenario.Run plan = s.run("plan", "-out=tfplan");
        assertEquals(0, plan.exitCode(), plan.out() + plan.err());
        return s.run("reach", FROM, TO, "-plan", "tfplan");
    }

    private Scenario.Run live(Scenario s) {
        Scenario.Run apply = s.run("apply", "-auto-approve");
        assertEquals(0, apply.exitCode(), apply.out() + apply.err());
        return s.run("reach", FROM, TO);
    }

    private static void blocked(Scenario.Run reach, String... words) {
        assertEquals(3, reach.exitCode(), reach.out() + reach.err());
        assertTrue(reach.out().contains("NOT reachable"), reach.out());
        for (String w : words) {
            assertTrue(reach.out().contains(w), "\"" + w + "\" in\n" + reach.out());
        }
    }

    @Test
    void peeringAsTheGuideSetsItUpIsReachableBothWaysPredictedAndLive() throws Exception {
        Scenario s = Scenario.config(PEERED, dir);
        Scenario.Run predicted = predict(s);
        assertEquals(0, predicted.exitCode(), predicted.out() + predicted.err());
        assertTrue(predicted.out().contains("predicted from the plan"), predicted.out());
        assertTrue(predicted.out().contains("reachable both ways"), predicted.out());
        Scenario.Run live = live(s);
        assertEquals(0, live.exitCode(), live.out() + live.err());
        assertTrue(live.out().contains("reachable both ways"), live.out());
        assertTrue(live.out().contains("bandwidth: 2000 Mbit/s"), live.out());
    }

    @Test
    void missingRouteForwardIsNotReachableNamingTheRouteToAdd() throws Exception {
        Scenario s = Scenario.config(without(PEERED, "alicloud_route_entry", "qingdao_to_beijing"), dir);
        blocked(predict(s), "(forward)", "no route", "192.168.");
        blocked(live(s), "(forward)", "no route");
    }

    @Test
    void missingRouteBackIsNotReachableNamingTheRouteToAdd() throws Exception {
        Scenario s = Scenario.config(without(PEERED, "alicloud_route_entry", "beijing_to_qingdao"), dir);
        blocked(predict(s), "(reverse)", "no route", "172.16.");
        blocked(live(s), "(reverse)", "no route");
    }

    @Test
    void moreSpecificRouteElsewhereTakesTheTrafficAndIsNamed() throws Exception {
        String config = PEERED + """

                resource "alicloud_route_entry" "detour" {
                  provider              = alicloud.qingdao
                  route_table_id        = alicloud_vpc.qingdao.route_table_id
                  destination_cidrblock = "192.168.1.0/24"
                  nexthop_type          = "Instance"
                  nexthop_id            = alicloud_instance.qingdao.id
                }
                """;
        Scenario s = Scenario.config(config, dir);
        blocked(live(s), "(forward)", "192.168.1.0/24");
    }

    @Test
    void suspendedEndIsNotReachableNamingTheInterface() throws Exception {
        Scenario s = Scenario.config(PEERED, dir);
        assertEquals(0, live(s).exitCode());
        String initiator = s.run("state", "show", "alicloud_router_interface.initiator").out().lines()
                .filter(l -> l.trim().startsWith("id ")).findFirst().orElseThrow().replaceAll(".*\"(.*)\".*", "$1");
        Scenario.Run suspend = s.run("emulator", "suspend", initiator);
        assertEquals(0, suspend.exitCode(), suspend.out() + suspend.err());
        Thread.sleep(200);
        blocked(s.run("reach", FROM, TO), initiator);
    }

    @Test
    void groupAuthorizationAcrossRegionsIsRefusedAtPlanNamingTheCidrRuleToWrite() throws Exception {
        String config = PEERED.replace("""
                  cidr_ip           = alicloud_vpc.qingdao.cidr_block
                """, """
                  source_security_group_id = alicloud_security_group.qingdao.id
                """);
        Scenario s = Scenario.config(config, dir);
        Scenario.Run plan = s.run("plan", "-out=tfplan");
        assertEquals(1, plan.exitCode(), plan.out());
        assertTrue(plan.err().contains("cidr_ip = \"172.16.0.0/12\""), plan.err());
    }

    @Test
    void higherPriorityDropRuleStopsTheTrafficAndIsNamed() throws Exception {
        String config = PEERED + """

                resource "alicloud_security_group_rule" "beijing_drop" {
                  provider          = alicloud.beijing
                  type              = "ingress"
                  ip_protocol       = "all"
                  port_range        = "-1/-1"
                  cidr_ip           = "172.16.0.0/12"
                  policy            = "drop"
                  priority          = 1
                  security_group_id = alicloud_security_group.beijing.id
                }
                """;
        config = config.replace("""
                  cidr_ip           = alicloud_vpc.qingdao.cidr_block
                """, """
                  cidr_ip           = alicloud_vpc.qingdao.cidr_block
                  priority          = 5
                """);
        Scenario s = Scenario.config(config, dir);
        blocked(predict(s), "(ingress)", "drop");
        blocked(live(s), "(ingress)", "drop");
    }

    @Test
    void egressDeniedBySourceGroupIsNotReachable() throws Exception {
        String config = PEERED + """

                resource "alicloud_security_group_rule" "qingdao_no_egress" {
                  provider          = alicloud.qingdao
                  type              = "egress"
                  ip_protocol       = "all"
                  port_range        = "-1/-1"
                  cidr_ip           = "0.0.0.0/0"
                  policy            = "drop"
                  priority          = 1
                  security_group_id = alicloud_security_group.qingdao.id
                }
                """;
        Scenario s = Scenario.config(config, dir);
        blocked(predict(s), "(egress)");
        blocked(live(s), "(egress)");
    }

    @Test
    void missingIngressRuleNamesTheRuleToWrite() throws Exception {
        Scenario s = Scenario.config(without(PEERED, "alicloud_security_group_rule", "beijing_from_qingdao"), dir);
        blocked(predict(s), "(ingress)", "172.16.0.0/12");
    }

    @Test
    void jsonVerdictCarriesTheFirstBlockAndWhetherItIsPredicted() throws Exception {
        Scenario s = Scenario.config(without(PEERED, "alicloud_route_entry", "beijing_to_qingdao"), dir);
        assertEquals(0, s.run("plan", "-out=tfplan").exitCode());
        Scenario.Run reach = s.run("reach", FROM, TO, "-plan", "tfplan", "-json");
        assertEquals(3, reach.exitCode(), reach.out() + reach.err());
        JsonNode v = new ObjectMapper().readTree(reach.out());
        assertFalse(v.get("reachable").asBoolean());
        assertTrue(v.get("predicted").asBoolean());
        assertEquals("reverse", v.get("first_block").get("leg").asText());
    }

    @Test
    void unknownAddressIsAnErrorWithASuggestionNotAStackTrace() throws Exception {
        Scenario s = Scenario.config(PEERED, dir);
        assertEquals(0, s.run("plan", "-out=tfplan").exitCode());
        Scenario.Run reach = s.run("reach", "alicloud_instance.qingdoa", TO, "-plan", "tfplan");
        assertEquals(1, reach.exitCode(), reach.out());
        assertTrue(reach.err().contains("alicloud_instance.qingdao"), reach.err());
        assertFalse(reach.err().contains("Exception"), reach.err());
        Scenario.Run port = s.run("reach", FROM, TO, "-plan", "tfplan", "-protocol", "icmp", "-port", "22");
        assertEquals(1, port.exitCode(), port.out());
        assertTrue(port.err().contains("port"), port.err());
    }
}
