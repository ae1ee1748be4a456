package dev.peerform.vpcapi.billing;

import dev.peerform.vpcapi.domain.Spec;
import java.time.Instant;

/** Something the owner does to a subscription's bill: renew it (perhaps with a new bandwidth) or upgrade it. */
public sealed interface BillingEvent {

    Instant at();

    /**
     * A renewal for {@code period}. A bandwidth change bought with it ({@code nextCycleSpec}, null for none) takes
     * effect when the renewed cycle starts, not at once (the guide, "Manage Subscription instances").
     */
    record Renewal(Instant at, SubscriptionPeriod period, Spec nextCycleSpec) implements BillingEvent {

        public static Renewal of(Instant at, SubscriptionPeriod period) {
            return new Renewal(at, period, null);
        }
    }

    /** A bandwidth upgrade: it takes effect at once, within the current cycle. */
    record Upgrade(Instant at, Spec spec) implements BillingEvent {
    }
}
