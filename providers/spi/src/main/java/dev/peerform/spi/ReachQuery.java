package dev.peerform.spi;

/**
 * What {@code peerform reach} asks: FROM and TO as typed (a resource address, or {@code ADDRESS:IP}), the traffic
 * ({@code protocol} tcp, udp, icmp or all, null for the provider's default; {@code port} null for every port), and
 * whether the answer is wanted as JSON. {@code predicted} says the world is a plan's, not the cloud's.
 */
public record ReachQuery(String from, String to, String protocol, Integer port, boolean json, boolean predicted) {
}
