package dev.peerform.alicloud.reach;

import java.util.Locale;

/** A rule's {@code type}. */
public enum Direction {
    INGRESS, EGRESS;

    public String api() {
        return name().toLowerCase(Locale.ROOT);
    }
}
