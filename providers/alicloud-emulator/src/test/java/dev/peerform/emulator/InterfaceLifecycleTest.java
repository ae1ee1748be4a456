package dev.peerform.emulator;

import static dev.peerform.emulator.CloudFixture.A;
import static dev.peerform.emulator.CloudFixture.B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The status machine of domain.md, "Statuses", step by step on a manual clock. */
class InterfaceLifecycleTest {

    private final CloudFixture f = new CloudFixture();

    @Test
    void createdInterfaceIsIdle() {
        CloudFixture.Pair p = f.pair(A, "cn-qingdao", "10.0.0.0/16", A, "cn-beijing", "10.1.0.0/16");
        assertEquals("Idle", f.status(A, "cn-qingdao", p.init()));
        assertEquals("Idle", f.status(A, "cn-beijing", p.acc()));
    }

    @Test
    void connectPassesThroughConnectingAndAcceptingConnectingToActiveOnBothEnds() {
        CloudFixture.Pair p = f.pair(A, "cn-qingdao", "10.0.0.0/16", A, "cn-beijing", "10.1.0.0/16");
        f.ok(A, "ConnectRouterInterface", "RouterInterfaceId", p.init());
        assertEquals("Connecting", f.status(A, "cn-qingdao", p.init()));
        assertEquals("AcceptingConnecting", f.status(A, "cn-beijing", p.acc()));
        f.waitTransitions();
        assertEquals("Active", f.status(A, "cn-qingdao", p.init()));
        assertEquals("Active", f.status(A, "cn-beijing", p.acc()));
    }

    @Test
    void oppositeInformationMayChangeOnlyWhileIdle() {
        CloudFixture.Pair p = f.connected(A, "10.0.0.0/16", A, "10.1.0.0/16");
        f.refused("IncorrectStatus.RouterInterface", A, "ModifyRouterInterfaceAttribute", "RouterInterfaceId",
                p.init(), "OppositeInterfaceId", "ri-other");
        f.ok(A, "ModifyRouterInterfaceAttribute", "RouterInterfaceId", p.init(), "Name", "renamed");
    }

    @Test
    void onlyTheInitiatorCanConnect() {
        CloudFixture.Pair p = f.pair(A, "cn-qingdao", "10.0.0.0/16", A, "cn-beijing", "10.1.0.0/16");
        f.refused("IncorrectRole.NotInitiatingSide", A, "ConnectRouterInterface", "RouterInterfaceId", p.acc());
    }

    @Test
    void connectRequiresAnIdleInitiator() {
        CloudFixture.Pair p = f.connected(A, "10.0.0.0/16", A, "10.1.0.0/16");
        f.refused("IncorrectRIStatus", A, "ConnectRouterInterface", "RouterInterfaceId", p.init());
    }

    @Test
    void connectRequiresOppositeInformationOnTheInitiator() {
        CloudFixture.Vpc a = f.vpc(A, "cn-qingdao", "10.0.0.0/16");
        String init = f.initiator(A, "cn-qingdao", "VRouter", a.router(), "Large.2", "cn-beijing");
        f.refused("IncorrectOppositeInterfaceInfo.NotSet", A, "ConnectRouterInterface", "RouterInterfaceId", init);
    }

    @Test
    void connectRequiresOppositeInformationOnTheAcceptor() {
        CloudFixture.Vpc a = f.vpc(A, "cn-qingdao", "10.0.0.0/16");
        CloudFixture.Vpc b = f.vpc(A, "cn-beijing", "10.1.0.0/16");
        String init = f.initiator(A, "cn-qingdao", "VRouter", a.router(), "Large.2", "cn-beijing");
        String acc = f.acceptor(A, "cn-beijing", b.router(), "cn-qingdao");
        f.opposite(A, init, acc, b.router(), "VRouter", A);
        f.refused("IncorrectOppositeInterfaceInfo.NotSet", A, "ConnectRouterInterface", "RouterInterfaceId", init);
        assertEquals("Idle", f.status(A, "cn-qingdao", init), "a refused connect changes nothing");
    }

    @Test
    void connectRefusesOppositeInformationThatDoesNotMatch() {
        CloudFixture.Vpc a = f.vpc(A, "cn-qingdao", "10.0.0.0/16");
        CloudFixture.Vpc b = f.vpc(A, "cn-beijing", "10.1.0.0/16");
        String init = f.initiator(A, "cn-qingdao", "VRouter", a.router(), "Large.2", "cn-beijing");
        String acc = f.acceptor(A, "cn-beijing", b.router(), "cn-qingdao");
        f.opposite(A, acc, init, b.router(), "VRouter", A); // acceptor names its own router: wrong
        f.opposite(A, init, acc, b.router(), "VRouter", A);
        f.refused("AttrMismatching.AcceptingSideOppositeRouterId", A, "ConnectRouterInterface",
                "RouterInterfaceId", init);
    }

    @Test
    void deactivatePassesThroughDeactivatingToInactiveAndOnlyFromActive() {
        CloudFixture.Pair p = f.pair(A, "cn-qingdao", "10.0.0.0/16", A, "cn-beijing", "10.1.0.0/16");
        f.refused("IncorrectStatus.RouterInterface", A, "DeactivateRouterInterface", "RouterInterfaceId", p.init());
        f.ok(A, "ConnectRouterInterface", "RouterInterfaceId", p.init());
        f.waitTransitions();
        f.ok(A, "DeactivateRouterInterface", "RouterInterfaceId", p.init());
        assertEquals("Deactivating", f.status(A, "cn-qingdao", p.init()));
        f.waitTransitions();
        assertEquals("Inactive", f.status(A, "cn-qingdao", p.init()));
    }

    @Test
    void activateResumesAnInactiveInterfaceThroughActivating() {
        CloudFixture.Pair p = f.connected(A, "10.0.0.0/16", A, "10.1.0.0/16");
        f.refused("IncorrectStatus.RouterInterface", A, "ActivateRouterInterface", "RouterInterfaceId", p.init());
        f.ok(A, "DeactivateRouterInterface", "RouterInterfaceId", p.init());
        f.waitTransitions();
        f.ok(A, "ActivateRouterInterface", "RouterInterfaceId", p.init());
        assertEquals("Activating", f.status(A, "cn-qingdao", p.init()));
        f.waitTransitions();
        assertEquals("Active", f.status(A, "cn-qingdao", p.init()));
    }

    @Test
    void activateIsRefusedWhenTheOppositeWasDeleted() {
        CloudFixture.Pair p = f.connected(A, "10.0.0.0/16", A, "10.1.0.0/16");
        f.ok(A, "DeactivateRouterInterface", "RouterInterfaceId", p.init());
        f.ok(A, "DeactivateRouterInterface", "RouterInterfaceId", p.acc());
        f.waitTransitions();
        f.ok(A, "DeleteRouterInterface", "RouterInterfaceId", p.acc());
        f.waitTransitions();
        f.refused("IncorrectOppositeInterface.Deleted", A, "ActivateRouterInterface", "RouterInterfaceId", p.init());
    }

    @Test
    void specChangeOnActiveInitiatorPassesThroughModifyingAndLands() {
        CloudFixture.Pair p = f.connected(A, "10.0.0.0/16", A, "10.1.0.0/16");
        f.ok(A, "ModifyRouterInterfaceSpec", "RouterInterfaceId", p.init(), "Spec", "Middle.2");
        assertEquals("Modifying", f.status(A, "cn-qingdao", p.init()));
        f.waitTransitions();
        assertEquals("Active", f.status(A, "cn-qingdao", p.init()));
        assertEquals("Middle.2", f.describe(A, "cn-qingdao", p.init()).get("Spec").asText());
    }

    @Test
    void specChangeIsRefusedOnTheAcceptorAndForUnknownSpecs() {
        CloudFixture.Pair p = f.connected(A, "10.0.0.0/16", A, "10.1.0.0/16");
        f.refused("IncorrectRole.NotInitiatingSide", A, "ModifyRouterInterfaceSpec", "RouterInterfaceId", p.acc(),
                "Spec", "Large.1");
        f.refused("InvalidSpec.Malformed", A, "ModifyRouterInterfaceSpec", "RouterInterfaceId", p.init(), "Spec",
                "Large.3");
    }

    @Test
    void deleteIsRefusedWhileActive() {
        CloudFixture.Pair p = f.connected(A, "10.0.0.0/16", A, "10.1.0.0/16");
        f.refused("IncorrectStatus", A, "DeleteRouterInterface", "RouterInterfaceId", p.init());
    }

    @Test
    void deleteIsRefusedWhileRouteEntryUsesInterface() {
        CloudFixture.Pair p = f.connected(A, "10.0.0.0/16", A, "10.1.0.0/16");
        f.ok(A, "CreateRouteEntry", "RouteTableId", p.initVpc().table(), "DestinationCidrBlock", "10.1.0.0/16",
                "NextHopType", "RouterInterface", "NextHopId", p.init());
        f.waitTransitions();
        f.ok(A, "DeactivateRouterInterface", "RouterInterfaceId", p.init());
        f.waitTransitions();
        f.refused("DependencyViolation.RouterInterfaceReferedByRouteEntry", A, "DeleteRouterInterface", "RouterInterfaceId", p.init());
    }

    @Test
    void deleteOfIdleInterfacePassesThroughDeletingToGone() {
        CloudFixture.Pair p = f.pair(A, "cn-qingdao", "10.0.0.0/16", A, "cn-beijing", "10.1.0.0/16");
        f.ok(A, "DeleteRouterInterface", "RouterInterfaceId", p.init());
        assertEquals("Deleting", f.status(A, "cn-qingdao", p.init()));
        f.waitTransitions();
        assertNull(f.describe(A, "cn-qingdao", p.init()));
    }

    @Test
    void crossAccountConnectChecksBothEnds() {
        CloudFixture.Pair p = f.pair(A, "cn-qingdao", "10.0.0.0/16", B, "cn-beijing", "10.1.0.0/16");
        f.ok(A, "ConnectRouterInterface", "RouterInterfaceId", p.init());
        f.waitTransitions();
        assertEquals("Active", f.status(B, "cn-beijing", p.acc()));
    }

    @Test
    void crossAccountConnectRefusesAnAcceptorThatNamesAnotherOwner() {
        CloudFixture.Vpc a = f.vpc(A, "cn-qingdao", "10.0.0.0/16");
        CloudFixture.Vpc b = f.vpc(B, "cn-beijing", "10.1.0.0/16");
        String init = f.initiator(A, "cn-qingdao", "VRouter", a.router(), "Large.2", "cn-beijing");
        String acc = f.acceptor(B, "cn-beijing", b.router(), "cn-qingdao");
        f.opposite(B, acc, init, a.router(), "VRouter", B); // names itself as the peer's owner
        f.opposite(A, init, acc, b.router(), "VRouter", B);
        f.refused("AttrMismatching.AcceptingSideOppositeOwnerId", A, "ConnectRouterInterface", "RouterInterfaceId",
                init);
    }
}
