package dev.peerform.alicloud.reach;

import java.util.List;
import java.util.Optional;

/**
 * The answer: reachable both ways (forward packets and their replies) or not, each leg's hops, the first block in
 * packet order, and the bandwidth ({@code bandwidth} empty when no peering is crossed).
 */
public record Verdict(String from, String to, Probe probe, List<LegResult> legs, Optional<Bandwidth> bandwidth) {

    public Verdict {
        legs = List.copyOf(legs);
    }

    public boolean reachable() {
        return legs.stream().allMatch(LegResult::passes);
    }

    public Optional<Block> firstBlock() {
        return legs.stream().map(LegResult::block).flatMap(Optional::stream).findFirst();
    }

    public LegResult leg(Leg leg) {
        return legs.stream().filter(l -> l.leg() == leg).findFirst().orElseThrow();
    }
}
