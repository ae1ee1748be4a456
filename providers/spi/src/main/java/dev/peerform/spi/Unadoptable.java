package dev.peerform.spi;

/** An object found in the cloud that no resource can take over, and why (a VPC's system route, for example). */
public record Unadoptable(String kind, String id, String reason) {
}
