package dev.peerform.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.emulator.cloud.Model.CallRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code depends_on} between resources keeps Terraform's meaning (the dependent starts after the dependency is
 * done; reversed for destroys) as far as the cloud's own order allows, and never closes a cycle: the official
 * documentation's connection pattern, with {@code depends_on} from the initiator's connection to the acceptor's and
 * from the routes to both connections, runs end to end, and the cloud sees the very calls it sees without them.
 */
class DependsOnOrderTest {

    @TempDir
    Path dir;

    /** The documented pattern (r/router_interface_connection, and routes next to it), same account. */
    static final String DOCUMENTED = """
            provider "alicloud" {
              region = "cn-beijing"
            }

            resource "alicloud_vpc" "left" {
              vpc_name   = "left"
              cidr_block = "10.41.0.0/16"
            }

            resource "alicloud_vpc" "right" {
              vpc_name   = "right"
              cidr_block = "10.42.0.0/16"
            }

            resource "alicloud_router_interface" "left" {
              opposite_region = "cn-beijing"
              router_type     = "VRouter"
              router_id       = alicloud_vpc.left.router_id
              role            = "InitiatingSide"
              specification   = "Large.2"
              name            = "left-to-right"
            }

            resource "alicloud_router_interface" "right" {
              opposite_region = "cn-beijing"
              router_type     = "VRouter"
              router_id       = alicloud_vpc.right.router_id
              role            = "AcceptingSide"
              name            = "right-from-left"
            }

            resource "alicloud_router_interface_connection" "right" {
              interface_id          = alicloud_router_interface.right.id
              opposite_interface_id = alicloud_router_interface.left.id
            }

            resource "alicloud_router_interface_connection" "left" {
              interface_id          = alicloud_router_interface.left.id
              opposite_interface_id = alicloud_router_interface.right.id
              depends_on            = [alicloud_router_interface_connection.right]
            }

            resource "alicloud_route_entry" "left_to_right" {
              route_table_id        = alicloud_vpc.left.route_table_id
              destination_cidrblock = alicloud_vpc.right.cidr_block
              nexthop_type          = "RouterInterface"
              nexthop_id            = alicloud_router_interface.left.id
              depends_on            = [alicloud_router_interface_connection.left, alicloud_router_interface_connection.right]
            }

            resource "alicloud_route_entry" "right_to_left" {
              route_table_id        = alicloud_vpc.right.route_table_id
              destination_cidrblock = alicloud_vpc.left.cidr_block
              nexthop_type          = "RouterInterface"
              nexthop_id            = alicloud_router_interface.right.id
              depends_on            = [alicloud_router_interface_connection.left, alicloud_router_interface_connection.right]
            }
            """;

    static Scenario keyed(Scenario s) {
        s.env.put("ALICLOUD_ACCESS_KEY", "LTAIpeerformDemo12345678");
        s.env.put("ALICLOUD_SECRET_KEY", "demo-secret-12345678");
        return s;
    }

    private static void ok(Scenario.Run r) {
        assertEquals(0, r.exitCode(), r.out() + r.err());
    }

    @Test
    void dependsOnAgainstAProviderRuleNeverClosesACycle() throws Exception {
        Scenario s = keyed(Scenario.config(DOCUMENTED, dir));
        ok(s.run("validate"));
        Scenario.Run plan = s.run("plan");
        ok(plan);
        assertFalse(plan.out().contains("Cycle"), plan.out());
        ok(s.run("apply", "-auto-approve"));
        Scenario.Run clean = s.run("plan", "-detailed-exitcode");
        assertEquals(0, clean.exitCode(), clean.out() + clean.err());
        ok(s.run("destroy", "-auto-approve"));
        assertEquals("", s.run("state", "list").out());
    }

    @Test
    void dependsOnStillOrdersTheDependentAfterTheDependencysOwnSteps() throws Exception {
        Scenario s = keyed(Scenario.config(DOCUMENTED, dir));
        Scenario.Run plan = s.run("plan");
        ok(plan);
        // the initiator's connection starts once the acceptor's has set its opposite information
        assertTrue(plan.out().contains("depends on alicloud_router_interface_connection.right"), plan.out());
    }

    @Test
    void dependsOnLeavesTheCloudsCallsAndTheirOrderUnchanged() throws Exception {
        Path with = Files.createDirectory(dir.resolve("with"));
        Path without = Files.createDirectory(dir.resolve("without"));
        Scenario a = keyed(Scenario.config(DOCUMENTED, with));
        Scenario b = keyed(Scenario.config(DOCUMENTED.lines().filter(l -> !l.contains("depends_on"))
                .reduce("", (x, y) -> x + y + "\n"), without));
        for (Scenario s : List.of(a, b)) {
            ok(s.run("apply", "-auto-approve", "-parallelism=1"));
            ok(s.run("destroy", "-auto-approve", "-parallelism=1"));
        }
        assertEquals(sameActionRunsSorted(calls(b)), sameActionRunsSorted(calls(a)));
    }

    /**
     * The calls with each run of one action (two DeleteVpc in a row) in a fixed order: a step waiting on the cloud
     * gives its -parallelism slot away, so two independent objects' same calls may swap with the clock; the order
     * between different actions, and the number of each, still have to match.
     */
    private static List<String> sameActionRunsSorted(List<String> calls) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= calls.size(); i++) {
            if (i == calls.size() || !action(calls.get(i)).equals(action(calls.get(start)))) {
                calls.subList(start, i).stream().sorted().forEach(out::add);
                start = i;
            }
        }
        return out;
    }

    private static String action(String call) {
        return call.substring(0, call.indexOf(' '));
    }

    /**
     * Each call that changes the cloud, as action, result and ids, the ids numbered by first appearance (the emulator
     * makes new ones per world). Reads are left out: how often a wait polls depends on the clock.
     */
    private static List<String> calls(Scenario s) {
        Map<String, String> names = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (CallRecord c : s.changes()) {
            StringBuilder b = new StringBuilder(c.action).append(' ').append(c.result);
            for (String id : c.ids) {
                b.append(' ').append(names.computeIfAbsent(id, k -> "#" + names.size()));
            }
            out.add(b.toString());
        }
        return out;
    }
}
