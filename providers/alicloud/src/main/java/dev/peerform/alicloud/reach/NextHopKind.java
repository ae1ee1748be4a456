package dev.peerform.alicloud.reach;

/**
 * What a route does with a packet, for the walk. The cloud's own next hop types are RouterInterface and
 * PhysicalConnection (the ones a peering uses); Blackhole stands for a route that discards (as CEN and transit
 * routers program it); any other type (Instance, VpnGateway, NatGateway...) leaves the modelled network.
 */
public enum NextHopKind {
    ROUTER_INTERFACE, PHYSICAL_CONNECTION, BLACKHOLE, OTHER;

    static NextHopKind of(String apiType) {
        if (apiType == null) {
            return OTHER;
        }
        switch (apiType) {
            case "RouterInterface":
                return ROUTER_INTERFACE;
            case "PhysicalConnection":
                return PHYSICAL_CONNECTION;
            default:
                return apiType.equalsIgnoreCase("blackhole") ? BLACKHOLE : OTHER;
        }
    }
}
