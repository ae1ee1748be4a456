package dev.peerform.emulator;

import static dev.peerform.emulator.CloudFixture.A;
import static dev.peerform.emulator.CloudFixture.B;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.emulator.cloud.Quotas;
import org.junit.jupiter.api.Test;

/** Route tables: domain.md's limits on entries, destinations and next hops, and one change at a time. */
class RoutesTest {

    private final CloudFixture f = new CloudFixture();

    private void route(CloudFixture fx, String account, String table, String dest, String nextHop) {
        fx.ok(account, "CreateRouteEntry", "RouteTableId", table, "DestinationCidrBlock", dest, "NextHopType",
                "RouterInterface", "NextHopId", nextHop);
        fx.waitTransitions();
    }

    @Test
    void routeOverAnActiveInterfaceIsListedWithTheApiWrappers() {
        CloudFixture.Pair p = f.connected(A, "10.0.0.0/16", A, "10.1.0.0/16");
        route(f, A, p.initVpc().table(), "10.1.0.0/16", p.init());
        JsonNode list = f.ok(A, "DescribeRouteEntryList", "RouteTableId", p.initVpc().table());
        JsonNode entry = list.get("RouteEntrys").get("RouteEntry").get(0);
        assertEquals("10.1.0.0/16", entry.get("DestinationCidrBlock").asText());
        assertEquals("Available", entry.get("Status").asText());
        assertEquals(p.init(), entry.get("NextHops").get("NextHop").get(0).get("NextHopId").asText());
        assertEquals(1, list.get("RouteEntrys").get("RouteEntry").size());
        assertEquals("", list.get("NextToken").asText(), "one page: no token to follow");
    }

    @Test
    void routeOverAnInterfaceThatIsNotActiveIsRefused() {
        CloudFixture.Pair p = f.pair(A, "cn-qingdao", "10.0.0.0/16", A, "cn-beijing", "10.1.0.0/16");
        f.refused("IncorrectStatus.RouterInterface", A, "CreateRouteEntry", "RouteTableId", p.initVpc().table(),
                "DestinationCidrBlock", "10.1.0.0/16", "NextHopType", "RouterInterface", "NextHopId", p.init());
    }

    @Test
    void routeTableHoldsNoTwoEntriesWithTheSameDestination() {
        CloudFixture.Pair p = f.connected(A, "10.0.0.0/16", A, "10.1.0.0/16");
        route(f, A, p.initVpc().table(), "10.1.0.0/16", p.init());
        f.refused("RouterEntryConflict.Duplicated", A, "CreateRouteEntry", "RouteTableId", p.initVpc().table(),
                "DestinationCidrBlock", "10.1.0.0/16", "NextHopType", "RouterInterface", "NextHopId", p.init());
    }

    @Test
    void routeTableHoldsAtMostItsQuotaOfCustomEntries() {
        assertEquals(200, Quotas.DEFAULTS.routeEntriesPerTable());
        CloudFixture small = new CloudFixture(new Quotas(5, 10, 5, 3));
        CloudFixture.Pair p = small.connected(A, "10.0.0.0/16", A, "10.1.0.0/16");
        for (int i = 0; i < 3; i++) {
            route(small, A, p.initVpc().table(), "10.1." + i + ".0/24", p.init());
        }
        small.refused("QuotaExceeded.RouteEntryNum", A, "CreateRouteEntry", "RouteTableId", p.initVpc().table(),
                "DestinationCidrBlock", "10.1.9.0/24", "NextHopType", "RouterInterface", "NextHopId", p.init());
    }

    @Test
    void reservedCloudServiceRangeMustBeSplitIntoItsTwoHalves() {
        String vbr = f.vbr(A, 10);
        CloudFixture.Vpc v = f.vpc(B, "cn-hangzhou", "10.0.0.0/16");
        String init = f.initiator(A, "cn-beijing", "VBR", vbr, "Large.1", "cn-hangzhou");
        String acc = f.acceptor(B, "cn-hangzhou", v.router(), "cn-beijing");
        f.opposite(B, acc, init, vbr, "VBR", A);
        f.opposite(A, init, acc, v.router(), "VRouter", B);
        f.ok(A, "ConnectRouterInterface", "RouterInterfaceId", init);
        f.waitTransitions();
        String table = f.vbrTable(A, vbr);
        f.refused("InvalidDestinationCidrBlock.Reserved", A, "CreateRouteEntry", "RouteTableId", table,
                "DestinationCidrBlock", "100.64.0.0/10", "NextHopType", "RouterInterface", "NextHopId", init);
        route(f, A, table, "100.64.0.0/11", init);
        route(f, A, table, "100.96.0.0/11", init);
    }

    @Test
    void vbrRouteNextHopMustBeAnInterfaceOnThatVbr() {
        String vbr1 = f.vbr(A, 10);
        String vbr2 = f.vbr(A, 11);
        CloudFixture.Vpc v = f.vpc(B, "cn-hangzhou", "10.0.0.0/16");
        String init = f.initiator(A, "cn-beijing", "VBR", vbr1, "Large.1", "cn-hangzhou");
        String acc = f.acceptor(B, "cn-hangzhou", v.router(), "cn-beijing");
        f.opposite(B, acc, init, vbr1, "VBR", A);
        f.opposite(A, init, acc, v.router(), "VRouter", B);
        f.ok(A, "ConnectRouterInterface", "RouterInterfaceId", init);
        f.waitTransitions();
        f.refused("InvalidNextHop.NotOnRouter", A, "CreateRouteEntry", "RouteTableId", f.vbrTable(A, vbr2),
                "DestinationCidrBlock", "10.0.0.0/16", "NextHopType", "RouterInterface", "NextHopId", init);
        route(f, A, f.vbrTable(A, vbr1), "10.0.0.0/16", init);
    }

    @Test
    void vbrRouteTowardTheIdcUsesItsPhysicalConnection() {
        String vbr = f.vbr(A, 10);
        f.ok(A, "CreateRouteEntry", "RouteTableId", f.vbrTable(A, vbr), "DestinationCidrBlock", "172.16.0.0/12",
                "NextHopType", "PhysicalConnection", "NextHopId", Seed.PHYSICAL_CONNECTION);
        CloudFixture.Vpc v = f.vpc(A, "cn-beijing", "10.0.0.0/16");
        f.refused("InvalidNextHopType.NotSupported", A, "CreateRouteEntry", "RouteTableId", v.table(),
                "DestinationCidrBlock", "172.16.0.0/12", "NextHopType", "PhysicalConnection", "NextHopId",
                Seed.PHYSICAL_CONNECTION);
    }

    @Test
    void vbrMustBeActiveForItsRoutes() {
        String vbr = f.vbr(A, 10);
        CloudFixture.Vpc v = f.vpc(B, "cn-hangzhou", "10.0.0.0/16");
        String init = f.initiator(A, "cn-beijing", "VBR", vbr, "Large.1", "cn-hangzhou");
        String acc = f.acceptor(B, "cn-hangzhou", v.router(), "cn-beijing");
        f.opposite(B, acc, init, vbr, "VBR", A);
        f.opposite(A, init, acc, v.router(), "VRouter", B);
        f.ok(A, "ConnectRouterInterface", "RouterInterfaceId", init);
        f.waitTransitions();
        f.emulator.read(w -> w.vbrs.get(vbr).status = "recovering");
        f.refused("IncorrectVbrStatus", A, "CreateRouteEntry", "RouteTableId", f.vbrTable(A, vbr),
                "DestinationCidrBlock", "10.0.0.0/16", "NextHopType", "RouterInterface", "NextHopId", init);
    }

    @Test
    void concurrentRouteChangesOnOneTableAreRefusedWithTaskConflict() {
        CloudFixture.Pair p = f.connected(A, "10.0.0.0/16", A, "10.1.0.0/16");
        f.ok(A, "CreateRouteEntry", "RouteTableId", p.initVpc().table(), "DestinationCidrBlock", "10.1.0.0/24",
                "NextHopType", "RouterInterface", "NextHopId", p.init());
        f.refused("TaskConflict", A, "CreateRouteEntry", "RouteTableId", p.initVpc().table(),
                "DestinationCidrBlock", "10.1.1.0/24", "NextHopType", "RouterInterface", "NextHopId", p.init());
        f.waitTransitions();
        route(f, A, p.initVpc().table(), "10.1.1.0/24", p.init());
    }

    @Test
    void deletedRouteStaysDeletingUntilItIsGone() {
        CloudFixture.Pair p = f.connected(A, "10.0.0.0/16", A, "10.1.0.0/16");
        route(f, A, p.initVpc().table(), "10.1.0.0/16", p.init());
        f.ok(A, "DeleteRouteEntry", "RouteTableId", p.initVpc().table(), "DestinationCidrBlock", "10.1.0.0/16",
                "NextHopId", p.init());
        JsonNode list = f.ok(A, "DescribeRouteEntryList", "RouteTableId", p.initVpc().table());
        assertEquals("Deleting", list.get("RouteEntrys").get("RouteEntry").get(0).get("Status").asText());
        f.waitTransitions();
        assertEquals(0, f.ok(A, "DescribeRouteEntryList", "RouteTableId", p.initVpc().table()).get("RouteEntrys")
                .get("RouteEntry").size());
    }
}
