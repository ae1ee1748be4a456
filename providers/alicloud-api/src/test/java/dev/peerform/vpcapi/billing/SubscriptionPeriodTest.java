package dev.peerform.vpcapi.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SubscriptionPeriodTest {

    @Test
    void subscriptionPeriodsAreOneToNineMonthsOrOneToThreeYears() {
        for (int m = 1; m <= 9; m++) {
            assertTrue(SubscriptionPeriod.check(m, PricingCycle.Month).isEmpty(), m + " months");
        }
        for (int y = 1; y <= 3; y++) {
            assertTrue(SubscriptionPeriod.check(y, PricingCycle.Year).isEmpty(), y + " years");
        }
        assertTrue(SubscriptionPeriod.check(0, PricingCycle.Month).isPresent());
        assertTrue(SubscriptionPeriod.check(10, PricingCycle.Month).isPresent());
        assertTrue(SubscriptionPeriod.check(12, PricingCycle.Month).isPresent());
        assertTrue(SubscriptionPeriod.check(4, PricingCycle.Year).isPresent());
        assertThrows(IllegalArgumentException.class, () -> SubscriptionPeriod.months(10));
    }

    @Test
    void refusalOfAPeriodSaysWhatIsSold() {
        assertEquals("A subscription period is 1-9 months or 1-3 years; 4 years is not sold.",
                SubscriptionPeriod.check(4, PricingCycle.Year).orElseThrow());
    }

    @Test
    void pricingCycleIsMonthOrYearAndDefaultsToMonth() {
        assertTrue(SubscriptionPeriod.checkArguments(9, null).isEmpty());
        assertTrue(SubscriptionPeriod.checkArguments(12, null).isPresent());
        assertTrue(SubscriptionPeriod.checkArguments(3, "Year").isEmpty());
        assertEquals("pricing_cycle must be Month or Year, not \"month\".",
                SubscriptionPeriod.checkArguments(3, "month").orElseThrow());
    }

    @Test
    void oldResourcePeriodAboveNineMonthsIsWholeYears() {
        assertEquals(SubscriptionPeriod.months(9), SubscriptionPeriod.fromOldResourceMonths(9).orElseThrow());
        assertEquals(SubscriptionPeriod.years(1), SubscriptionPeriod.fromOldResourceMonths(12).orElseThrow());
        assertEquals(SubscriptionPeriod.years(3), SubscriptionPeriod.fromOldResourceMonths(36).orElseThrow());
        assertTrue(SubscriptionPeriod.fromOldResourceMonths(10).isEmpty());
        assertTrue(SubscriptionPeriod.fromOldResourceMonths(48).isEmpty());
    }

    @Test
    void aMonthEndsOnTheBillingCalendarOfUtcPlus8() {
        // 2026-01-31 00:30 in China is still 30 January in UTC; one month later is the end of February in China
        Instant start = Instant.parse("2026-01-30T16:30:00Z");
        assertEquals(Instant.parse("2026-02-27T16:30:00Z"), SubscriptionPeriod.months(1).after(start));
        assertEquals(Instant.parse("2027-01-30T16:30:00Z"), SubscriptionPeriod.years(1).after(start));
    }
}
