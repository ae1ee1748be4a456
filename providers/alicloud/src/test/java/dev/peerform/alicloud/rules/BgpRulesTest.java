package dev.peerform.alicloud.rules;

import dev.peerform.addrs.InstanceAddress;
import static dev.peerform.alicloud.rules.Plans.emptyCloud;
import static dev.peerform.alicloud.rules.Plans.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.alicloud.resources.BgpGroupResource;
import dev.peerform.alicloud.resources.BgpNetworkResource;
import dev.peerform.alicloud.resources.BgpPeerResource;
import dev.peerform.alicloud.resources.BgpStep;
import dev.peerform.alicloud.resources.ObjectStep;
import dev.peerform.alicloud.resources.RouteEntryResource;
import dev.peerform.alicloud.resources.VbrResource;
import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.ChangeView;
import dev.peerform.spi.Phase;
import dev.peerform.spi.StepEdge;
import dev.peerform.spi.StepKind;
import dev.peerform.spi.StepSpec;
import dev.peerform.spi.StepView;
import dev.peerform.value.ObjectValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** BGP on a VBR: the order the cloud needs, and the guide's advice that advertised and routed ranges match. */
class BgpRulesTest {

    private static final String VBR = VbrResource.TYPE + ".idc";

    private static StepView step(String type, String name, StepKind kind, Phase phase, ObjectValue values,
            Map<String, List<String>> refs) {
        boolean destroy = phase == Phase.DESTROY;
        return new StepView(InstanceAddress.parse(type + "." + name), type, destroy ? ChangeAction.DELETE : ChangeAction.CREATE,
                StepSpec.of(kind, phase, kind.id()), destroy ? values : null, destroy ? null : values, refs);
    }

    private static boolean edge(List<StepEdge> edges, StepView first, StepView then) {
        return edges.stream().anyMatch(e -> e.before() == first && e.after() == then);
    }

    @Test
    void groupAndNetworkAreCreatedAfterTheVbrAndPeerAfterItsGroup() {
        StepView vbr = step(VbrResource.TYPE, "idc", ObjectStep.CREATE, Phase.CREATE, values("id", null), Map.of());
        StepView group = step(BgpGroupResource.TYPE, "g", BgpStep.CREATE, Phase.CREATE, values("router_id", null),
                Map.of("router_id", List.of(VBR)));
        StepView peer = step(BgpPeerResource.TYPE, "p", BgpStep.CREATE, Phase.CREATE, values("bgp_group_id", null),
                Map.of("bgp_group_id", List.of(BgpGroupResource.TYPE + ".g")));
        StepView network = step(BgpNetworkResource.TYPE, "n", BgpStep.CREATE, Phase.CREATE,
                values("router_id", null), Map.of("router_id", List.of(VBR)));
        List<StepEdge> edges = Ordering.edges(List.of(peer, network, group, vbr));
        assertTrue(edge(edges, vbr, group), edges.toString());
        assertTrue(edge(edges, vbr, network), edges.toString());
        assertTrue(edge(edges, group, peer), edges.toString());
        assertEquals(3, edges.size(), edges.toString());
    }

    @Test
    void groupOnAVbrNamedByLiteralIdWaitsForThatVbrsChange() {
        StepView rename = step(VbrResource.TYPE, "idc", ObjectStep.RENAME, Phase.UPDATE, values("id", "vbr-1"),
                Map.of());
        StepView group = step(BgpGroupResource.TYPE, "g", BgpStep.CREATE, Phase.CREATE, values("router_id", "vbr-1"),
                Map.of());
        assertTrue(edge(Ordering.edges(List.of(group, rename)), rename, group));
    }

    @Test
    void deletesRunInReversePeerThenGroupThenVbrAndNetworkBeforeVbr() {
        StepView vbr = step(VbrResource.TYPE, "idc", ObjectStep.DELETE, Phase.DESTROY, values("id", "vbr-1"),
                Map.of());
        StepView group = step(BgpGroupResource.TYPE, "g", BgpStep.DELETE, Phase.DESTROY,
                values("id", "bgpg-1", "router_id", "vbr-1"), Map.of());
        StepView peer = step(BgpPeerResource.TYPE, "p", BgpStep.DELETE, Phase.DESTROY,
                values("id", "bgp-1", "bgp_group_id", "bgpg-1"), Map.of());
        StepView network = step(BgpNetworkResource.TYPE, "n", BgpStep.DELETE, Phase.DESTROY,
                values("id", "vbr-1:10.30.0.0/16", "router_id", "vbr-1"), Map.of());
        List<StepEdge> edges = Ordering.edges(List.of(vbr, group, peer, network));
        assertTrue(edge(edges, peer, group), edges.toString());
        assertTrue(edge(edges, group, vbr), edges.toString());
        assertTrue(edge(edges, network, vbr), edges.toString());
        assertEquals(3, edges.size(), edges.toString());
    }

    private static ChangeView vbr() {
        ObjectValue v = values("id", "vbr-1", "route_table_id", "vtb-vbr1");
        return new ChangeView(InstanceAddress.parse(VBR), VbrResource.TYPE, ChangeAction.NO_OP, v, v, Map.of(), "alicloud");
    }

    private static ChangeView network(String name, String cidr) {
        return new ChangeView(InstanceAddress.parse(BgpNetworkResource.TYPE + "." + name), BgpNetworkResource.TYPE, ChangeAction.CREATE,
                null, values("router_id", "vbr-1", "dst_cidr_block", cidr), Map.of("router_id", List.of(VBR)),
                "alicloud");
    }

    private static ChangeView route(String name, String table, String cidr) {
        return new ChangeView(InstanceAddress.parse(RouteEntryResource.TYPE + "." + name), RouteEntryResource.TYPE, ChangeAction.CREATE,
                null, values("route_table_id", table, "destination_cidrblock", cidr, "nexthop_type",
                        "RouterInterface", "nexthop_id", "ri-1"), Map.of("route_table_id", List.of(VBR)), "alicloud");
    }

    private static List<Diagnostic> warnings(List<ChangeView> plan) {
        Diagnostics d = new Diagnostics();
        PlanChecks.check(plan, emptyCloud(), 5, 10, d);
        return d.list().stream().filter(x -> !x.isError()
                && x.summary().equals("Advertised range differs from the static route")).toList();
    }

    @Test
    void advertisedRangeThatIsPartOfAStaticRouteOnTheSameVbrIsWarnedAbout() {
        List<Diagnostic> w = warnings(List.of(vbr(), network("vpc", "10.30.0.0/24"),
                route("to_vpc", "vtb-vbr1", "10.30.0.0/16")));
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).detail().contains("10.30.0.0/16"), w.get(0).detail());
    }

    @Test
    void advertisedRangeThatIsTheStaticRoutesBlockIsNotWarnedAbout() {
        assertEquals(List.of(), warnings(List.of(vbr(), network("vpc", "10.30.0.0/16"),
                route("to_vpc", "vtb-vbr1", "10.30.0.0/16"))));
    }

    @Test
    void staticRouteInAnotherTableIsNotComparedWithTheVbrsAdvertisedRanges() {
        ChangeView other = new ChangeView(InstanceAddress.parse(RouteEntryResource.TYPE + ".elsewhere"), RouteEntryResource.TYPE,
                ChangeAction.CREATE, null, values("route_table_id", "vtb-other", "destination_cidrblock",
                        "10.30.0.0/16", "nexthop_type", "RouterInterface", "nexthop_id", "ri-2"), Map.of(),
                "alicloud");
        assertEquals(List.of(), warnings(List.of(vbr(), network("vpc", "10.30.0.0/24"), other)));
    }
}
