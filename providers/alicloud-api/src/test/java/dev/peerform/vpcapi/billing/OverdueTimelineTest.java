package dev.peerform.vpcapi.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.vpcapi.billing.BillingEvent.Renewal;
import dev.peerform.vpcapi.billing.BillingEvent.Upgrade;
import dev.peerform.vpcapi.domain.Spec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverdueTimelineTest {

    private static final Instant DUE = Instant.parse("2026-03-01T16:00:00Z");
    private static final BillingTerms TERMS = BillingTerms.expiring(DUE, Spec.LARGE_1);

    /** The clock {@code days} (and {@code hours}) after the due date. */
    private static Clock after(long days, long hours) {
        return Clock.offset(Clock.fixed(DUE, ZoneOffset.UTC), Duration.ofDays(days).plusHours(hours));
    }

    private static Clock after(long days) {
        return after(days, 0);
    }

    private static BillingState at(Clock clock, BillingEvent... events) {
        return OverdueTimeline.at(TERMS, List.of(events), clock);
    }

    @Test
    void paidUpInitiatorIsNormalAndForwardsUntilItsDueDate() {
        BillingState s = at(after(-1));
        assertEquals(Phase.IN_SERVICE, s.phase());
        assertEquals(BusinessStatus.Normal, s.businessStatus().orElseThrow());
        assertTrue(s.forwarding());
        assertTrue(s.remindersSent().isEmpty());
    }

    @Test
    void overdueInitiatorKeepsForwardingForFifteenDaysAfterTheDueDate() {
        BillingState s = at(after(14, 23));
        assertEquals(Phase.OVERDUE, s.phase());
        assertTrue(s.forwarding());
        assertEquals(BusinessStatus.Normal, s.businessStatus().orElseThrow());
        assertEquals(DUE.plus(Duration.ofDays(15)), s.stopsForwardingAt());
        assertEquals(DUE.plus(Duration.ofDays(30)), s.releaseAt());
    }

    @Test
    void initiatorStopsForwardingFifteenDaysAfterTheDueDateAndIsFinancialLocked() {
        BillingState s = at(after(15));
        assertEquals(Phase.STOPPED, s.phase());
        assertFalse(s.forwarding());
        assertEquals(BusinessStatus.FinancialLocked, s.businessStatus().orElseThrow());
        assertFalse(s.configurationCleared());
    }

    @Test
    void remindersGoOutOnDaysEightTwelveAndFourteenOfDowntime() {
        assertEquals(8, at(after(15)).nextReminder().orElseThrow().downtimeDay());
        assertTrue(at(after(15 + 7, 23)).remindersSent().isEmpty());
        BillingState day8 = at(after(15 + 8));
        assertEquals(List.of(8), day8.remindersSent().stream().map(BillingState.Reminder::downtimeDay).toList());
        assertEquals(DUE.plus(Duration.ofDays(23)), day8.remindersSent().get(0).at());
        assertEquals(12, day8.nextReminder().orElseThrow().downtimeDay());
        BillingState day14 = at(after(15 + 14));
        assertEquals(List.of(8, 12, 14),
                day14.remindersSent().stream().map(BillingState.Reminder::downtimeDay).toList());
        assertTrue(day14.nextReminder().isEmpty());
    }

    @Test
    void initiatorIsReleasedAfterFifteenDaysOfDowntimeAndItsConfigurationCleared() {
        assertEquals(Phase.STOPPED, at(after(29, 23)).phase());
        BillingState s = at(after(30));
        assertEquals(Phase.RELEASED, s.phase());
        assertTrue(s.configurationCleared());
        assertTrue(s.businessStatus().isEmpty());
        assertFalse(s.forwarding());
        assertEquals(DUE.plus(Duration.ofDays(30)), s.releaseAt());
    }

    @Test
    void renewingAStoppedInitiatorRestoresItAtOnce() {
        Instant renewedAt = DUE.plus(Duration.ofDays(20));
        BillingState s = at(after(20), Renewal.of(renewedAt, SubscriptionPeriod.months(1)));
        assertEquals(Phase.IN_SERVICE, s.phase());
        assertTrue(s.forwarding());
        assertEquals(SubscriptionPeriod.months(1).after(renewedAt), s.dueDate());
    }

    @Test
    void renewingBeforeTheDueDateExtendsItByThePeriod() {
        BillingState s = at(after(40), Renewal.of(DUE.minus(Duration.ofDays(3)), SubscriptionPeriod.months(2)));
        assertEquals(SubscriptionPeriod.months(2).after(DUE), s.dueDate());
        assertEquals(Phase.IN_SERVICE, s.phase());
    }

    @Test
    void releasedInitiatorCannotBeRestoredByARenewal() {
        Renewal late = Renewal.of(DUE.plus(Duration.ofDays(31)), SubscriptionPeriod.months(1));
        BillingState s = at(after(32), late);
        assertEquals(Phase.RELEASED, s.phase());
        assertEquals(late, s.ignored().get(0).event());
    }

    @Test
    void autoRenewalBuysANewCycleAtEachDueDateSoTheInitiatorNeverStops() {
        BillingTerms auto = BillingTerms.autoRenewing(DUE, Spec.LARGE_1, SubscriptionPeriod.months(1));
        BillingState s = OverdueTimeline.at(auto, List.of(), after(70));
        assertEquals(Phase.IN_SERVICE, s.phase());
        assertEquals(3, s.autoRenewedAt().size());
        assertEquals(DUE, s.autoRenewedAt().get(0));
        assertTrue(s.dueDate().isAfter(after(70).instant()));
    }

    @Test
    void renewalWithABandwidthChangeTakesEffectAtTheNextCycle() {
        Renewal r = new Renewal(DUE.minus(Duration.ofDays(10)), SubscriptionPeriod.months(1), Spec.LARGE_2);
        assertEquals(Spec.LARGE_1, at(after(-1), r).spec());
        assertEquals(Spec.LARGE_2, at(after(0), r).spec());
    }

    @Test
    void upgradeTakesEffectAtOnce() {
        Instant t = DUE.minus(Duration.ofDays(10));
        assertEquals(Spec.LARGE_2, at(Clock.fixed(t, ZoneOffset.UTC), new Upgrade(t, Spec.LARGE_2)).spec());
        assertEquals(Spec.LARGE_1, at(Clock.fixed(t.minusSeconds(1), ZoneOffset.UTC),
                new Upgrade(t, Spec.LARGE_2)).spec());
    }

    @Test
    void upgradeOfAStoppedInitiatorIsRefusedUntilItIsRenewed() {
        Upgrade u = new Upgrade(DUE.plus(Duration.ofDays(16)), Spec.LARGE_2);
        BillingState s = at(after(17), u);
        assertEquals(Spec.LARGE_1, s.spec());
        assertEquals(u, s.ignored().get(0).event());
    }

    @Test
    void eventsAfterNowDoNotCountYet() {
        BillingState s = at(after(16), Renewal.of(DUE.plus(Duration.ofDays(18)), SubscriptionPeriod.months(1)));
        assertEquals(Phase.STOPPED, s.phase());
    }
}
