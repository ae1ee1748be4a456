package dev.peerform.alicloud.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.ChangeView;
import dev.peerform.spi.PlanAnnotation;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Value;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The plan's cost annotation over the planned changes: create, bandwidth change, switch to subscription, destroy. */
class PlanCostTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final String TYPE = "alicloud_router_interface";
    private static final InstanceAddress RI = InstanceAddress.parse("alicloud_router_interface.initiator");

    private static ObjectValue initiator(String spec, String charge) {
        return new ObjectValue(Map.of("role", Value.of("InitiatingSide"), "specification", Value.of(spec),
                "router_type", Value.of("VRouter"), "opposite_region", Value.of("cn-hangzhou"),
                "instance_charge_type", Value.of(charge)));
    }

    private static Optional<CostEstimate> plan(ChangeAction action, ObjectValue before, ObjectValue after) {
        ChangeView c = new ChangeView(RI, TYPE, action, before, after, Map.of(), "alicloud");
        PriceCalculator prices = new PriceCalculator(PriceTableLoader.builtin().table().orElseThrow());
        return PlanCost.estimate(List.of(c), k -> "cn-hangzhou", prices, DAY);
    }

    private static String text(CostEstimate e) {
        return String.join("\n", PlanCost.annotation(e).lines());
    }

    @Test
    void creatingASameRegionGigabitInitiatorCostsSeventyDollarsAMonth() {
        CostEstimate e = plan(ChangeAction.CREATE, null, initiator("Large.1", "PostPaid")).orElseThrow();
        assertTrue(text(e).startsWith("Cost estimate: +70.00 USD/month\n"), text(e));
        PlanAnnotation a = PlanCost.annotation(e);
        assertEquals(CostJson.KEY, a.key());
        assertTrue(a.json().contains("\"diff_monthly_cost\":\"70.00\""), a.json());
    }

    @Test
    void aBandwidthChangeShowsTheOldAndNewSpec() {
        CostEstimate e = plan(ChangeAction.UPDATE, initiator("Large.1", "PostPaid"), initiator("Large.2", "PostPaid"))
                .orElseThrow();
        assertTrue(text(e).contains("~ alicloud_router_interface.initiator (bandwidth Large.1 -> Large.2)"), text(e));
    }

    @Test
    void switchingToSubscriptionReplacesTheInterfaceAsTheOfficialProviderDoes() {
        CostEstimate e = plan(ChangeAction.DELETE_THEN_CREATE, initiator("Large.1", "PostPaid"),
                initiator("Large.1", "PrePaid")).orElseThrow();
        assertTrue(text(e).contains("-/+ alicloud_router_interface.initiator (switch to Subscription): 70.00 -> "
                + "70.00 USD/month (+0.00)"), text(e));
    }

    @Test
    void destroyingTheInitiatorSavesItsCharge() {
        CostEstimate e = plan(ChangeAction.DELETE, initiator("Large.1", "PostPaid"), null).orElseThrow();
        assertTrue(text(e).startsWith("Cost estimate: -70.00 USD/month\n"), text(e));
    }

    @Test
    void aPlanThatTouchesNoBillHasNoCostLines() {
        ObjectValue acceptor = new ObjectValue(Map.of("role", Value.of("AcceptingSide"), "router_type",
                Value.of("VRouter"), "opposite_region", Value.of("cn-hangzhou")));
        assertTrue(plan(ChangeAction.CREATE, null, acceptor).isEmpty(), "only the initiator is charged");
        assertTrue(plan(ChangeAction.NO_OP, initiator("Large.1", "PostPaid"), initiator("Large.1", "PostPaid"))
                .isEmpty());
    }
}
