package dev.peerform.alicloud.reach;

/**
 * Whether the initiator's bill lets it forward: an overdue subscription stops forwarding (locked), and after the
 * grace period the instance is released and its configuration cleared (domain.md, "Billing").
 */
public enum BusinessStatus {
    FORWARDING, OVERDUE_LOCKED, RELEASED;

    /** The API's BusinessStatus: Normal forwards; FinancialLocked and SecurityLocked do not. */
    public static BusinessStatus parse(String api) {
        if (api == null || api.equals("Normal")) {
            return FORWARDING;
        }
        return OVERDUE_LOCKED;
    }
}
