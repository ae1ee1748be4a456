package dev.peerform.alicloud.billing;

import dev.peerform.alicloud.billing.MonthlyCharge.Known;
import dev.peerform.vpcapi.billing.ChargeType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One router interface's monthly charge before and after a planned change, with what changed that the bill sees
 * (bandwidth, billing method).
 *
 * @param changes in words, such as "bandwidth Large.1 -> Large.2" or "switch to Subscription"
 */
public record ResourceCost(String address, CostAction action, BilledInterface before, BilledInterface after,
        MonthlyCharge past, MonthlyCharge planned, List<String> changes) {

    public ResourceCost {
        Objects.requireNonNull(address, "address");
        changes = List.copyOf(changes);
    }

    /**
     * The cost of changing {@code before} into {@code after} on {@code date}; null {@code before} is a creation,
     * null {@code after} a destruction.
     */
    public static ResourceCost of(String address, CostAction action, BilledInterface before, BilledInterface after,
            PriceCalculator prices, LocalDate date) {
        List<String> changes = new ArrayList<>();
        if (before != null && after != null) {
            if (!Objects.equals(before.spec(), after.spec())) {
                changes.add("bandwidth " + words(before.spec()) + " -> " + words(after.spec()));
            }
            if (before.chargeType() != after.chargeType() && after.chargeType() != null) {
                changes.add("switch to " + (after.chargeType() == ChargeType.PRE_PAID ? "Subscription" : "Pay-As-You-Go"));
            }
        }
        return new ResourceCost(address, action, before, after, prices.monthly(before, date),
                prices.monthly(after, date), changes);
    }

    /** After minus before, when both are known. */
    public Optional<BigDecimal> delta() {
        if (past instanceof Known b && planned instanceof Known a) {
            return Optional.of(a.usd().subtract(b.usd()));
        }
        return Optional.empty();
    }

    private static String words(String spec) {
        return spec == null ? "(known after apply)" : spec;
    }
}
