package dev.peerform.alicloud.billing;

import dev.peerform.alicloud.billing.MonthlyCharge.Known;
import dev.peerform.vpcapi.billing.SubscriptionPeriod;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The cost of a whole plan: each interface's charge before and after, and the totals. A total is the sum of what
 * is known; {@link #complete()} says whether anything is left out as unknown, so a partial sum is never passed off
 * as the whole.
 *
 * @param date the day whose prices apply (promotions are dated), on the billing calendar (UTC+8)
 */
public record CostEstimate(PriceTable table, LocalDate date, List<ResourceCost> resources) {

    public CostEstimate {
        resources = List.copyOf(resources);
    }

    /** Today on the billing calendar (UTC+8): the day whose prices a plan made now shows. */
    public static LocalDate billingDay(Clock clock) {
        return LocalDate.now(clock.withZone(SubscriptionPeriod.BILLING_ZONE));
    }

    public BigDecimal pastTotal() {
        return sum(resources.stream().map(ResourceCost::past).toList());
    }

    public BigDecimal plannedTotal() {
        return sum(resources.stream().map(ResourceCost::planned).toList());
    }

    /** The sum of the deltas that are known. */
    public BigDecimal deltaTotal() {
        return resources.stream().map(ResourceCost::delta).flatMap(Optional::stream)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** The interfaces whose charge before or after is unknown. */
    public List<ResourceCost> unknown() {
        return resources.stream().filter(r -> r.delta().isEmpty()).toList();
    }

    public boolean complete() {
        return unknown().isEmpty();
    }

    private static BigDecimal sum(List<MonthlyCharge> charges) {
        return charges.stream().filter(Known.class::isInstance).map(c -> ((Known) c).usd())
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
