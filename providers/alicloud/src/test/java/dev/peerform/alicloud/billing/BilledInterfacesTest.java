package dev.peerform.alicloud.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.value.Type;
import dev.peerform.value.Value;
import dev.peerform.vpcapi.billing.ChargeType;
import dev.peerform.vpcapi.domain.Role;
import dev.peerform.vpcapi.domain.RouterType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BilledInterfacesTest {

    @Test
    void oldResourceIsPostPaidByDefaultAndReadsSpecificationAndOppositeRegion() {
        BilledInterface b = BilledInterfaces.from("alicloud_router_interface", Map.of("role", Value.of("InitiatingSide"),
                "specification", Value.of("Large.1"), "router_type", Value.of("VRouter"),
                "opposite_region", Value.of("cn-beijing")), "cn-hangzhou").orElseThrow();
        assertEquals(new BilledInterface(Role.INITIATOR, "Large.1", RouterType.VROUTER, "cn-hangzhou", "cn-beijing",
                ChargeType.POST_PAID), b);
    }

    @Test
    void newResourceReadsPaymentTypeSubscriptionAsPrePaid() {
        BilledInterface b = BilledInterfaces.from("alicloud_express_connect_router_interface", Map.of(
                "role", Value.of("InitiatingSide"), "spec", Value.of("Large.2"), "router_type", Value.of("VBR"),
                "opposite_region_id", Value.of("cn-hangzhou"), "payment_type", Value.of("Subscription")),
                "cn-hangzhou").orElseThrow();
        assertEquals(ChargeType.PRE_PAID, b.chargeType());
        assertEquals("Large.2", b.spec());
        assertEquals(RouterType.VBR, b.routerType());
    }

    @Test
    void attributeKnownOnlyAfterApplyStaysUnknown() {
        BilledInterface b = BilledInterfaces.from("alicloud_express_connect_router_interface", Map.of(
                "role", Value.of("InitiatingSide"), "spec", Value.unknown(Type.STRING),
                "payment_type", Value.unknown(Type.STRING)), "cn-hangzhou").orElseThrow();
        assertNull(b.spec());
        assertNull(b.chargeType());
    }

    @Test
    void otherResourcesAreNotBilledHere() {
        assertTrue(BilledInterfaces.from("alicloud_vpc", Map.of(), "cn-hangzhou").isEmpty());
    }
}
