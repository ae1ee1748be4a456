package dev.peerform.alicloud.reach;

import dev.peerform.net.Cidr;

/** A custom route entry of a VPC's or a VBR's table, next hop type in the API's spelling. */
public record RouteEntry(String routeTableId, Cidr destination, String nextHopType, String nextHopId) {

    public NextHopKind kind() {
        return NextHopKind.of(nextHopType);
    }
}
