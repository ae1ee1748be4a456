package dev.peerform.alicloud.reach;

import static dev.peerform.alicloud.reach.Net.A;
import static dev.peerform.alicloud.reach.Net.B;
import static dev.peerform.alicloud.reach.Net.cidr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReachRoutesTest {

    @Test
    void peeredVpcsWithRoutesBothWaysAndRulesAreReachableBothWays() {
        Verdict v = Net.peered().reach(A, B, Probe.ping());
        assertTrue(v.reachable(), () -> v.firstBlock().toString());
        assertTrue(v.leg(Leg.FORWARD).hops().stream().anyMatch(h -> h instanceof Hop.Crossed c
                && c.interfaceId().equals("ri-a") && c.toRouterId().equals("vrt-b")));
        assertTrue(v.leg(Leg.REVERSE).hops().stream().anyMatch(h -> h instanceof Hop.Delivered d
                && d.where().equals("vsw-a")));
        Bandwidth bw = v.bandwidth().orElseThrow();
        assertEquals(2000, bw.mbps());
        assertEquals("ri-a", bw.initiatorId());
        assertEquals(null, bw.singleFlowMbps(), "no VBR on the path: no hash-stream limit");
    }

    @Test
    void missingForwardRouteBlocksAndTheFixIsThePeersRangeOverTheInterface() {
        Net net = Net.peered();
        Model m = net.model();
        Model without = new Model(List.of(withoutRoutes(m.vpcs().get(0)), m.vpcs().get(1)), m.vswitches(),
                m.vbrs(), m.interfaces(), m.groups(), m.instances(), m.labels());
        Verdict v = new Reach(without).analyse(A, B, Probe.ping());
        assertFalse(v.reachable());
        Block b = v.firstBlock().orElseThrow();
        assertEquals(Leg.FORWARD, b.leg());
        Cause.NoRoute cause = assertInstanceOf(Cause.NoRoute.class, b.cause());
        assertEquals("vtb-a", cause.routeTableId());
        assertEquals(List.of(new Change.AddRoute("vtb-a", cidr("10.2.0.0/16"), "RouterInterface", "ri-a")), b.fix());
        assertTrue(v.leg(Leg.REVERSE).passes(), "the other way still routes");
    }

    @Test
    void missingReverseRouteBlocksTheRepliesAndTheFixIsOnThePeersTable() {
        Model m = Net.peered().model();
        Model without = new Model(List.of(m.vpcs().get(0), withoutRoutes(m.vpcs().get(1))), m.vswitches(),
                m.vbrs(), m.interfaces(), m.groups(), m.instances(), m.labels());
        Verdict v = new Reach(without).analyse(A, B, Probe.ping());
        Block b = v.firstBlock().orElseThrow();
        assertEquals(Leg.REVERSE, b.leg());
        assertTrue(v.leg(Leg.FORWARD).passes());
        assertEquals(List.of(new Change.AddRoute("vtb-b", cidr("10.1.0.0/16"), "RouterInterface", "ri-b")), b.fix());
    }

    @Test
    void blackholeMoreSpecificThanThePeeringRouteDiscardsAndTheFixDeletesIt() {
        Verdict v = Net.peered().route("vtb-a", "10.2.1.0/24", "Blackhole", "").reach(A, B, Probe.ping());
        Block b = v.firstBlock().orElseThrow();
        Cause.Blackhole cause = assertInstanceOf(Cause.Blackhole.class, b.cause());
        assertEquals(cidr("10.2.1.0/24"), cause.route().destination());
        assertInstanceOf(Change.DeleteRoute.class, b.fix().get(0));
    }

    @Test
    void moreSpecificRouteToAnotherPeerWinsOverThePeeringRoute() {
        Verdict v = Net.peered().vpc("vpc-c", "cn-hangzhou", "111", "10.3.0.0/16")
                .vswitch("vsw-c", "vpc-c", "10.3.1.0/24").peer("ri-ac", "vrt-a", "ri-ca", "vrt-c", "Large.1")
                .route("vtb-a", "10.2.1.0/24", "RouterInterface", "ri-ac").reach(A, B, Probe.ping());
        Block b = v.firstBlock().orElseThrow();
        assertEquals(Leg.FORWARD, b.leg());
        Cause.MoreSpecificRoute cause = assertInstanceOf(Cause.MoreSpecificRoute.class, b.cause());
        assertEquals("ri-ac", cause.taken().nextHopId());
        assertEquals("ri-a", cause.intended().nextHopId());
        assertInstanceOf(Cause.NoRoute.class, cause.downstream(), "vpc-c has no route onward");
        assertEquals(List.of(new Change.DeleteRoute(cause.taken())), b.fix());
    }

    @Test
    void vswitchSystemRouteOfTheDestinationDeliversWithoutACustomRoute() {
        Verdict v = Net.peered().reach(A, B, Probe.ping());
        assertTrue(v.leg(Leg.FORWARD).hops().stream().anyMatch(h -> h instanceof Hop.Delivered d
                && d.where().equals("vsw-b")));
    }

    @Test
    void addressOfTheVpcOutsideEveryVswitchIsNotDelivered() {
        Verdict v = Net.peered().reach(A, new Endpoint.OfAddress("vpc-b", cidr("10.2.9.9")), Probe.ping());
        assertInstanceOf(Cause.NotDelivered.class, v.firstBlock().orElseThrow().cause());
    }

    @Test
    void routesThatPointAtEachOtherLoop() {
        Verdict v = Net.peered().vpc("vpc-c", "cn-hangzhou", "111", "10.3.0.0/16")
                .vswitch("vsw-c", "vpc-c", "10.3.1.0/24")
                .route("vtb-a", "10.3.0.0/16", "RouterInterface", "ri-a")
                .route("vtb-b", "10.3.0.0/16", "RouterInterface", "ri-b")
                .reach(A, new Endpoint.OfVSwitch("vsw-c"), Probe.ping());
        assertInstanceOf(Cause.Loop.class, v.firstBlock().orElseThrow().cause());
    }

    @Test
    void noInterfaceJoiningTheRoutersMeansAPeeringIsNeededFirst() {
        Verdict v = Net.peered().vpc("vpc-c", "cn-hangzhou", "111", "10.3.0.0/16")
                .vswitch("vsw-c", "vpc-c", "10.3.1.0/24").reach(A, new Endpoint.OfVSwitch("vsw-c"), Probe.ping());
        assertEquals(List.of(new Change.CreatePeering("vrt-a", "vrt-c")), v.firstBlock().orElseThrow().fix());
    }

    @Test
    void routeToAnInterfaceOfAnotherRouterIsDead() {
        Verdict v = Net.peered().route("vtb-a", "10.2.1.0/24", "RouterInterface", "ri-b").reach(A, B,
                Probe.ping());
        assertInstanceOf(Cause.DeadNextHop.class, v.firstBlock().orElseThrow().cause());
    }

    @Test
    void instancesOfOneVpcNeedNoRoute() {
        Verdict v = Net.peered().vswitch("vsw-a2", "vpc-a", "10.1.2.0/24").instance("i-a2", "vsw-a2",
                "10.1.2.10", "sg-a").reach(new Endpoint.OfInstance("i-a2"), A, Probe.ping());
        assertTrue(v.reachable(), () -> v.firstBlock().toString());
        assertTrue(v.bandwidth().isEmpty());
    }

    @Test
    void addressInANamedVpcIsTheInstanceThatHoldsItSoItsGroupsCount() {
        Verdict v = Net.peered().withoutIngressOf("sg-b").reach(A, new Endpoint.OfAddress("vpc-b",
                cidr("10.2.1.10")), Probe.ping());
        assertEquals(Leg.DESTINATION_INGRESS, v.firstBlock().orElseThrow().leg());
    }

    @Test
    void wholeVpcRangeIsRoutedPartByPartSoAMoreSpecificBlackholeStopsPartOfIt() {
        Verdict v = Net.peered().route("vtb-a", "10.2.128.0/17", "Blackhole", "")
                .reach(A, new Endpoint.OfVpc("vpc-b"), Probe.ping());
        Cause.Blackhole cause = assertInstanceOf(Cause.Blackhole.class, v.firstBlock().orElseThrow().cause());
        assertEquals(cidr("10.2.128.0/17"), cause.destination());
        assertTrue(v.leg(Leg.FORWARD).hops().stream().anyMatch(h -> h instanceof Hop.Delivered d
                && d.destination().equals(cidr("10.2.0.0/17"))), "the other half arrives");
    }

    private static Vpc withoutRoutes(Vpc v) {
        return new Vpc(v.id(), v.region(), v.account(), v.cidr(), v.routerId(), v.routeTableId(), List.of());
    }
}
