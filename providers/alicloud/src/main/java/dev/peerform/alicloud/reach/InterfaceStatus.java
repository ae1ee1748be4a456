package dev.peerform.alicloud.reach;

/** A router interface's status, in the API's spelling (domain.md, "Statuses"). Only Active forwards. */
public enum InterfaceStatus {
    Idle, Connecting, AcceptingConnecting, Active, Deactivating, Inactive, Activating, Deleting, Modifying;

    /** Passing through: the cloud will settle it by itself. */
    boolean transitional() {
        return this == Connecting || this == AcceptingConnecting || this == Deactivating || this == Activating
                || this == Modifying;
    }
}
