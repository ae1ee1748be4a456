package dev.peerform.alicloud.reach;

import java.util.Locale;

/** {@code ip_protocol} (the ones a reach probe can name). */
public enum Protocol {
    TCP, UDP, ICMP, ALL;

    public static Protocol parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    public String api() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean hasPorts() {
        return this == TCP || this == UDP;
    }
}
