package dev.peerform.alicloud.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.peerform.spi.PlannedInstance;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The official provider's diff suppression on a BGP peer: the BFD hop count matters only with BFD on. */
class BgpPeerPlanTest {

    private final BgpPeerResource peer = new BgpPeerResource();

    private static ObjectValue peer(Value enableBfd, Value hops) {
        return new ObjectValue(Map.of("id", Value.of("bgp-1"), "bgp_group_id", Value.of("bgpg-1"),
                "peer_ip_address", Value.of("10.0.0.2"), "enable_bfd", enableBfd, "bfd_multi_hop", hops,
                "ip_version", Value.of("IPv4"), "bgp_peer_name", Value.nullOf(Type.STRING), "status",
                Value.of("Available")));
    }

    private static ObjectValue config(Value enableBfd, Value hops) {
        return new ObjectValue(Map.of("bgp_group_id", Value.of("bgpg-1"), "peer_ip_address", Value.of("10.0.0.2"),
                "enable_bfd", enableBfd, "bfd_multi_hop", hops, "ip_version", Value.nullOf(Type.STRING)));
    }

    @Test
    void bfdHopCountMakesNoDifferenceUnlessBfdIsEnabled() {
        ObjectValue prior = peer(Value.of(false), Value.nullOf(Type.NUMBER));
        PlannedInstance p = peer.plan(prior, config(Value.of(false), Value.of(3)));
        assertEquals(Value.nullOf(Type.NUMBER), p.planned().get("bfd_multi_hop"));
    }

    @Test
    void bfdHopCountChangeIsPlannedWhenBfdIsEnabled() {
        ObjectValue prior = peer(Value.of(true), Value.of(1));
        PlannedInstance p = peer.plan(prior, config(Value.of(true), Value.of(3)));
        assertEquals(Value.of(3), p.planned().get("bfd_multi_hop"));
    }
}
