package dev.peerform.alicloud.rules;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.alicloud.resources.ConnectionResource;
import dev.peerform.alicloud.resources.RouterInterfaceResource;
import dev.peerform.alicloud.resources.VpcResource;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.ChangeView;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Planned changes as the engine hands them to the rules, written briefly. */
final class Plans {

    private Plans() {
    }

    /** A VPC that exists (in state) and stays. */
    static ChangeView existingVpc(String name, String id, String routerId, String cidr) {
        ObjectValue v = values("id", id, "router_id", routerId, "cidr_block", cidr, "route_table_id", "vtb-" + name);
        return new ChangeView(InstanceAddress.parse(VpcResource.TYPE + "." + name), VpcResource.TYPE, ChangeAction.NO_OP, v, v, Map.of(),
                "alicloud");
    }

    /**
     * A router interface to create; {@code router} is either a VPC's address (a reference, whose router id
     * {@code knownRouterId} is known from state) or, with {@code knownRouterId} null, a literal {@code vrt-...}.
     */
    static ChangeView newInterface(String name, String router, String knownRouterId, String role) {
        boolean reference = router.startsWith(VpcResource.TYPE + ".");
        ObjectValue after = values("id", null, "router_id", reference ? knownRouterId : router, "role", role,
                "router_type", "VRouter");
        return new ChangeView(InstanceAddress.parse(RouterInterfaceResource.TYPE + "." + name), RouterInterfaceResource.TYPE,
                ChangeAction.CREATE, null, after, reference ? Map.of("router_id", List.of(router)) : Map.of(),
                "alicloud");
    }

    /** A connection to create from interface {@code mine} to {@code peer} (both by reference). */
    static ChangeView newConnection(String name, String mine, String peer) {
        ObjectValue after = values("interface_id", null, "opposite_interface_id", null);
        return new ChangeView(InstanceAddress.parse(ConnectionResource.TYPE + "." + name), ConnectionResource.TYPE, ChangeAction.CREATE,
                null, after, Map.of("interface_id", List.of(RouterInterfaceResource.TYPE + "." + mine),
                        "opposite_interface_id", List.of(RouterInterfaceResource.TYPE + "." + peer)), "alicloud");
    }

    /** Values by name; a null value is unknown (known after apply). */
    static ObjectValue values(String... kv) {
        Map<String, Value> m = new TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1] == null ? Value.unknown(Type.STRING) : Value.of(kv[i + 1]));
        }
        return new ObjectValue(m);
    }

    /** What the cloud has outside the configuration: nothing, always readable. */
    static Existing emptyCloud() {
        return new Existing() {
            @Override
            public Count onRouter(String provider, String routerId, Set<String> managedIds) {
                return Count.of(0);
            }

            @Override
            public Count inAccount(String provider, Set<String> managedIds) {
                return Count.of(0);
            }

            @Override
            public String account(String provider) {
                return "12345678";
            }

            @Override
            public Set<String> routeDestinations(String provider, String tableId) {
                return Set.of();
            }
        };
    }
}
