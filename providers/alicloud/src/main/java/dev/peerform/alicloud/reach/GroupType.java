package dev.peerform.alicloud.reach;

/** {@code security_group_type}: normal (basic) or enterprise (advanced). */
public enum GroupType {
    NORMAL, ENTERPRISE
}
