package dev.peerform.alicloud.reach;

import dev.peerform.net.Cidr;

/**
 * One rule of a group, as alicloud_security_group_rule writes it: the peer is a CIDR block ({@code cidr_ip}) or a
 * group ({@code source_security_group_id}, with {@code source_group_owner_account} when that group is another
 * account's). For egress the peer is the destination. Priority 1-100, 1 first.
 */
public record SecurityGroupRule(Direction direction, Protocol protocol, PortRange ports, Cidr cidr,
        String peerGroupId, String peerGroupOwnerAccount, int priority, Policy policy) {

    public SecurityGroupRule {
        if ((cidr == null) == (peerGroupId == null)) {
            throw new IllegalArgumentException("a rule names either a CIDR block or a security group");
        }
        if (priority < 1 || priority > 100) {
            throw new IllegalArgumentException("priority " + priority + " is outside 1-100");
        }
    }

    public static SecurityGroupRule cidr(Direction direction, Protocol protocol, PortRange ports, Cidr cidr,
            int priority, Policy policy) {
        return new SecurityGroupRule(direction, protocol, ports, cidr, null, null, priority, policy);
    }

    public static SecurityGroupRule group(Direction direction, Protocol protocol, PortRange ports, String groupId,
            String ownerAccount, int priority, Policy policy) {
        return new SecurityGroupRule(direction, protocol, ports, null, groupId, ownerAccount, priority, policy);
    }
}
