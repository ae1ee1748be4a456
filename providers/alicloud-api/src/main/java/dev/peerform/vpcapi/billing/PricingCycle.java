package dev.peerform.vpcapi.billing;

import java.util.Arrays;
import java.util.Optional;

/**
 * A subscription's unit, with the periods the cloud sells in it (domain.md, "Roles": 1-9 months or 1-3 years).
 * Spelled as {@code CreateRouterInterface}'s {@code PricingCycle} and the new resource's {@code pricing_cycle}.
 */
public enum PricingCycle {
    Month(1, 9),
    Year(1, 3);

    private final int min;
    private final int max;

    PricingCycle(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public boolean allows(int period) {
        return period >= min && period <= max;
    }

    /** Exact, case-sensitive match of {@code Month} / {@code Year}. */
    public static Optional<PricingCycle> parse(String value) {
        return Arrays.stream(values()).filter(c -> c.name().equals(value)).findFirst();
    }
}
