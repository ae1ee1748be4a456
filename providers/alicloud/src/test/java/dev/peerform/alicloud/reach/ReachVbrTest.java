package dev.peerform.alicloud.reach;

import static dev.peerform.alicloud.reach.Net.A;
import static dev.peerform.alicloud.reach.Net.cidr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReachVbrTest {

    private static final Endpoint DC = new Endpoint.OfVbr("vbr-1", null);
    private static final Endpoint SERVICES = new Endpoint.CloudServices("vpc-a");

    /** A data centre 192.168.0.0/16 behind vbr-1 on pc-1, whose interface (Large.1) initiates to vpc-a. */
    private static Net leasedLine(boolean routeToPhysicalConnection) {
        Net net = new Net()
                .vpc("vpc-a", "cn-hangzhou", "111", "10.1.0.0/16").vswitch("vsw-a", "vpc-a", "10.1.1.0/24")
                .group("sg-a", "cn-hangzhou", "111", "vpc-a").instance("i-a", "vsw-a", "10.1.1.10", "sg-a")
                .allowIn("sg-a", Protocol.ICMP, "192.168.0.0/16")
                .vbr("vbr-1", "cn-hangzhou", "111", "pc-1", "192.168.0.0/16")
                .peer("ri-v", "vbr-1", "ri-av", "vrt-a", "Large.1")
                .route("vtb-vbr-1", "10.1.0.0/16", "RouterInterface", "ri-v")
                .route("vtb-a", "192.168.0.0/16", "RouterInterface", "ri-av");
        return routeToPhysicalConnection ? net.route("vtb-vbr-1", "192.168.0.0/16", "PhysicalConnection", "pc-1")
                : net;
    }

    @Test
    void dataCentreReachesTheInstanceAndRepliesLeaveOverThePhysicalConnection() {
        Verdict v = leasedLine(true).reach(DC, A, Probe.ping());
        assertTrue(v.reachable(), () -> v.firstBlock().toString());
        assertInstanceOf(Hop.Entered.class, v.leg(Leg.FORWARD).hops().get(0));
        assertTrue(v.leg(Leg.REVERSE).hops().stream().anyMatch(h -> h instanceof Hop.Delivered d
                && d.where().equals("pc-1")));
    }

    @Test
    void vpcToVbrSingleFlowIsLimitedToATwelfthOfTheBandwidth() {
        Bandwidth bw = leasedLine(true).reach(A, DC, Probe.ping()).bandwidth().orElseThrow();
        assertEquals(1000, bw.mbps());
        assertEquals(1000 / 12.0, bw.singleFlowMbps(), 1e-9);
    }

    @Test
    void vbrWithoutARouteToThePhysicalConnectionDoesNotDeliverToTheDataCentre() {
        Block b = leasedLine(false).reach(A, DC, Probe.ping()).firstBlock().orElseThrow();
        assertEquals(Leg.FORWARD, b.leg());
        assertEquals(List.of(new Change.AddRoute("vtb-vbr-1", cidr("192.168.0.0/16"), "PhysicalConnection",
                "pc-1")), b.fix());
    }

    @Test
    void cloudServicesFromTheDataCentreTravelOverBothHalvesOf100_64() {
        Verdict v = leasedLine(true).route("vtb-vbr-1", "100.64.0.0/11", "RouterInterface", "ri-v")
                .route("vtb-vbr-1", "100.96.0.0/11", "RouterInterface", "ri-v").reach(DC, SERVICES, Probe.ping());
        assertTrue(v.reachable(), () -> v.firstBlock().toString());
    }

    @Test
    void cloudServicesWithOneHalfRoutedBlockAndTheFixAddsTheOtherHalf() {
        Block b = leasedLine(true).route("vtb-vbr-1", "100.64.0.0/11", "RouterInterface", "ri-v")
                .reach(DC, SERVICES, Probe.ping()).firstBlock().orElseThrow();
        Cause.NoRoute cause = assertInstanceOf(Cause.NoRoute.class, b.cause());
        assertEquals(cidr("100.96.0.0/11"), cause.destination());
        assertEquals(List.of(new Change.AddRoute("vtb-vbr-1", cidr("100.96.0.0/11"), "RouterInterface", "ri-v")),
                b.fix());
    }

    @Test
    void routeToExactly100_64_10IsRefusedByTheCloudSoTheFixSplitsIt() {
        Block b = leasedLine(true).route("vtb-vbr-1", "100.64.0.0/10", "RouterInterface", "ri-v")
                .reach(DC, SERVICES, Probe.ping()).firstBlock().orElseThrow();
        assertEquals(List.of(new Change.AddRoute("vtb-vbr-1", cidr("100.64.0.0/11"), "RouterInterface", "ri-v"),
                new Change.AddRoute("vtb-vbr-1", cidr("100.96.0.0/11"), "RouterInterface", "ri-v")), b.fix());
    }

    @Test
    void vbrThatIsNotActiveStopsTraffic() {
        Block b = leasedLine(true).vbrStatus("vbr-1", VbrStatus.TERMINATED).reach(A, DC, Probe.ping())
                .firstBlock().orElseThrow();
        assertInstanceOf(Cause.VbrNotActive.class, b.cause());
        assertEquals(List.of(new Change.RecoverVbr("vbr-1")), b.fix());
    }

    @Test
    void anAddressInTheDataCentreIsPlacedBehindItsVbr() {
        Verdict v = leasedLine(true).reach(new Endpoint.OfAddress(null, cidr("192.168.7.1")), A, Probe.ping());
        assertTrue(v.reachable(), () -> v.firstBlock().toString());
        assertTrue(v.from().contains("vbr-1"));
    }

    @Test
    void unknownEndpointIsAnInputErrorNamingIt() {
        ReachInputException e = assertThrows(ReachInputException.class,
                () -> leasedLine(true).reach(new Endpoint.OfInstance("i-nope"), A, Probe.ping()));
        assertTrue(e.getMessage().contains("i-nope"));
    }
}
