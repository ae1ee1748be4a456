package dev.peerform.alicloud.billing;

import dev.peerform.alicloud.billing.MonthlyCharge.Known;
import dev.peerform.alicloud.billing.MonthlyCharge.Unknown;

/**
 * The cost lines of the human plan: a headline ({@code Cost estimate: +70.00 USD/month}), then one line per
 * interface with its charge before and after and, beneath it, what the charge rests on or why it is unknown.
 */
public final class CostText {

    private CostText() {
    }

    public static String render(CostEstimate estimate) {
        String currency = estimate.table().currency();
        StringBuilder b = new StringBuilder("Cost estimate: ").append(Amounts.signed(estimate.deltaTotal()))
                .append(' ').append(currency).append("/month");
        int unknown = estimate.unknown().size();
        if (unknown > 0) {
            b.append(" known, plus ").append(unknown).append(unknown == 1 ? " interface" : " interfaces")
                    .append(" of unknown price");
        }
        b.append('\n');
        for (ResourceCost r : estimate.resources()) {
            b.append("  ").append(r.action().symbol()).append(' ').append(r.address());
            if (!r.changes().isEmpty()) {
                b.append(" (").append(String.join(", ", r.changes())).append(')');
            }
            b.append(": ").append(amount(r.past())).append(" -> ").append(amount(r.planned())).append(' ')
                    .append(currency).append("/month");
            r.delta().ifPresent(d -> b.append(" (").append(Amounts.signed(d)).append(')'));
            b.append('\n').append("      ").append(why(r)).append('\n');
        }
        b.append("  Prices: ").append(estimate.table().name()).append(" (").append(estimate.table().origin())
                .append("), as of ").append(estimate.date()).append('\n');
        return b.toString();
    }

    private static String amount(MonthlyCharge c) {
        return c instanceof Known k ? Amounts.plain(k.usd()) : "unknown";
    }

    /** The unknown side's reason first; otherwise what the planned (or, once destroyed, the past) charge is for. */
    private static String why(ResourceCost r) {
        if (r.planned() instanceof Unknown u) {
            return "unknown: " + u.reason();
        }
        if (r.past() instanceof Unknown u) {
            return "unknown before: " + u.reason();
        }
        Known shown = r.after() == null ? (Known) r.past() : (Known) r.planned();
        return shown.basis() + (shown.entry() == null ? "" : " [" + shown.entry() + "]");
    }
}
