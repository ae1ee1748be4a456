package dev.peerform.alicloud.reach;

import java.util.Optional;

/**
 * Whether the initiator's bill lets it forward: an overdue subscription stops forwarding (locked), and after the
 * grace period the instance is released and its configuration cleared (domain.md, "Billing").
 */
public enum BusinessStatus {
    FORWARDING, OVERDUE_LOCKED, RELEASED;

    /** The API's BusinessStatus: Normal forwards; FinancialLocked and SecurityLocked do not. */
    public static BusinessStatus parse(String api) {
        if (api == null) {
            return FORWARDING;
        }
        return of(dev.peerform.vpcapi.billing.BusinessStatus.parse(api).or(() -> Optional.of(
                dev.peerform.vpcapi.billing.BusinessStatus.FinancialLocked)));
    }

    /** The bill's status as reach sees it: none (released) is gone, a locked one is down. */
    public static BusinessStatus of(Optional<dev.peerform.vpcapi.billing.BusinessStatus> billing) {
        if (billing.isEmpty()) {
            return RELEASED;
        }
        return billing.get().forwards() ? FORWARDING : OVERDUE_LOCKED;
    }
}
