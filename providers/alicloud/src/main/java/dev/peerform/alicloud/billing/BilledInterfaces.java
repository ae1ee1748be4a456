package dev.peerform.alicloud.billing;

import dev.peerform.value.NullValue;
import dev.peerform.value.SensitiveValue;
import dev.peerform.value.StringValue;
import dev.peerform.value.UnknownValue;
import dev.peerform.value.Value;
import dev.peerform.vpcapi.billing.ChargeType;
import dev.peerform.vpcapi.domain.Role;
import dev.peerform.vpcapi.domain.RouterType;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what the bill depends on from a router interface's attributes, under the names of the two official
 * resources: {@code alicloud_router_interface} (specification, opposite_region, instance_charge_type, default
 * PostPaid) and {@code alicloud_express_connect_router_interface} (spec, opposite_region_id, payment_type, which the
 * cloud defaults to pay-as-you-go). An unknown attribute stays unknown (null) in the result.
 */
public final class BilledInterfaces {

    public static final String OLD_RESOURCE = "alicloud_router_interface";
    public static final String NEW_RESOURCE = "alicloud_express_connect_router_interface";

    private BilledInterfaces() {
    }

    /**
     * The interface's billing facts, or empty when {@code resourceType} is not a router interface.
     *
     * @param region the interface's own region (the provider's), null when known only after apply
     */
    public static Optional<BilledInterface> from(String resourceType, Map<String, Value> attributes, String region) {
        boolean old = OLD_RESOURCE.equals(resourceType);
        if (!old && !NEW_RESOURCE.equals(resourceType)) {
            return Optional.empty();
        }
        Role role = Role.fromApiName(text(attributes, "role")).orElse(null);
        String spec = text(attributes, old ? "specification" : "spec");
        if (role == Role.ACCEPTOR && spec == null) {
            spec = "Negative";
        }
        RouterType routerType = RouterType.fromApiName(text(attributes, "router_type")).orElse(null);
        String opposite = text(attributes, old ? "opposite_region" : "opposite_region_id");
        ChargeType charge;
        if (old) {
            String ict = text(attributes, "instance_charge_type");
            charge = isUnknown(attributes.get("instance_charge_type")) ? null
                    : ict == null ? ChargeType.POST_PAID : ChargeType.fromInstanceChargeType(ict).orElse(null);
        } else {
            String pt = text(attributes, "payment_type");
            charge = isUnknown(attributes.get("payment_type")) ? null
                    : pt == null ? ChargeType.POST_PAID : ChargeType.fromPaymentType(pt).orElse(null);
        }
        return Optional.of(new BilledInterface(role, spec, routerType, region, opposite, charge));
    }

    /** Whether resources of this type are router interfaces, whose initiators are billed. */
    public static boolean isRouterInterface(String resourceType) {
        return OLD_RESOURCE.equals(resourceType) || NEW_RESOURCE.equals(resourceType);
    }

    private static String text(Map<String, Value> attributes, String name) {
        Value v = attributes.get(name);
        while (v instanceof SensitiveValue s) {
            v = s.inner();
        }
        return v instanceof StringValue s ? s.value() : null;
    }

    private static boolean isUnknown(Value v) {
        while (v instanceof SensitiveValue s) {
            v = s.inner();
        }
        return v instanceof UnknownValue || (v != null && !(v instanceof StringValue) && !(v instanceof NullValue));
    }
}
