package dev.peerform.alicloud.reach;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code peerform reach FROM TO}: will the probe's traffic pass from FROM to TO, and its replies come back?
 * Index a model once, then ask as often as needed.
 */
public final class Reach {

    private final Index index;

    public Reach(Model model) {
        this.index = new Index(model);
    }

    /** The verdict; throws {@link ReachInputException} when FROM or TO names nothing in the model. */
    public Verdict analyse(Endpoint from, Endpoint to, Probe probe) {
        Resolver resolver = new Resolver(index);
        Resolved src = resolver.resolve(from);
        Resolved dst = resolver.resolve(to);
        GroupCheck groups = new GroupCheck(index);
        List<LegResult> legs = List.of(
                groups.check(Leg.SOURCE_EGRESS, Direction.EGRESS, src, dst, probe),
                Walk.run(index, Leg.FORWARD, src, dst),
                groups.check(Leg.DESTINATION_INGRESS, Direction.INGRESS, dst, src, probe),
                Walk.run(index, Leg.REVERSE, dst, src));
        return new Verdict(src.display(), dst.display(), probe, legs, bandwidth(legs));
    }

    /** Names as the renderers show them: "address (id)". */
    public String name(String id) {
        return index.name(id);
    }

    /**
     * The narrowest initiator crossed, either way; where a crossing joins a VPC and a VBR, a single flow from the VPC
     * to the VBR is hashed onto one of 12 paths: bandwidth / 12 (best practices).
     */
    private Optional<Bandwidth> bandwidth(List<LegResult> legs) {
        List<Hop.Crossed> crossings = new ArrayList<>();
        for (LegResult l : legs) {
            for (Hop h : l.hops()) {
                if (h instanceof Hop.Crossed c) {
                    crossings.add(c);
                }
            }
        }
        if (crossings.isEmpty()) {
            return Optional.empty();
        }
        Hop.Crossed narrowest = null;
        int best = Integer.MAX_VALUE;
        Double flow = null;
        for (Hop.Crossed c : crossings) {
            OptionalInt mbps = Specs.mbps(c.spec());
            int v = mbps.orElse(Integer.MAX_VALUE - 1);
            if (narrowest == null || v < best) {
                narrowest = c;
                best = v;
            }
            if (mbps.isPresent() && index.isVbr(c.fromRouterId()) != index.isVbr(c.toRouterId())) {
                double f = mbps.getAsInt() / 12.0;
                flow = flow == null ? f : Math.min(flow, f);
            }
        }
        OptionalInt known = Specs.mbps(narrowest.spec());
        return Optional.of(new Bandwidth(narrowest.initiatorId(), narrowest.spec(),
                known.isPresent() ? known.getAsInt() : null, flow));
    }
}
