package dev.peerform.emulator.sdk;

import static dev.peerform.emulator.sdk.SdkCloud.ACC_REGION;
import static dev.peerform.emulator.sdk.SdkCloud.INIT_REGION;
import static dev.peerform.emulator.sdk.SdkCloud.connect;
import static dev.peerform.emulator.sdk.SdkCloud.deleteRoute;
import static dev.peerform.emulator.sdk.SdkCloud.in;
import static dev.peerform.emulator.sdk.SdkCloud.oppositeInfo;
import static dev.peerform.emulator.sdk.SdkCloud.routes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.vpc.model.v20160428.ActivateRouterInterfaceRequest;
import com.aliyuncs.vpc.model.v20160428.DeactivateRouterInterfaceRequest;
import com.aliyuncs.vpc.model.v20160428.DeleteRouterInterfaceRequest;
import com.aliyuncs.vpc.model.v20160428.DescribeRouteEntryListResponse.RouteEntry;
import com.aliyuncs.vpc.model.v20160428.DescribeRouterInterfacesResponse.RouterInterfaceType;
import com.aliyuncs.vpc.model.v20160428.ModifyRouterInterfaceSpecRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The documentation's cross-account peering, from create to delete, in the order of work of shared/domain.md, driven
 * by Alibaba Cloud's official Java SDK against the emulator's HTTP server.
 */
class CrossAccountPeeringSdkTest {

    private final SdkCloud cloud = new SdkCloud();

    @AfterEach
    void stop() {
        cloud.close();
    }

    static DeactivateRouterInterfaceRequest deactivate(String region, String ri) {
        DeactivateRouterInterfaceRequest r = in(region, new DeactivateRouterInterfaceRequest());
        r.setRouterInterfaceId(ri);
        return r;
    }

    static DeleteRouterInterfaceRequest deleteInterface(String region, String ri) {
        DeleteRouterInterfaceRequest r = in(region, new DeleteRouterInterfaceRequest());
        r.setRouterInterfaceId(ri);
        return r;
    }

    @Test
    void bandwidthChangesInPlaceOnTheInitiatorAndTheAcceptorFollows() {
        SdkCloud.Peering p = cloud.connected();
        ModifyRouterInterfaceSpecRequest r = in(INIT_REGION, new ModifyRouterInterfaceSpecRequest());
        r.setRouterInterfaceId(p.init());
        r.setSpec("Middle.5");
        assertEquals("Middle.5", cloud.a.ok(r).getSpec());
        assertEquals(List.of("Modifying", "Active"), cloud.pollUntil(cloud.a, INIT_REGION, p.init(), "Active"));
        assertEquals("Middle.5", cloud.describe(cloud.a, INIT_REGION, p.init()).getSpec());
        assertEquals("Negative", cloud.describe(cloud.b, ACC_REGION, p.acc()).getSpec());
    }

    @Test
    void suspendedConnectionResumesWithActivateRouterInterface() {
        SdkCloud.Peering p = cloud.connected();
        cloud.a.ok(deactivate(INIT_REGION, p.init()));
        cloud.pollUntil(cloud.a, INIT_REGION, p.init(), "Inactive");
        ActivateRouterInterfaceRequest r = in(INIT_REGION, new ActivateRouterInterfaceRequest());
        r.setRouterInterfaceId(p.init());
        cloud.a.ok(r);
        assertEquals(List.of("Activating", "Active"), cloud.pollUntil(cloud.a, INIT_REGION, p.init(), "Active"));
    }

    @Test
    void crossAccountPeeringGoesFromCreateToDeleteThroughTheOfficialSdk() {
        SdkAccount a = cloud.a;
        SdkAccount b = cloud.b;
        SdkCloud.Peering p = cloud.ends();
        assertEquals("Idle", cloud.describe(a, INIT_REGION, p.init()).getStatus());
        assertEquals("Idle", cloud.describe(b, ACC_REGION, p.acc()).getStatus());

        // each end learns its peer, each under its own account
        b.ok(oppositeInfo(ACC_REGION, p.acc(), p.init(), p.initVpc().router(), a));
        a.ok(oppositeInfo(INIT_REGION, p.init(), p.acc(), p.accVpc().router(), b));
        RouterInterfaceType init = cloud.describe(a, INIT_REGION, p.init());
        assertEquals("InitiatingSide", init.getRole());
        assertEquals("Large.2", init.getSpec());
        assertEquals(p.initVpc().router(), init.getRouterId());
        assertEquals("VRouter", init.getRouterType());
        assertEquals(p.acc(), init.getOppositeInterfaceId());
        assertEquals(p.accVpc().router(), init.getOppositeRouterId());
        assertEquals("VRouter", init.getOppositeRouterType());
        assertEquals(b.id, init.getOppositeInterfaceOwnerId());
        assertEquals(ACC_REGION, init.getOppositeRegionId());
        RouterInterfaceType acc = cloud.describe(b, ACC_REGION, p.acc());
        assertEquals("AcceptingSide", acc.getRole());
        assertEquals("Negative", acc.getSpec());
        assertEquals(p.init(), acc.getOppositeInterfaceId());
        assertEquals(a.id, acc.getOppositeInterfaceOwnerId());

        // the initiator connects; both ends pass through their connecting statuses to Active
        a.ok(connect(INIT_REGION, p.init()));
        assertEquals("AcceptingConnecting", cloud.describe(b, ACC_REGION, p.acc()).getStatus());
        assertEquals(List.of("Connecting", "Active"), cloud.pollUntil(a, INIT_REGION, p.init(), "Active"));
        assertEquals("Active", cloud.pollUntil(b, ACC_REGION, p.acc(), "Active").get(0));

        // routes on both sides: the peer's CIDR through the side's own interface
        String initRoute = cloud.route(a, p.initVpc(), "10.1.0.0/16", p.init());
        String accRoute = cloud.route(b, p.accVpc(), "10.0.0.0/16", p.acc());
        List<RouteEntry> initRoutes = a.ok(routes(INIT_REGION, p.initVpc().table())).getRouteEntrys();
        assertEquals(1, initRoutes.size());
        RouteEntry r = initRoutes.get(0);
        assertEquals(initRoute, r.getRouteEntryId());
        assertEquals("10.1.0.0/16", r.getDestinationCidrBlock());
        assertEquals("Available", r.getStatus());
        assertEquals(p.initVpc().table(), r.getRouteTableId());
        assertEquals(p.init(), r.getNextHops().get(0).getNextHopId());
        assertEquals("RouterInterface", r.getNextHops().get(0).getNextHopType());
        assertEquals(accRoute, b.ok(routes(ACC_REGION, p.accVpc().table())).getRouteEntrys().get(0)
                .getRouteEntryId());

        // delete: routes first (and wait until they are gone), then suspend both ends, then delete both
        a.ok(deleteRoute(INIT_REGION, p.initVpc().table(), "10.1.0.0/16", p.init()));
        b.ok(deleteRoute(ACC_REGION, p.accVpc().table(), "10.0.0.0/16", p.acc()));
        assertEquals("Deleting", cloud.pollRoute(a, p.initVpc(), "10.1.0.0/16", "(gone)").get(0));
        cloud.pollRoute(b, p.accVpc(), "10.0.0.0/16", "(gone)");
        a.ok(deactivate(INIT_REGION, p.init()));
        b.ok(deactivate(ACC_REGION, p.acc()));
        assertEquals(List.of("Deactivating", "Inactive"), cloud.pollUntil(a, INIT_REGION, p.init(), "Inactive"));
        cloud.pollUntil(b, ACC_REGION, p.acc(), "Inactive");
        a.ok(deleteInterface(INIT_REGION, p.init()));
        b.ok(deleteInterface(ACC_REGION, p.acc()));
        cloud.pollUntilGone(a, INIT_REGION, p.init());
        cloud.pollUntilGone(b, ACC_REGION, p.acc());
        assertTrue(a.ok(SdkCloud.describeInterfaces(INIT_REGION, null)).getRouterInterfaceSet().isEmpty());
        assertEquals(0, b.ok(SdkCloud.describeInterfaces(ACC_REGION, null)).getTotalCount());
    }
}
