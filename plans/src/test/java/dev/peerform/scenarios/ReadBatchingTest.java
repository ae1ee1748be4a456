package dev.peerform.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How few read calls a plan makes: the interfaces' refresh serves their connections too, the plan-time checks use
 * the route tables the refresh listed, and the quota checks read the account's interfaces once, not once per router.
 */
class ReadBatchingTest {

    @TempDir
    Path dir;

    private static final int PEERINGS = 3;

    private static String vpcs() {
        StringBuilder b = new StringBuilder("""
                provider "alicloud" {
                  region     = "cn-hangzhou"
                  access_key = "LTAIpeerformDemo87654321"
                  secret_key = "demo-secret-87654321"
                }
                """);
        for (int i = 0; i < PEERINGS; i++) {
            b.append("""
                    resource "alicloud_vpc" "a%1$d" {
                      cidr_block = "10.%1$d.0.0/16"
                    }
                    resource "alicloud_vpc" "b%1$d" {
                      cidr_block = "11.%1$d.0.0/16"
                    }
                    """.formatted(i));
        }
        return b.toString();
    }

    private static String peerings() {
        StringBuilder b = new StringBuilder(vpcs());
        for (int i = 0; i < PEERINGS; i++) {
            b.append("""
                    resource "alicloud_router_interface" "init%1$d" {
                      opposite_region = "cn-hangzhou"
                      router_type     = "VRouter"
                      router_id       = alicloud_vpc.a%1$d.router_id
                      role            = "InitiatingSide"
                      specification   = "Large.2"
                    }
                    resource "alicloud_router_interface" "acc%1$d" {
                      opposite_region = "cn-hangzhou"
                      router_type     = "VRouter"
                      router_id       = alicloud_vpc.b%1$d.router_id
                      role            = "AcceptingSide"
                    }
                    resource "alicloud_router_interface_connection" "init%1$d" {
                      interface_id          = alicloud_router_interface.init%1$d.id
                      opposite_interface_id = alicloud_router_interface.acc%1$d.id
                    }
                    resource "alicloud_router_interface_connection" "acc%1$d" {
                      interface_id          = alicloud_router_interface.acc%1$d.id
                      opposite_interface_id = alicloud_router_interface.init%1$d.id
                    }
                    resource "alicloud_route_entry" "r%1$d" {
                      route_table_id        = alicloud_vpc.a%1$d.route_table_id
                      destination_cidrblock = alicloud_vpc.b%1$d.cidr_block
                      nexthop_type          = "RouterInterface"
                      nexthop_id            = alicloud_router_interface.init%1$d.id
                    }
                    """.formatted(i));
        }
        return b.toString();
    }

    private static void ok(Scenario.Run r) {
        assertEquals(0, r.exitCode(), r.out() + r.err());
    }

    /** Calls of {@code action} the emulator received after the first {@code from}. */
    private static long since(Scenario s, int from, String action) {
        return s.log().stream().skip(from).filter(c -> c.action.equals(action)).count();
    }

    @Test
    void connectionsRefreshFromTheReadOfTheirInterfacesInsteadOfAskingAgain() throws Exception {
        Scenario s = Scenario.config(peerings(), dir);
        ok(s.run("apply", "-auto-approve"));
        int from = s.log().size();
        assertEquals(0, s.run("plan", "-detailed-exitcode").exitCode(), "the plan is clean");
        // 6 interfaces and their 6 connection sides: one call of up to 50 ids for all twelve
        assertEquals(1, since(s, from, "DescribeRouterInterfaces"), s.log().subList(from, s.log().size()).toString());
        assertEquals(PEERINGS, since(s, from, "DescribeRouteEntryList"), "one listing per route table");
    }

    @Test
    void quotaChecksReadTheAccountsInterfacesOnceNotOncePerRouter() throws Exception {
        Scenario s = Scenario.config(vpcs(), dir);
        ok(s.run("apply", "-auto-approve"));
        Files.writeString(dir.resolve("main.tf"), peerings());
        int from = s.log().size();
        Scenario.Run plan = s.run("plan");
        ok(plan);
        // interfaces go onto 6 known routers: one listing of the account (it has fewer than 50) serves all 6
        assertEquals(1, since(s, from, "DescribeRouterInterfaces"), plan.out());
    }

    @Test
    void routeChecksUseTheListingsTheRefreshMadeOfTheSameTables() throws Exception {
        Scenario s = Scenario.config(peerings(), dir);
        ok(s.run("apply", "-auto-approve"));
        // one more route into a table the refresh lists anyway
        Files.writeString(dir.resolve("main.tf"), peerings() + """
                resource "alicloud_route_entry" "more" {
                  route_table_id        = alicloud_vpc.a0.route_table_id
                  destination_cidrblock = "12.0.0.0/16"
                  nexthop_type          = "RouterInterface"
                  nexthop_id            = alicloud_router_interface.init0.id
                }
                """);
        int from = s.log().size();
        Scenario.Run plan = s.run("plan");
        ok(plan);
        assertEquals(PEERINGS, since(s, from, "DescribeRouteEntryList"), "no second listing of a0's table: "
                + plan.out());
    }
}
