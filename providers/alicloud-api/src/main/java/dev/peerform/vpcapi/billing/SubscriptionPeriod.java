package dev.peerform.vpcapi.billing;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * How long a subscription is bought or renewed for: 1-9 months or 1-3 years. The end of a period is counted on
 * the calendar of {@link #BILLING_ZONE}, so "one month" from 31 January ends on the last day of February.
 */
public record SubscriptionPeriod(int count, PricingCycle cycle) {

    /**
     * Express Connect bills in UTC+8 (its billing pages: "All billing uses the UTC+8 time zone"), so a month
     * ends on the same day of the month in China, not in UTC.
     */
    public static final ZoneId BILLING_ZONE = ZoneId.of("Asia/Shanghai");

    public SubscriptionPeriod {
        if (cycle == null) {
            throw new IllegalArgumentException("a subscription period needs a pricing cycle (Month or Year)");
        }
        check(count, cycle).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }

    public static SubscriptionPeriod months(int n) {
        return new SubscriptionPeriod(n, PricingCycle.Month);
    }

    public static SubscriptionPeriod years(int n) {
        return new SubscriptionPeriod(n, PricingCycle.Year);
    }

    /** Why {@code count} of {@code cycle} cannot be bought, or empty when it can. */
    public static Optional<String> check(int count, PricingCycle cycle) {
        if (cycle.allows(count)) {
            return Optional.empty();
        }
        return Optional.of("A subscription period is 1-9 months or 1-3 years; " + count + " "
                + (cycle == PricingCycle.Month ? "month" : "year") + (count == 1 ? "" : "s") + " is not sold.");
    }

    /**
     * Why the new resource's {@code period} + {@code pricing_cycle} cannot be bought, or empty when they can (no
     * cycle means Month, as the API's default).
     */
    public static Optional<String> checkArguments(int period, String pricingCycle) {
        Optional<PricingCycle> cycle = pricingCycle == null ? Optional.of(PricingCycle.Month)
                : PricingCycle.parse(pricingCycle);
        if (cycle.isEmpty()) {
            return Optional.of("pricing_cycle must be Month or Year, not \"" + pricingCycle + "\".");
        }
        return check(period, cycle.get());
    }

    /**
     * The old resource's {@code period}, in months: 1-9, or 12, 24, 36, which it sends as 1-3 years (what its
     * validator accepts); empty for anything else.
     */
    public static Optional<SubscriptionPeriod> fromOldResourceMonths(int months) {
        if (PricingCycle.Month.allows(months)) {
            return Optional.of(months(months));
        }
        if (months % 12 == 0 && PricingCycle.Year.allows(months / 12)) {
            return Optional.of(years(months / 12));
        }
        return Optional.empty();
    }

    /** The period in months, as BSS RenewInstance takes it ({@code RenewPeriod}): 1-9, 12, 24 or 36. */
    public int months() {
        return cycle == PricingCycle.Month ? count : count * 12;
    }

    /** The end of a period that starts at {@code start}, on the billing calendar. */
    public Instant after(Instant start) {
        var zoned = start.atZone(BILLING_ZONE);
        return (cycle == PricingCycle.Month ? zoned.plusMonths(count) : zoned.plusYears(count)).toInstant();
    }

    @Override
    public String toString() {
        return count + " " + cycle;
    }
}
