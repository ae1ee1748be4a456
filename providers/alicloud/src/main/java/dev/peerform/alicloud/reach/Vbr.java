package dev.peerform.alicloud.reach;

import dev.peerform.net.Cidr;
import java.util.List;

/**
 * A virtual border router on a physical connection. {@code onPremises} are the data-centre ranges the user knows
 * to be behind the leased line (when empty, the destinations of the routes toward the physical connection stand in).
 */
public record Vbr(String id, String region, String account, String physicalConnectionId, String routeTableId,
        VbrStatus status, List<RouteEntry> routes, List<Cidr> onPremises) {

    public Vbr {
        routes = List.copyOf(routes);
        onPremises = List.copyOf(onPremises);
    }
}
