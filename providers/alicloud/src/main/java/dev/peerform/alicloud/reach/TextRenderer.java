package dev.peerform.alicloud.reach;

import java.util.Locale;

/** The verdict for a terminal: each leg's hops, the first block and its fix, the bandwidth. */
public final class TextRenderer {

    private final Words words;

    public TextRenderer(Reach reach) {
        this.words = new Words(reach::name);
    }

    public String render(Verdict v) {
        StringBuilder b = new StringBuilder();
        b.append("reach ").append(v.from()).append(" -> ").append(v.to()).append(", ").append(v.probe())
                .append('\n');
        for (LegResult leg : v.legs()) {
            String tag = String.format(Locale.ROOT, "  %-8s ", leg.leg().word());
            String pad = " ".repeat(tag.length());
            boolean firstLine = true;
            for (Hop h : leg.hops()) {
                b.append(firstLine ? tag : pad).append(words.hop(h)).append('\n');
                firstLine = false;
            }
            if (leg.block().isPresent()) {
                b.append(firstLine ? tag : pad).append("BLOCKED: ").append(words.cause(leg.block().get().cause()))
                        .append('\n');
            }
        }
        if (v.reachable()) {
            b.append("reachable both ways\n");
        } else {
            Block first = v.firstBlock().orElseThrow();
            b.append("NOT reachable: first block (").append(first.leg().word()).append("): ")
                    .append(words.cause(first.cause())).append('\n');
            if (first.fix().isEmpty()) {
                b.append("fix: no change is known to reach\n");
            }
            for (String f : words.fix(first.fix())) {
                b.append("fix: ").append(f).append('\n');
            }
        }
        v.bandwidth().ifPresent(bw -> {
            b.append("bandwidth: ").append(bw.mbps() == null ? "unknown" : bw.mbps() + " Mbit/s").append(" (")
                    .append(bw.spec()).append(" on initiator ").append(bw.initiatorId()).append(")");
            if (bw.singleFlowMbps() != null) {
                b.append(String.format(Locale.ROOT, "; a single flow from the VPC to the VBR: at most %.1f Mbit/s "
                        + "(bandwidth / 12)", bw.singleFlowMbps()));
            }
            b.append('\n');
        });
        return b.toString();
    }
}
