package dev.peerform.alicloud.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.PlannedInstance;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Value;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The billing arguments of alicloud_router_interface at plan time (domain.md, "Billing"). */
class RouterInterfaceBillingTest {

    private final RouterInterfaceResource resource = new RouterInterfaceResource();

    private static ObjectValue config(String role, String charge, Integer period) {
        Map<String, Value> m = new HashMap<>(Map.of("role", Value.of(role), "router_type", Value.of("VRouter"),
                "router_id", Value.of("vrt-1"), "opposite_region", Value.of("cn-hangzhou"),
                "instance_charge_type", Value.of(charge)));
        if (period != null) {
            m.put("period", Value.of(period));
        }
        return new ObjectValue(m);
    }

    private Diagnostics validate(ObjectValue config) {
        Diagnostics d = new Diagnostics();
        resource.validate(config, d);
        return d;
    }

    private static boolean hasError(Diagnostics d, String text) {
        return d.list().stream().filter(Diagnostic::isError).anyMatch(x -> x.detail().contains(text));
    }

    @Test
    void aPrePaidAcceptorIsRefusedNamingTheRule() {
        Diagnostics d = validate(config("AcceptingSide", "PrePaid", 1));
        assertTrue(hasError(d, "Forbidden.AcceptRoleNotSupportPrePay"), d.list().toString());
        assertTrue(hasError(d, "only the initiator is charged"), d.list().toString());
    }

    @Test
    void subscriptionPeriodsAreOneToNineMonthsOrOneToThreeYears() {
        for (int ok : new int[] {1, 9, 12, 24, 36}) {
            assertFalse(validate(config("InitiatingSide", "PrePaid", ok)).hasErrors(), ok + " months is sold");
        }
        for (int bad : new int[] {0, 10, 11, 13, 48}) {
            assertTrue(hasError(validate(config("InitiatingSide", "PrePaid", bad)), "1-9 months or 1-3 years"),
                    bad + " months is not sold");
        }
    }

    @Test
    void switchingPayAsYouGoToSubscriptionReplacesAsTheOfficialProviderDoes() {
        ObjectValue prior = ObjectValues.complete(new ObjectValue(Map.of("id", Value.of("ri-1"), "role",
                Value.of("InitiatingSide"), "router_type", Value.of("VRouter"), "router_id", Value.of("vrt-1"),
                "opposite_region", Value.of("cn-hangzhou"), "instance_charge_type", Value.of("PostPaid"),
                "specification", Value.of("Large.1"))), resource.schema());
        PlannedInstance p = resource.plan(prior, config("InitiatingSide", "PrePaid", 1));
        assertTrue(p.requiresReplace().contains("instance_charge_type"),
                "the official schema marks instance_charge_type ForceNew: " + p.requiresReplace());
    }

    @Test
    void switchingTheNewResourceToSubscriptionReplacesItToo() {
        ExpressConnectRouterInterfaceResource express = new ExpressConnectRouterInterfaceResource();
        Map<String, Value> m = new HashMap<>(Map.of("role", Value.of("InitiatingSide"), "router_type",
                Value.of("VRouter"), "router_id", Value.of("vrt-1"), "opposite_region_id", Value.of("cn-hangzhou"),
                "spec", Value.of("Large.1"), "payment_type", Value.of("PayAsYouGo")));
        Map<String, Value> stored = new HashMap<>(m);
        stored.put("id", Value.of("ri-1"));
        ObjectValue prior = ObjectValues.complete(new ObjectValue(stored), express.schema());
        m.put("payment_type", Value.of("Subscription"));
        PlannedInstance p = express.plan(prior, new ObjectValue(m));
        assertTrue(p.requiresReplace().contains("payment_type"),
                "the official schema marks payment_type ForceNew and the API cannot switch it: "
                        + p.requiresReplace());
    }

    @Test
    void anOverdueOrLockedSubscriptionIsPlannedForRenewal() {
        for (String status : new String[] {"Overdue", "FinancialLocked"}) {
            Map<String, Value> m = new HashMap<>(Map.of("id", Value.of("ri-1"), "role", Value.of("InitiatingSide"),
                    "router_type", Value.of("VRouter"), "router_id", Value.of("vrt-1"), "opposite_region",
                    Value.of("cn-hangzhou"), "instance_charge_type", Value.of("PrePaid"), "specification",
                    Value.of("Large.1"), "period", Value.of(1), "business_status", Value.of(status)));
            m.put("end_time", Value.of("2026-12-01T00:00:00Z"));
            ObjectValue prior = ObjectValues.complete(new ObjectValue(m), resource.schema());
            PlannedInstance p = resource.plan(prior, config("InitiatingSide", "PrePaid", 1));
            assertEquals(Value.of("Normal"), p.planned().get("business_status"), status);
            assertTrue(p.requiresReplace().isEmpty(), "renewed in place: " + p.requiresReplace());
        }
    }
}
