package dev.peerform.alicloud.reach;

import java.util.List;

/**
 * A security group. {@code innerAccessAccept} is a basic group's internal policy (instances of the group may reach
 * each other; the default); an enterprise group has none and denies by default both ways.
 */
public record SecurityGroup(String id, String region, String account, String vpcId, GroupType type,
        boolean innerAccessAccept, List<SecurityGroupRule> rules) {

    public SecurityGroup {
        rules = List.copyOf(rules);
    }
}
