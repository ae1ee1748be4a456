package dev.peerform.alicloud.reach;

import java.util.Locale;

/** A rule's {@code policy}. */
public enum Policy {
    ACCEPT, DROP;

    public String api() {
        return name().toLowerCase(Locale.ROOT);
    }
}
