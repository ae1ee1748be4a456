package dev.peerform.vpcapi.billing;

/** Where an initiator stands on its bill's timeline. */
public enum Phase {
    /** Paid up: forwarding. */
    IN_SERVICE,
    /** Past its due date, still forwarding: the first 15 days overdue. */
    OVERDUE,
    /** Overdue for 15 days or more: locked (FinancialLocked), not forwarding, configuration kept. */
    STOPPED,
    /** 15 days stopped: released, its configuration cleared; no renewal brings it back. */
    RELEASED
}
