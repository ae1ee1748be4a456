package dev.peerform.alicloud.reach;

import dev.peerform.net.Cidr;
import java.util.List;

/**
 * A VPC with its VRouter's route table. Only the custom entries are given: the system routes (one per vswitch,
 * and 100.64.0.0/10 toward the cloud services) follow from the vswitches, as the cloud creates them.
 */
public record Vpc(String id, String region, String account, Cidr cidr, String routerId, String routeTableId,
        List<RouteEntry> routes) {

    public Vpc {
        routes = List.copyOf(routes);
    }
}
