package dev.peerform.alicloud.reach;

import java.util.List;

/** The first thing that stops a leg, and the changes (all of them) that remove it; empty when none is known. */
public record Block(Leg leg, Cause cause, List<Change> fix) {

    public Block {
        fix = List.copyOf(fix);
    }
}
