package dev.peerform.alicloud.reach;

import java.util.List;
import java.util.Optional;

/** What one leg passed, and what stopped it. */
public record LegResult(Leg leg, List<Hop> hops, Optional<Block> block) {

    public LegResult {
        hops = List.copyOf(hops);
    }

    public boolean passes() {
        return block.isEmpty();
    }
}
