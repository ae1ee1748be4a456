package dev.peerform.vpcapi.domain;

/** A router interface's status, spelled as the API spells it. */
public enum Status {
    Idle, Connecting, AcceptingConnecting, Active, Deactivating, Inactive, Activating, Modifying, Deleting;

    /** Transitional statuses pass by themselves once their duration is over. */
    public boolean isTransitional() {
        return switch (this) {
            case Connecting, AcceptingConnecting, Deactivating, Activating, Modifying, Deleting -> true;
            default -> false;
        };
    }
}
