package dev.peerform.vpcapi.billing;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a router interface is billed. The API and the two official resources spell the same two methods three ways:
 * {@code CreateRouterInterface}'s {@code InstanceChargeType} and {@code alicloud_router_interface.instance_charge_type}
 * say PostPaid / PrePaid; {@code alicloud_express_connect_router_interface.payment_type} says PayAsYouGo /
 * Subscription; the describe answers' {@code ChargeType} says AfterPay / PrePaid (the official provider also reads
 * {@code Prepaid}, and takes anything that is not prepaid as pay-as-you-go).
 */
public enum ChargeType {
    POST_PAID("PostPaid", "PayAsYouGo"),
    PRE_PAID("PrePaid", "Subscription");

    private final String instanceChargeType;
    private final String paymentType;

    ChargeType(String instanceChargeType, String paymentType) {
        this.instanceChargeType = instanceChargeType;
        this.paymentType = paymentType;
    }

    /** The API's {@code InstanceChargeType} and the old resource's {@code instance_charge_type}. */
    public String instanceChargeType() {
        return instanceChargeType;
    }

    /** The new resource's {@code payment_type}. */
    public String paymentType() {
        return paymentType;
    }

    /** Exact match of PostPaid / PrePaid, as the old resource's validator checks it. */
    public static Optional<ChargeType> fromInstanceChargeType(String value) {
        return Arrays.stream(values()).filter(c -> c.instanceChargeType.equals(value)).findFirst();
    }

    /** Exact match of PayAsYouGo / Subscription, as the new resource's validator checks it. */
    public static Optional<ChargeType> fromPaymentType(String value) {
        return Arrays.stream(values()).filter(c -> c.paymentType.equals(value)).findFirst();
    }

    /** A describe answer's {@code ChargeType}: prepaid in either case is a subscription, anything else is not. */
    public static ChargeType fromDescribed(String chargeType) {
        return chargeType != null && chargeType.equalsIgnoreCase("PrePaid") ? PRE_PAID : POST_PAID;
    }
}
