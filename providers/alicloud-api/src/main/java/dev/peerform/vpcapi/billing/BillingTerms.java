package dev.peerform.vpcapi.billing;

import dev.peerform.vpcapi.domain.Spec;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What an initiator's bill starts from: the date its service is paid until (a subscription's expiry, or the due
 * date of a pay-as-you-go bill), its bandwidth, and the auto-renewal period when {@code auto_renew} is set.
 */
public record BillingTerms(Instant dueDate, Spec spec, Optional<SubscriptionPeriod> autoRenewal) {

    public BillingTerms {
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(autoRenewal, "autoRenewal");
    }

    public static BillingTerms expiring(Instant dueDate, Spec spec) {
        return new BillingTerms(dueDate, spec, Optional.empty());
    }

    public static BillingTerms autoRenewing(Instant dueDate, Spec spec, SubscriptionPeriod period) {
        return new BillingTerms(dueDate, spec, Optional.of(period));
    }
}
