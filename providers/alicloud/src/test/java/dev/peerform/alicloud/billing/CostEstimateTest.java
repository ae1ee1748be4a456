package dev.peerform.alicloud.billing;

import static dev.peerform.alicloud.billing.Tables.IN_2020;
import static dev.peerform.alicloud.billing.Tables.TODAY;
import static dev.peerform.alicloud.billing.Tables.initiator;
import static dev.peerform.alicloud.billing.Tables.prices;
import static dev.peerform.alicloud.billing.Tables.sameRegion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.vpcapi.billing.ChargeType;
import dev.peerform.vpcapi.domain.Role;
import dev.peerform.vpcapi.domain.RouterType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostEstimateTest {

    private static final String RI = "alicloud_router_interface.initiator";

    /** A user's table with a price for Large.2, so that a bandwidth change has a known delta. */
    private static final PriceCalculator CONTRACT = new PriceCalculator(Tables.parse("""
            {"format_version": 1, "name": "contract", "currency": "USD",
             "sources": {"c": {"title": "our contract"}},
             "prices": [
               {"id": "1g", "kind": "price", "distance": "same_region", "bandwidth_mbps": 1000, "monthly": "70",
                "source": "c"},
               {"id": "2g", "kind": "price", "distance": "same_region", "bandwidth_mbps": 2000, "monthly": "130",
                "source": "c"}]}
            """));

    private static CostEstimate estimate(PriceCalculator prices, LocalDate date, ResourceCost... costs) {
        return new CostEstimate(prices.table(), date, List.of(costs));
    }

    private static String headline(CostEstimate e) {
        return CostText.render(e).lines().findFirst().orElseThrow();
    }

    @Test
    void creatingAnInitiatorAddsItsMonthlyCharge() {
        var create = ResourceCost.of(RI, CostAction.CREATE, null, sameRegion("Large.1"), prices(), TODAY);
        CostEstimate e = estimate(prices(), TODAY, create);
        assertEquals("Cost estimate: +70.00 USD/month", headline(e));
        assertTrue(CostText.render(e).contains("  + " + RI + ": 0.00 -> 70.00 USD/month (+70.00)\n"),
                CostText.render(e));
        assertTrue(CostText.render(e).contains("Large.1 initiator same-region (cn-hangzhou) [same-region-mainland-1g]"));
    }

    @Test
    void bandwidthChangeShowsTheChargeBeforeAndAfter() {
        var change = ResourceCost.of(RI, CostAction.UPDATE, sameRegion("Large.1"), sameRegion("Large.2"), CONTRACT,
                TODAY);
        CostEstimate e = estimate(CONTRACT, TODAY, change);
        assertEquals("Cost estimate: +60.00 USD/month", headline(e));
        assertTrue(CostText.render(e).contains("  ~ " + RI + " (bandwidth Large.1 -> Large.2): 70.00 -> 130.00 "
                + "USD/month (+60.00)"), CostText.render(e));
    }

    @Test
    void switchToSubscriptionKeepsTheMonthlyCharge() {
        var before = sameRegion("Large.1");
        var after = new BilledInterface(Role.INITIATOR, "Large.1", RouterType.VROUTER, "cn-hangzhou", "cn-hangzhou",
                ChargeType.PRE_PAID);
        var sw = ResourceCost.of(RI, CostAction.UPDATE, before, after, prices(), TODAY);
        CostEstimate e = estimate(prices(), TODAY, sw);
        assertEquals(List.of("switch to Subscription"), sw.changes());
        assertEquals("Cost estimate: +0.00 USD/month", headline(e));
        assertTrue(CostText.render(e).contains("(switch to Subscription): 70.00 -> 70.00 USD/month (+0.00)"));
    }

    @Test
    void destroyingAnInitiatorRemovesItsMonthlyCharge() {
        var destroy = ResourceCost.of(RI, CostAction.DESTROY, sameRegion("Large.1"), null, prices(), TODAY);
        CostEstimate e = estimate(prices(), TODAY, destroy);
        assertEquals("Cost estimate: -70.00 USD/month", headline(e));
        assertTrue(CostText.render(e).contains("  - " + RI + ": 70.00 -> 0.00 USD/month (-70.00)\n"
                + "      Large.1 initiator same-region (cn-hangzhou) [same-region-mainland-1g]"), CostText.render(e));
    }

    @Test
    void acceptorAddsNothing() {
        var acceptor = new BilledInterface(Role.ACCEPTOR, "Negative", RouterType.VROUTER, "cn-hangzhou",
                "cn-hangzhou", ChargeType.POST_PAID);
        var create = ResourceCost.of("alicloud_router_interface.acceptor", CostAction.CREATE, null, acceptor,
                prices(), TODAY);
        assertEquals("Cost estimate: +0.00 USD/month", headline(estimate(prices(), TODAY, create)));
    }

    @Test
    void unknownPriceIsShownAsUnknownAndLeftOutOfTheTotal() {
        var known = ResourceCost.of(RI, CostAction.CREATE, null, sameRegion("Large.1"), prices(), TODAY);
        var cross = ResourceCost.of("alicloud_router_interface.far", CostAction.CREATE, null,
                initiator("Large.1", "cn-hangzhou", "cn-beijing"), prices(), TODAY);
        CostEstimate e = estimate(prices(), TODAY, known, cross);
        assertFalse(e.complete());
        String text = CostText.render(e);
        assertEquals("Cost estimate: +70.00 USD/month known, plus 1 interface of unknown price", headline(e));
        assertTrue(text.contains("  + alicloud_router_interface.far: 0.00 -> unknown USD/month\n"
                + "      unknown: the price table (builtin) has no price for a Large.1 initiator cross-region "
                + "(cn-hangzhou -> cn-beijing)"), text);
    }

    @Test
    void promotionMakesTheCreationFreeBeforeItsEndDateAndChargedAfter() {
        var during = ResourceCost.of(RI, CostAction.CREATE, null, sameRegion("Large.1"), prices(), IN_2020);
        assertEquals("Cost estimate: +0.00 USD/month", headline(estimate(prices(), IN_2020, during)));
        assertTrue(CostText.render(estimate(prices(), IN_2020, during)).contains("promotion until 2020-12-31"));
        LocalDate dayAfter = LocalDate.parse("2021-01-01");
        var after = ResourceCost.of(RI, CostAction.CREATE, null, sameRegion("Large.1"), prices(), dayAfter);
        assertEquals("Cost estimate: +70.00 USD/month", headline(estimate(prices(), dayAfter, after)));
    }

    @Test
    void pricesAreThoseOfTheDayOnTheBillingCalendarOfUtcPlus8() {
        // 2020-12-31 17:00 UTC is already 2021-01-01 in China: the 2020 promotion is over
        var clock = Clock.fixed(Instant.parse("2020-12-31T17:00:00Z"), ZoneOffset.UTC);
        LocalDate day = CostEstimate.billingDay(clock);
        assertEquals(LocalDate.parse("2021-01-01"), day);
        var create = ResourceCost.of(RI, CostAction.CREATE, null, sameRegion("Large.1"), prices(), day);
        assertEquals("Cost estimate: +70.00 USD/month", headline(estimate(prices(), day, create)));
    }

    @Test
    void planJsonCostHasEachResourcePastPlannedAndDiffAndTheTotals() {
        var create = ResourceCost.of(RI, CostAction.CREATE, null, sameRegion("Large.1"), prices(), TODAY);
        var cross = ResourceCost.of("alicloud_router_interface.far", CostAction.CREATE, null,
                initiator("Large.1", "cn-hangzhou", "cn-beijing"), prices(), TODAY);
        JsonNode j = CostJson.tree(estimate(prices(), TODAY, create, cross));
        assertEquals("1.0", j.get("format_version").asText());
        assertEquals("USD", j.get("currency").asText());
        assertEquals("2026-12-01", j.get("date").asText());
        assertEquals("builtin", j.at("/price_table/origin").asText());
        JsonNode r0 = j.at("/resources/0");
        assertEquals(RI, r0.get("address").asText());
        assertEquals("create", r0.get("action").asText());
        assertEquals("0.00", r0.at("/past/monthly_cost").asText());
        assertEquals("70.00", r0.at("/planned/monthly_cost").asText());
        assertEquals("same-region-mainland-1g", r0.at("/planned/price_row").asText());
        assertEquals("peering-guide-billing", r0.at("/planned/source/id").asText());
        assertEquals("70.00", r0.get("diff_monthly_cost").asText());
        JsonNode r1 = j.at("/resources/1");
        assertTrue(r1.at("/planned/monthly_cost").isNull());
        assertTrue(r1.at("/planned/unknown_reason").asText().contains("cross-region"));
        assertTrue(r1.get("diff_monthly_cost").isNull());
        assertEquals("0.00", j.at("/totals/past_monthly_cost").asText());
        assertEquals("70.00", j.at("/totals/monthly_cost").asText());
        assertEquals("70.00", j.at("/totals/diff_monthly_cost").asText());
        assertFalse(j.at("/totals/complete").asBoolean());
        assertEquals("alicloud_router_interface.far", j.at("/totals/unknown/0").asText());
    }
}
