package dev.peerform.alicloud.reach;

import dev.peerform.net.Cidr;
import java.util.List;

/**
 * An ECS instance, only as far as the network decides: its vswitch, private address and groups. A planned
 * instance whose address the cloud will assign has {@code privateIp} null: any address of its vswitch.
 */
public record Instance(String id, String vswitchId, Cidr privateIp, List<String> securityGroups) {

    public Instance {
        securityGroups = List.copyOf(securityGroups);
    }
}
