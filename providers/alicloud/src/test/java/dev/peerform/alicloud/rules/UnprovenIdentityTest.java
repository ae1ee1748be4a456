package dev.peerform.alicloud.rules;

import dev.peerform.addrs.InstanceAddress;
import static dev.peerform.alicloud.rules.Plans.emptyCloud;
import static dev.peerform.alicloud.rules.Plans.values;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.alicloud.resources.ConnectionResource;
import dev.peerform.alicloud.resources.RouteEntryResource;
import dev.peerform.alicloud.resources.RouterInterfaceResource;
import dev.peerform.alicloud.resources.VpcResource;
import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.ChangeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A plan-time refusal must be proven from what is known. Where a router or table is known only after apply (an id
 * from {@code each.value}, a reference to a whole counted resource), the rule waits for apply; where it is proven,
 * the rule still refuses.
 */
class UnprovenIdentityTest {

    private static ChangeView vpc(String key) {
        return new ChangeView(InstanceAddress.parse(VpcResource.TYPE + ".v[\"" + key + "\"]"), VpcResource.TYPE, ChangeAction.CREATE, null,
                values("id", null, "router_id", null, "route_table_id", null, "cidr_block", "10." + key.length()
                        + key.charAt(0) % 200 + ".0.0/16"), Map.of(), "alicloud");
    }

    /** An interface whose router_id refers to {@code routerRefs} (none: {@code each.value.router_id}). */
    private static ChangeView iface(String key, String role, String... routerRefs) {
        return new ChangeView(InstanceAddress.parse(RouterInterfaceResource.TYPE + ".x[\"" + key + "\"]"), RouterInterfaceResource.TYPE,
                ChangeAction.CREATE, null, values("id", null, "router_id", null, "role", role, "router_type",
                "VRouter"), Map.of("router_id", List.of(routerRefs)), "alicloud");
    }

    private static ChangeView route(String name, String tableRef, String hopRef, String dest) {
        return new ChangeView(InstanceAddress.parse(RouteEntryResource.TYPE + "." + name), RouteEntryResource.TYPE, ChangeAction.CREATE,
                null, values("route_table_id", null, "nexthop_id", null, "nexthop_type", "RouterInterface",
                "destination_cidrblock", dest), Map.of("route_table_id", List.of(tableRef), "nexthop_id",
                List.of(hopRef)), "alicloud");
    }

    private static ChangeView connection(String name, String mine, String peer) {
        return new ChangeView(InstanceAddress.parse(ConnectionResource.TYPE + "." + name), ConnectionResource.TYPE, ChangeAction.CREATE,
                null, values("interface_id", null, "opposite_interface_id", null), Map.of("interface_id",
                List.of(mine), "opposite_interface_id", List.of(peer)), "alicloud");
    }

    private static Diagnostics check(List<ChangeView> all, int perRouter) {
        Diagnostics d = new Diagnostics();
        PlanChecks.check(all, emptyCloud(), perRouter, 100, d);
        return d;
    }

    private static boolean refused(Diagnostics d, String summary) {
        return d.list().stream().anyMatch(x -> x.isError() && x.summary().equals(summary));
    }

    private static final String RI = RouterInterfaceResource.TYPE + ".x";

    @Test
    void nextHopWhoseRouterComesFromEachValueWaitsForApply() {
        Diagnostics d = check(List.of(vpc("a"), vpc("b"), iface("a", "InitiatingSide"),
                route("r", VpcResource.TYPE + ".v[\"a\"]", RI + "[\"a\"]", "10.99.0.0/16")), 5);
        assertFalse(refused(d, "Next hop on another router"), d.toString());
    }

    @Test
    void nextHopProvenOnAnotherRouterIsStillRefused() {
        Diagnostics d = check(List.of(vpc("a"), vpc("b"), iface("a", "InitiatingSide", VpcResource.TYPE
                + ".v[\"b\"]"), route("r", VpcResource.TYPE + ".v[\"a\"]", RI + "[\"a\"]", "10.99.0.0/16")), 5);
        assertTrue(refused(d, "Next hop on another router"), d.toString());
    }

    @Test
    void duplicateDestinationInATableKnownOnlyAtApplyWaitsForApply() {
        // both name the whole for_each resource: they may well be two different tables
        Diagnostics d = check(List.of(vpc("a"), vpc("b"), route("r1", VpcResource.TYPE + ".v", RI, "10.99.0.0/16"),
                route("r2", VpcResource.TYPE + ".v", RI, "10.99.0.0/16")), 5);
        assertFalse(refused(d, "Duplicate route destination"), d.toString());
        Diagnostics proven = check(List.of(vpc("a"), route("r1", VpcResource.TYPE + ".v[\"a\"]", RI,
                "10.99.0.0/16"), route("r2", VpcResource.TYPE + ".v[\"a\"]", RI, "10.99.0.0/16")), 5);
        assertTrue(refused(proven, "Duplicate route destination"), proven.toString());
    }

    @Test
    void connectionsBetweenRoutersKnownOnlyAtApplyAreNotCountedAsOnePair() {
        List<ChangeView> all = new ArrayList<>(List.of(vpc("a"), vpc("b")));
        for (String k : List.of("1", "2")) {
            all.add(iface("i" + k, "InitiatingSide", VpcResource.TYPE + ".v"));
            all.add(iface("a" + k, "AcceptingSide", VpcResource.TYPE + ".v"));
            all.add(connection("i" + k, RI + "[\"i" + k + "\"]", RI + "[\"a" + k + "\"]"));
        }
        assertFalse(refused(check(all, 5), "Two connections between the same two routers"));
    }

    @Test
    void interfacesOnRoutersKnownOnlyAtApplyAreNotCountedOnOneRouter() {
        List<ChangeView> all = new ArrayList<>(List.of(vpc("a"), vpc("b")));
        for (String k : List.of("1", "2", "3")) {
            all.add(iface(k, "InitiatingSide", VpcResource.TYPE + ".v"));
        }
        assertFalse(refused(check(all, 2), "Too many interfaces on one router"));
        List<ChangeView> proven = new ArrayList<>(List.of(vpc("a")));
        for (String k : List.of("1", "2", "3")) {
            proven.add(iface(k, "InitiatingSide", VpcResource.TYPE + ".v[\"a\"]"));
        }
        assertTrue(refused(check(proven, 2), "Too many interfaces on one router"));
    }
}
