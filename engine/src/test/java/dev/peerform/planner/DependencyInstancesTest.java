package dev.peerform.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.addrs.ResourceAddress;
import org.junit.jupiter.api.Test;

class DependencyInstancesTest {

    private static ResourceAddress at(String instance) {
        return InstanceAddress.parse(instance).resource();
    }

    private static boolean waitsFor(String dependent, String dependency, String candidate) {
        return DependencyInstances.keys(at(candidate)).contains(DependencyInstances.lookup(at(dependent),
                dependency));
    }

    @Test
    void aDependencyInTheSameModuleIsThatOfTheDependentsOwnInstance() {
        assertTrue(waitsFor("module.peer[\"x\"].t.q", "module.peer.t.p", "module.peer[\"x\"].t.p"));
        assertFalse(waitsFor("module.peer[\"x\"].t.q", "module.peer.t.p", "module.peer[\"y\"].t.p"));
        assertFalse(waitsFor("module.peer[\"x\"].t.q", "module.peer.t.p", "module.peer[\"x\"].t.other"));
    }

    @Test
    void aDependencyInAModuleTheDependentDoesNotShareIsEveryInstanceOfIt() {
        assertTrue(waitsFor("t.user", "module.peer.t.p", "module.peer[\"x\"].t.p"));
        assertTrue(waitsFor("t.user", "module.peer.t.p", "module.peer[\"y\"].t.p"));
        assertTrue(waitsFor("module.a[0].t.top", "module.a.module.b.t.p", "module.a[0].module.b[\"k\"].t.p"));
        assertFalse(waitsFor("module.a[0].t.top", "module.a.module.b.t.p", "module.a[1].module.b[\"k\"].t.p"));
        assertTrue(waitsFor("module.a[0].module.c[3].t.r", "module.a.module.b.t.p", "module.a[0].module.b[1].t.p"));
    }

    @Test
    void aDependencyInACallingModuleIsThatOfTheDependentsOwnCallerInstance() {
        assertTrue(waitsFor("module.a[1].module.b[0].t.r", "module.a.t.p", "module.a[1].t.p"));
        assertFalse(waitsFor("module.a[1].module.b[0].t.r", "module.a.t.p", "module.a[0].t.p"));
        assertTrue(waitsFor("module.a[1].module.b[0].t.r", "t.root", "t.root"));
    }

    @Test
    void aResourceIsIndexedUnderItsConfigurationAddressInEachLeadingPartOfItsPath() {
        assertEquals("module.a.module.b.t.p", at("module.a[0].module.b[\"k\"].t.p").configAddress());
        assertEquals(3, DependencyInstances.keys(at("module.a[0].module.b[\"k\"].t.p")).size());
    }

    @Test
    void aDependencyWrittenWithInstanceKeysOrUnreadableStillResolvesWithoutFailing() {
        assertTrue(waitsFor("module.peer[\"x\"].t.q", "module.peer[\"y\"].t.p", "module.peer[\"x\"].t.p"));
        assertFalse(waitsFor("module.peer[\"x\"].t.q", "module.[oops", "module.peer[\"x\"].t.p"));
    }
}
