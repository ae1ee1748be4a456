package dev.peerform.alicloud.reach;

import static dev.peerform.alicloud.reach.Net.A;
import static dev.peerform.alicloud.reach.Net.B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReachInterfacesTest {

    @Test
    void suspendedInitiatorStopsTrafficAndTheFixResumesIt() {
        Block b = Net.peered().status("ri-a", InterfaceStatus.Inactive).reach(A, B, Probe.ping()).firstBlock()
                .orElseThrow();
        Cause.InterfaceNotActive cause = assertInstanceOf(Cause.InterfaceNotActive.class, b.cause());
        assertEquals("ri-a", cause.interfaceId());
        assertEquals(List.of(new Change.ResumeInterface("ri-a")), b.fix());
    }

    @Test
    void inactiveAcceptorStopsTrafficEvenThoughTheInitiatorIsActive() {
        Block b = Net.peered().status("ri-b", InterfaceStatus.Inactive).reach(A, B, Probe.ping()).firstBlock()
                .orElseThrow();
        assertEquals(Leg.FORWARD, b.leg());
        assertEquals(List.of(new Change.ResumeInterface("ri-b")), b.fix());
    }

    @Test
    void idleInterfaceIsNotConnectedAndTheFixConnectsFromTheInitiator() {
        Block b = Net.peered().status("ri-a", InterfaceStatus.Idle).status("ri-b", InterfaceStatus.Idle)
                .reach(A, B, Probe.ping()).firstBlock().orElseThrow();
        assertEquals(List.of(new Change.ConnectInterface("ri-a")), b.fix());
    }

    @Test
    void interfaceInTransitionIsWaitedFor() {
        Block b = Net.peered().status("ri-a", InterfaceStatus.Activating).reach(A, B, Probe.ping()).firstBlock()
                .orElseThrow();
        assertEquals(List.of(new Change.WaitForInterface("ri-a", InterfaceStatus.Activating)), b.fix());
    }

    @Test
    void overdueLockedInitiatorStopsForwardingAndTheFixRenews() {
        Block b = Net.peered().business("ri-a", BusinessStatus.OVERDUE_LOCKED).reach(A, B, Probe.ping())
                .firstBlock().orElseThrow();
        assertInstanceOf(Cause.InterfaceNotForwarding.class, b.cause());
        assertEquals(List.of(new Change.RenewInterface("ri-a")), b.fix());
    }

    @Test
    void releasedInitiatorCannotBeRestored() {
        Block b = Net.peered().business("ri-a", BusinessStatus.RELEASED).reach(A, B, Probe.ping()).firstBlock()
                .orElseThrow();
        assertEquals(List.of(new Change.RecreateConnection("ri-a")), b.fix());
    }

    @Test
    void businessStatusParsesTheApiSpelling() {
        assertEquals(BusinessStatus.FORWARDING, BusinessStatus.parse("Normal"));
        assertEquals(BusinessStatus.OVERDUE_LOCKED, BusinessStatus.parse("FinancialLocked"));
    }
}
