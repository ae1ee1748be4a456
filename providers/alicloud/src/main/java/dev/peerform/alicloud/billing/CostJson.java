package dev.peerform.alicloud.billing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerform.alicloud.billing.MonthlyCharge.Known;
import dev.peerform.alicloud.billing.MonthlyCharge.Unknown;

/**
 * The plan JSON's {@code peerform_cost} (format in docs/peerform-cost.md): per interface the monthly cost before and
 * after with what each rests on, and the totals, shaped after infracost's breakdown (past / planned / diff).
 * Amounts are decimal strings, so 70.00 stays 70.00; an unknown amount is null with its reason beside it.
 */
public final class CostJson {

    public static final String KEY = "peerform_cost";
    public static final String FORMAT_VERSION = "1.0";

    private CostJson() {
    }

    public static ObjectNode tree(CostEstimate estimate) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("format_version", FORMAT_VERSION);
        root.put("currency", estimate.table().currency());
        root.put("period", "month");
        root.put("date", estimate.date().toString());
        ObjectNode table = root.putObject("price_table");
        table.put("name", estimate.table().name());
        table.put("origin", estimate.table().origin());
        ArrayNode resources = root.putArray("resources");
        for (ResourceCost r : estimate.resources()) {
            ObjectNode o = resources.addObject();
            o.put("address", r.address());
            o.put("action", r.action().json());
            ArrayNode changes = o.putArray("changes");
            r.changes().forEach(changes::add);
            o.set("past", charge(r.past(), estimate.table()));
            o.set("planned", charge(r.planned(), estimate.table()));
            if (r.delta().isPresent()) {
                o.put("diff_monthly_cost", Amounts.plain(r.delta().get()));
            } else {
                o.putNull("diff_monthly_cost");
            }
        }
        ObjectNode totals = root.putObject("totals");
        totals.put("past_monthly_cost", Amounts.plain(estimate.pastTotal()));
        totals.put("monthly_cost", Amounts.plain(estimate.plannedTotal()));
        totals.put("diff_monthly_cost", Amounts.plain(estimate.deltaTotal()));
        totals.put("complete", estimate.complete());
        ArrayNode unknown = totals.putArray("unknown");
        estimate.unknown().forEach(r -> unknown.add(r.address()));
        return root;
    }

    private static ObjectNode charge(MonthlyCharge c, PriceTable table) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (c instanceof Known k) {
            o.put("monthly_cost", Amounts.plain(k.usd()));
            o.put("basis", k.basis());
            o.put("price_row", k.entry());
            PriceTable.Source s = k.source() == null ? null : table.sources().get(k.source());
            if (s == null) {
                o.putNull("source");
            } else {
                ObjectNode src = o.putObject("source");
                src.put("id", s.id());
                src.put("title", s.title());
                src.put("url", s.url());
            }
        } else if (c instanceof Unknown u) {
            o.putNull("monthly_cost");
            o.put("unknown_reason", u.reason());
        }
        return o;
    }
}
