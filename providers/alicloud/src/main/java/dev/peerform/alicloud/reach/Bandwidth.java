package dev.peerform.alicloud.reach;

/**
 * The path's bandwidth: the narrowest initiator spec crossed ({@code mbps} null when its spec has no known figure),
 * and, when the path joins a VPC and a VBR, the single-flow limit of a hash stream from the VPC to the VBR
 * (bandwidth / 12, best practices; null otherwise).
 */
public record Bandwidth(String initiatorId, String spec, Integer mbps, Double singleFlowMbps) {
}
