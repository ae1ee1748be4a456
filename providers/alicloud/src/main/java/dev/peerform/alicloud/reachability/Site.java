package dev.peerform.alicloud.reachability;

/** Where a provider configuration's objects live: its region and its account (null when it cannot say). */
public record Site(String region, String account) {
}
