package dev.peerform.alicloud.resources;

import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import dev.peerform.value.ObjectValue;
import dev.peerform.vpcapi.billing.BusinessStatus;
import dev.peerform.vpcapi.billing.OverdueTimeline;
import dev.peerform.vpcapi.billing.SubscriptionPeriod;
import dev.peerform.vpcapi.domain.Role;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * A subscription initiator's bill as refresh finds it (domain.md, "Billing"): past its due date it is overdue, 15
 * days later it is locked and stops forwarding, 15 days after that it is released and its configuration cleared.
 * Refresh says so with the date of the release; the plan renews an overdue or locked one, and creates a released
 * one again.
 */
public final class Renewals {

    private Renewals() {
    }

    /**
     * peerform's word for a subscription past its due date that still forwards (the API still says Normal for the
     * 15 days of grace), recorded in {@code business_status} so that the plan, which has no clock of the cloud's,
     * sees it.
     */
    static final String OVERDUE = "Overdue";

    /** The state as refresh found it, with an expired subscription that still forwards marked {@link #OVERDUE}. */
    static ObjectValue observed(ObjectValue state, Instant cloudNow) {
        if (state == null || !isSubscriptionInitiator(state)) {
            return state;
        }
        boolean normal = BusinessStatus.Normal.name().equals(ObjectValues.str(state, "business_status"));
        if (normal && endTime(state).map(end -> !end.isAfter(cloudNow)).orElse(false)) {
            return ObjectValues.with(state, "business_status", OVERDUE);
        }
        return state;
    }

    /** Whether the subscription needs renewing: overdue or locked, as refresh found it. */
    static boolean due(ObjectValue state) {
        if (!isSubscriptionInitiator(state)) {
            return false;
        }
        String business = ObjectValues.str(state, "business_status");
        return business != null && !BusinessStatus.Normal.name().equals(business);
    }

    /** The period a renewal buys: the configured one ({@code period}, in months: 1-9, 12, 24, 36), else a month. */
    static SubscriptionPeriod period(ObjectValue state) {
        Integer months = ObjectValues.integer(state, "period");
        return months == null ? SubscriptionPeriod.months(1)
                : SubscriptionPeriod.fromOldResourceMonths(months).orElse(SubscriptionPeriod.months(1));
    }

    /**
     * Warnings for the subscriptions refresh found overdue, locked or released, each naming the interface and the
     * day it is (or was) released. {@code refreshed} holds the states in the order of {@code priors}.
     */
    public static void warn(List<ObjectValue> priors, List<ObjectValue> refreshed, Diagnostics diags) {
        for (int i = 0; i < priors.size(); i++) {
            ObjectValue prior = priors.get(i);
            ObjectValue now0 = i < refreshed.size() ? refreshed.get(i) : null;
            if (prior == null || !isSubscriptionInitiator(prior)) {
                continue;
            }
            String id = ObjectValues.str(prior, "id");
            if (now0 == null) {
                diags.add(Diagnostic.warning("Subscription released", "The subscription initiator " + id + " is gone: "
                        + "an overdue subscription is released 15 days after it stops forwarding"
                        + endTime(prior).map(e -> " (due " + e + ", released " + releaseAt(e) + ")").orElse("")
                        + ", and its configuration is cleared. The plan creates it again (a new interface, a new "
                        + "subscription); its connection and routes are set up again with it.", null));
                continue;
            }
            Optional<Instant> end = endTime(now0);
            String business = ObjectValues.str(now0, "business_status");
            boolean locked = business != null && !BusinessStatus.Normal.name().equals(business)
                    && !OVERDUE.equals(business);
            if (locked) {
                diags.add(Diagnostic.warning("Subscription locked: not forwarding", "The initiator " + id + " is "
                        + business + ": its subscription is overdue"
                        + end.map(e -> " since " + e).orElse("") + ", so its connection does not forward data. It "
                        + "will be released" + end.map(e -> " on " + releaseAt(e)).orElse("") + " and its "
                        + "configuration cleared unless it is renewed; the plan renews it (RenewInstance).", null));
            } else if (OVERDUE.equals(business) && end.isPresent()) {
                diags.add(Diagnostic.warning("Subscription overdue", "The initiator " + id + "'s subscription "
                        + "expired on " + end.get() + ". It still forwards until " + end.get().plus(
                        OverdueTimeline.GRACE) + ", then locks, and is released on " + releaseAt(end.get())
                        + " unless it is renewed; the plan renews it (RenewInstance).", null));
            }
        }
    }

    private static Instant releaseAt(Instant end) {
        return end.plus(OverdueTimeline.GRACE).plus(OverdueTimeline.DOWNTIME_BEFORE_RELEASE);
    }

    private static boolean isSubscriptionInitiator(ObjectValue state) {
        return "PrePaid".equals(ObjectValues.str(state, "instance_charge_type"))
                && Role.INITIATOR.is(ObjectValues.str(state, "role"));
    }

    private static Optional<Instant> endTime(ObjectValue state) {
        String t = ObjectValues.str(state, "end_time");
        if (t == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(t));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
