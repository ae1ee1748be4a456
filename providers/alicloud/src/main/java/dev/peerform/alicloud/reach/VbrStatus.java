package dev.peerform.alicloud.reach;

import java.util.Locale;

/** A VBR's status (DescribeVirtualBorderRouters spelling, lower case); only an active VBR forwards. */
public enum VbrStatus {
    UNCONFIRMED, ACTIVE, TERMINATING, TERMINATED, RECOVERING, DELETING;

    public static VbrStatus parse(String api) {
        return valueOf(api.trim().toUpperCase(Locale.ROOT));
    }

    public String api() {
        return name().toLowerCase(Locale.ROOT);
    }
}
