package dev.peerform.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.addrs.ResourceAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A dependency is named as the configuration names it (no module instance keys), and binds to the dependent's own
 * module instance wherever the two share one: without that, nothing in a module called with for_each or count
 * waited for anything, and a connection ran before the interfaces it names existed.
 */
class DependencyInstancesTest {

    private static ResourceAddress at(String address) {
        return InstanceAddress.parse(address).resource();
    }

    private static DependencyInstances<String> world() {
        DependencyInstances<String> d = new DependencyInstances<>();
        for (String a : List.of("module.peering[\"a\"].alicloud_router_interface.acceptor",
                "module.peering[\"b\"].alicloud_router_interface.acceptor", "alicloud_vpc.core",
                "module.net[0].alicloud_vpc.x", "module.net[1].alicloud_vpc.x")) {
            d.add(at(a), a);
        }
        return d;
    }

    @Test
    void aDependencyInsideAModuleInstanceIsThatInstancesOwnResource() {
        assertEquals(List.of("module.peering[\"a\"].alicloud_router_interface.acceptor"), world().of(
                at("module.peering[\"a\"].alicloud_router_interface_connection.acceptor"),
                "module.peering.alicloud_router_interface.acceptor"));
    }

    @Test
    void aDependencyInTheRootBindsFromEveryModuleInstance() {
        assertEquals(List.of("alicloud_vpc.core"), world().of(
                at("module.peering[\"b\"].alicloud_router_interface.initiator"), "alicloud_vpc.core"));
    }

    @Test
    void aDependencyInAnotherModuleCallBindsToEveryInstanceOfIt() {
        assertEquals(List.of("module.net[0].alicloud_vpc.x", "module.net[1].alicloud_vpc.x"), world().of(
                at("module.peering[\"a\"].alicloud_router_interface.acceptor"), "module.net.alicloud_vpc.x"));
        assertEquals(List.of("module.net[0].alicloud_vpc.x", "module.net[1].alicloud_vpc.x"), world().of(
                at("alicloud_vpc.core"), "module.net.alicloud_vpc.x"));
    }
}
