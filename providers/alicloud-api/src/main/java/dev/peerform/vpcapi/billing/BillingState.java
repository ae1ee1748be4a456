package dev.peerform.vpcapi.billing;

import dev.peerform.vpcapi.domain.Spec;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An initiator's bill at one moment, as {@link OverdueTimeline} computes it.
 *
 * @param dueDate            the date the service is paid until, after every renewal so far
 * @param stopsForwardingAt  when it stops (or stopped) forwarding if nothing is renewed: 15 days after the due date
 * @param releaseAt          when it is (or was) released if nothing is renewed: after 15 days of downtime
 * @param spec               the bandwidth in effect now
 * @param remindersSent      the reminders already due (days 8, 12 and 14 of downtime), oldest first
 * @param nextReminder       the next reminder, when one is still to come
 * @param autoRenewedAt      the due dates at which auto-renewal bought a new cycle
 * @param ignored            the events that came too late or while they could not apply, with the reason
 */
public record BillingState(Phase phase, Instant dueDate, Instant stopsForwardingAt, Instant releaseAt, Spec spec,
        List<Reminder> remindersSent, Optional<Reminder> nextReminder, List<Instant> autoRenewedAt,
        List<Ignored> ignored) {

    public BillingState {
        remindersSent = List.copyOf(remindersSent);
        autoRenewedAt = List.copyOf(autoRenewedAt);
        ignored = List.copyOf(ignored);
    }

    /** Data passes in service and in the first 15 days overdue; not once stopped, nor after release. */
    public boolean forwarding() {
        return phase == Phase.IN_SERVICE || phase == Phase.OVERDUE;
    }

    /** The API's BusinessStatus; empty once released, when the instance no longer exists. */
    public Optional<BusinessStatus> businessStatus() {
        return switch (phase) {
            case IN_SERVICE, OVERDUE -> Optional.of(BusinessStatus.Normal);
            case STOPPED -> Optional.of(BusinessStatus.FinancialLocked);
            case RELEASED -> Optional.empty();
        };
    }

    /** Released instances lose their configuration for good. */
    public boolean configurationCleared() {
        return phase == Phase.RELEASED;
    }

    /** A reminder to renew, on the given day of downtime. */
    public record Reminder(int downtimeDay, Instant at) {
    }

    /** An event the timeline did not apply, and why. */
    public record Ignored(BillingEvent event, String reason) {
    }
}
