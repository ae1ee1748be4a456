package dev.peerform.alicloud.reach;

/**
 * One end of a peering connection, as DescribeRouterInterfaces gives it. Two ends whose opposite ids name each
 * other form a pair; {@code business} matters on the initiator, the billed end.
 */
public record RouterInterface(String id, String routerId, Role role, InterfaceStatus status, String spec,
        String oppositeInterfaceId, BusinessStatus business) {
}
