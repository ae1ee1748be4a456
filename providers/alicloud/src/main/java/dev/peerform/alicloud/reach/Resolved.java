package dev.peerform.alicloud.reach;

import dev.peerform.net.Cidr;

/**
 * An endpoint placed in the model: the router it hangs off, the addresses it stands for, and the range a fix
 * should name (the peer VPC's or data centre's, as the guide writes routes and CIDR rules).
 */
record Resolved(String display, Side side, String homeRouterId, Cidr range, Cidr network, Instance instance,
        String region, String account, boolean wholeVpc) {

    enum Side {
        VPC, DATA_CENTRE, CLOUD_SERVICES
    }
}
