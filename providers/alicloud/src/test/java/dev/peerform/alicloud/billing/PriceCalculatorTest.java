package dev.peerform.alicloud.billing;

import static dev.peerform.alicloud.billing.Tables.IN_2020;
import static dev.peerform.alicloud.billing.Tables.TODAY;
import static dev.peerform.alicloud.billing.Tables.initiator;
import static dev.peerform.alicloud.billing.Tables.prices;
import static dev.peerform.alicloud.billing.Tables.sameRegion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.alicloud.billing.MonthlyCharge.Known;
import dev.peerform.alicloud.billing.MonthlyCharge.Unknown;
import dev.peerform.vpcapi.billing.ChargeType;
import dev.peerform.vpcapi.domain.Role;
import dev.peerform.vpcapi.domain.RouterType;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PriceCalculatorTest {

    private static BigDecimal usd(MonthlyCharge c) {
        return assertInstanceOf(Known.class, c, () -> c.toString()).usd();
    }

    private static String reason(MonthlyCharge c) {
        return assertInstanceOf(Unknown.class, c, () -> c.toString()).reason();
    }

    @Test
    void sameRegionInitiatorOfOneGigabitInMainlandChinaIs70UsdPerMonth() {
        MonthlyCharge c = prices().monthly(sameRegion("Large.1"), TODAY);
        assertEquals(new BigDecimal("70.00"), usd(c));
        assertEquals("same-region-mainland-1g", ((Known) c).entry());
        assertEquals("peering-guide-billing", ((Known) c).source());
    }

    @Test
    void acceptorIsFreeOnlyTheInitiatorIsCharged() {
        var acceptor = new BilledInterface(Role.ACCEPTOR, "Negative", RouterType.VROUTER, "cn-hangzhou",
                "cn-shanghai", ChargeType.POST_PAID);
        assertEquals(new BigDecimal("0.00"), usd(prices().monthly(acceptor, TODAY)));
    }

    @Test
    void sameRegionPromotionIsFreeUntilItsEndDateAndChargedTheDayAfter() {
        assertEquals(new BigDecimal("0.00"), usd(prices().monthly(sameRegion("Large.1"), IN_2020)));
        assertEquals(new BigDecimal("0.00"),
                usd(prices().monthly(sameRegion("Large.1"), LocalDate.parse("2020-12-31"))));
        assertEquals(new BigDecimal("70.00"),
                usd(prices().monthly(sameRegion("Large.1"), LocalDate.parse("2021-01-01"))));
    }

    @Test
    void beijingZhangjiakouUpToTwoGigabitsWasFreeUntil2020AndIsUnknownAfter() {
        var bz = initiator("Large.2", "cn-zhangjiakou", "cn-beijing");
        MonthlyCharge during = prices().monthly(bz, IN_2020);
        assertEquals(new BigDecimal("0.00"), usd(during));
        assertTrue(((Known) during).basis().contains("promotion until 2020-12-31"));
        String after = reason(prices().monthly(bz, TODAY));
        assertTrue(after.contains("beijing-zhangjiakou-up-to-2g-free-until-2020 ended 2020-12-31"), after);
    }

    @Test
    void beijingZhangjiakouAboveTwoGigabitsIsNotInThePromotion() {
        reason(prices().monthly(initiator("Large.5", "cn-beijing", "cn-zhangjiakou"), IN_2020));
    }

    @Test
    void crossRegionPriceIsUnknownNeverGuessed() {
        String why = reason(prices().monthly(initiator("Large.1", "cn-hangzhou", "cn-shanghai"), TODAY));
        assertTrue(why.contains("cross-region (cn-hangzhou -> cn-shanghai)"), why);
        assertTrue(why.contains("cross-region prices: not published in the guide"), why);
    }

    @Test
    void sameRegionBandwidthOtherThanOneGigabitIsUnknown() {
        String why = reason(prices().monthly(sameRegion("Large.2"), TODAY));
        assertTrue(why.contains("Large.2 initiator same-region (cn-hangzhou)"), why);
    }

    @Test
    void regionOutsideMainlandChinaIsUnknown() {
        reason(prices().monthly(initiator("Large.1", "ap-southeast-1", "ap-southeast-1"), TODAY));
    }

    @Test
    void vbrInitiatorToAVpcOfTheSameRegionIsFree() {
        var vbr = new BilledInterface(Role.INITIATOR, "Large.1", RouterType.VBR, "cn-beijing", "cn-beijing",
                ChargeType.POST_PAID);
        MonthlyCharge c = prices().monthly(vbr, TODAY);
        assertEquals(new BigDecimal("0.00"), usd(c));
        assertEquals("vbr-to-vpc-same-region-free", ((Known) c).entry());
    }

    @Test
    void valueKnownOnlyAfterApplyMakesTheChargeUnknown() {
        assertTrue(reason(prices().monthly(sameRegion(null), TODAY)).contains("known only after apply"));
        assertTrue(reason(prices().monthly(initiator("Large.1", "cn-hangzhou", null), TODAY))
                .contains("known only after apply"));
    }

    @Test
    void interfaceThatDoesNotExistCostsNothing() {
        assertEquals(new BigDecimal("0.00"), usd(prices().monthly(null, TODAY)));
    }

    @Test
    void twoEquallySpecificRowsMakeTheChargeUnknownRatherThanAPick() {
        PriceTable t = Tables.parse("""
                {"format_version": 1, "currency": "USD",
                 "sources": {"mine": {"title": "my contract"}},
                 "prices": [
                   {"id": "a", "kind": "price", "bandwidth_mbps": 1000, "monthly": "10", "source": "mine"},
                   {"id": "b", "kind": "price", "bandwidth_mbps": 1000, "monthly": "20", "source": "mine"}]}
                """);
        String why = reason(new PriceCalculator(t).monthly(sameRegion("Large.1"), TODAY));
        assertTrue(why.contains("rows \"a\" and \"b\""), why);
    }

    @Test
    void rowsForOneBillingMethodDoNotPriceTheOther() {
        PriceTable t = Tables.parse("""
                {"format_version": 1, "currency": "USD",
                 "sources": {"mine": {"title": "my contract"}},
                 "prices": [{"id": "sub", "kind": "price", "charge_types": ["Subscription"], "monthly": "50",
                             "source": "mine"}]}
                """);
        var calc = new PriceCalculator(t);
        reason(calc.monthly(sameRegion("Large.1"), TODAY));
        var prepaid = new BilledInterface(Role.INITIATOR, "Large.1", RouterType.VROUTER, "cn-hangzhou",
                "cn-hangzhou", ChargeType.PRE_PAID);
        assertEquals(new BigDecimal("50.00"), usd(calc.monthly(prepaid, TODAY)));
    }
}
