package dev.peerform.vpcapi.billing;

import dev.peerform.vpcapi.billing.BillingEvent.Renewal;
import dev.peerform.vpcapi.billing.BillingEvent.Upgrade;
import dev.peerform.vpcapi.billing.BillingState.Ignored;
import dev.peerform.vpcapi.billing.BillingState.Reminder;
import dev.peerform.vpcapi.domain.Spec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The bill's timeline as a pure function of the terms, the owner's events and the time (the guide's billing
 * chapter, as domain.md gives it): 15 days after the due date the initiator stops forwarding; after 15 days of
 * downtime it is released and its configuration cleared; reminders go out on days 8, 12 and 14 of downtime; a
 * renewal restores it at once; with auto-renewal a new cycle is bought at each due date.
 *
 * <p>Two readings the guide leaves open, chosen here: "day N of downtime" is the moment N whole days of downtime
 * have passed (so the release, "after 15 days of downtime", is the same count), and a renewal bought after the
 * due date starts its cycle when it is bought (the rule Alibaba Cloud's ECS documents for expired subscriptions),
 * while one bought before the due date extends it.
 */
public final class OverdueTimeline {

    /** From the due date until forwarding stops. */
    public static final Duration GRACE = Duration.ofDays(15);
    /** From the stop until the release. */
    public static final Duration DOWNTIME_BEFORE_RELEASE = Duration.ofDays(15);
    /** The days of downtime on which a reminder is sent. */
    public static final List<Integer> REMINDER_DAYS = List.of(8, 12, 14);

    private OverdueTimeline() {
    }

    public static BillingState at(BillingTerms terms, List<? extends BillingEvent> events, Clock clock) {
        return at(terms, events, clock.instant());
    }

    public static BillingState at(BillingTerms terms, List<? extends BillingEvent> events, Instant now) {
        Walk walk = new Walk(terms);
        List<BillingEvent> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparing(BillingEvent::at));
        for (BillingEvent e : ordered) {
            if (e.at().isAfter(now)) {
                break;
            }
            walk.advanceTo(e.at());
            walk.apply(e);
        }
        walk.advanceTo(now);
        return walk.state(now);
    }

    /** The walk along the timeline: the due date moves with renewals, the spec with upgrades and new cycles. */
    private static final class Walk {
        private final Optional<SubscriptionPeriod> autoRenewal;
        private Instant due;
        private Spec spec;
        private final TreeMap<Instant, Spec> scheduledSpecs = new TreeMap<>();
        private final List<Instant> autoRenewed = new ArrayList<>();
        private final List<Ignored> ignored = new ArrayList<>();
        private Instant releasedAt;

        Walk(BillingTerms terms) {
            this.due = terms.dueDate();
            this.spec = terms.spec();
            this.autoRenewal = terms.autoRenewal();
        }

        /** Lets time pass up to {@code t}: new cycles start (bought by auto-renewal), or the instance is released. */
        void advanceTo(Instant t) {
            if (releasedAt != null) {
                return;
            }
            while (autoRenewal.isPresent() && !due.isAfter(t)) {
                autoRenewed.add(due);
                due = autoRenewal.get().after(due);
            }
            applySpecsUpTo(t);
            Instant release = releaseAt();
            if (!release.isAfter(t)) {
                releasedAt = release;
            }
        }

        void apply(BillingEvent e) {
            if (releasedAt != null) {
                ignored.add(new Ignored(e, "the instance was released on " + releasedAt
                        + " and its configuration cleared; it cannot be renewed or changed"));
                return;
            }
            if (e instanceof Renewal r) {
                renew(r);
            } else if (e instanceof Upgrade u) {
                upgrade(u);
            }
        }

        private void renew(Renewal r) {
            Instant cycleStart = r.at().isBefore(due) ? due : r.at();
            due = r.period().after(cycleStart);
            if (r.nextCycleSpec() != null) {
                scheduledSpecs.put(cycleStart, r.nextCycleSpec());
                applySpecsUpTo(r.at());
            }
        }

        private void upgrade(Upgrade u) {
            if (!u.at().isBefore(stopAt())) {
                ignored.add(new Ignored(u, "the instance is locked for an overdue payment since " + stopAt()
                        + "; renew it first"));
                return;
            }
            spec = u.spec();
        }

        private void applySpecsUpTo(Instant t) {
            var started = scheduledSpecs.headMap(t, true);
            if (!started.isEmpty()) {
                spec = started.lastEntry().getValue();
                started.clear();
            }
        }

        private Instant stopAt() {
            return due.plus(GRACE);
        }

        private Instant releaseAt() {
            return stopAt().plus(DOWNTIME_BEFORE_RELEASE);
        }

        BillingState state(Instant now) {
            Phase phase;
            if (releasedAt != null) {
                phase = Phase.RELEASED;
            } else if (now.isBefore(due)) {
                phase = Phase.IN_SERVICE;
            } else if (now.isBefore(stopAt())) {
                phase = Phase.OVERDUE;
            } else {
                phase = Phase.STOPPED;
            }
            List<Reminder> sent = new ArrayList<>();
            Optional<Reminder> next = Optional.empty();
            if (phase != Phase.IN_SERVICE) {
                for (int day : REMINDER_DAYS) {
                    Reminder r = new Reminder(day, stopAt().plus(Duration.ofDays(day)));
                    if (!r.at().isAfter(now)) {
                        sent.add(r);
                    } else if (next.isEmpty() && phase != Phase.RELEASED) {
                        next = Optional.of(r);
                    }
                }
            }
            return new BillingState(phase, due, stopAt(), releasedAt != null ? releasedAt : releaseAt(), spec, sent,
                    next, autoRenewed, ignored);
        }
    }
}
