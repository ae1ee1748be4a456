package dev.peerform.vpcapi.billing;

import dev.peerform.vpcapi.domain.Role;
import java.util.Optional;

/**
 * Who pays and what may be bought (domain.md, "Roles" and "Billing"): only the initiator is charged; an acceptor is
 * free, and one created on its own must be pay-as-you-go.
 */
public final class ChargeRules {

    /** The cloud's answer to a PrePaid acceptor (HTTP 400). */
    public static final String PREPAID_ACCEPTOR_CODE = "Forbidden.AcceptRoleNotSupportPrePay";

    private ChargeRules() {
    }

    /** Only the initiator of a connection appears on the bill. */
    public static boolean isCharged(Role role) {
        return role == Role.INITIATOR;
    }

    /** The refusal of creating an interface with this role and billing, or empty when the cloud accepts it. */
    public static Optional<Refusal> refusalOnCreate(Role role, ChargeType chargeType) {
        if (role == Role.ACCEPTOR && chargeType == ChargeType.PRE_PAID) {
            return Optional.of(new Refusal(PREPAID_ACCEPTOR_CODE, "An acceptor created on its own must be "
                    + "pay-as-you-go (PostPaid): the acceptor is free, only the initiator is charged, so there is no "
                    + "subscription to buy for it."));
        }
        return Optional.empty();
    }

    /** A rule the cloud would refuse a request with: its error code and the reason in words. */
    public record Refusal(String code, String message) {
    }
}
