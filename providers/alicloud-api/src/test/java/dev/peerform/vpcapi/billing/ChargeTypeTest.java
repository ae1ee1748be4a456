package dev.peerform.vpcapi.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChargeTypeTest {

    @Test
    void instanceChargeTypeIsSpelledPostPaidOrPrePaidAndCaseSensitive() {
        assertEquals(ChargeType.POST_PAID, ChargeType.fromInstanceChargeType("PostPaid").orElseThrow());
        assertEquals(ChargeType.PRE_PAID, ChargeType.fromInstanceChargeType("PrePaid").orElseThrow());
        assertTrue(ChargeType.fromInstanceChargeType("prepaid").isEmpty());
        assertTrue(ChargeType.fromInstanceChargeType("Subscription").isEmpty());
    }

    @Test
    void paymentTypeIsSpelledPayAsYouGoOrSubscriptionAndMeansTheSameTwoMethods() {
        assertEquals(ChargeType.POST_PAID, ChargeType.fromPaymentType("PayAsYouGo").orElseThrow());
        assertEquals(ChargeType.PRE_PAID, ChargeType.fromPaymentType("Subscription").orElseThrow());
        assertTrue(ChargeType.fromPaymentType("PostPaid").isEmpty());
        assertEquals("PrePaid", ChargeType.fromPaymentType("Subscription").orElseThrow().instanceChargeType());
    }

    @Test
    void describedChargeTypePrepaidInEitherCaseIsSubscriptionAndAnythingElsePayAsYouGo() {
        assertEquals(ChargeType.PRE_PAID, ChargeType.fromDescribed("PrePaid"));
        assertEquals(ChargeType.PRE_PAID, ChargeType.fromDescribed("Prepaid"));
        assertEquals(ChargeType.POST_PAID, ChargeType.fromDescribed("AfterPay"));
        assertEquals(ChargeType.POST_PAID, ChargeType.fromDescribed(null));
    }
}
