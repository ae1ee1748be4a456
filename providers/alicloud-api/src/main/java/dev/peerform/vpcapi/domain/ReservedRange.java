package dev.peerform.vpcapi.domain;

import dev.peerform.net.Cidr;
import java.util.List;

/**
 * 100.64.0.0/10 is reserved in a VPC for the cloud's services (AnyTunnel): a route to all of it is refused, and on a
 * VBR it is routed as its two /11 halves instead (domain.md, "Limits and quotas").
 */
public final class ReservedRange {

    public static final Cidr CLOUD_SERVICES = Cidr.parse("100.64.0.0/10");
    /** The halves a route to the cloud services' range is split into. */
    public static final List<Cidr> HALVES = List.of(Cidr.parse("100.64.0.0/11"), Cidr.parse("100.96.0.0/11"));

    private ReservedRange() {
    }

    /** A destination the cloud refuses: an IPv4 block that covers the whole reserved range. */
    public static boolean coveredBy(Cidr destination) {
        return destination.isIpv4() && destination.prefix() >= 1 && destination.prefix() <= CLOUD_SERVICES.prefix()
                && destination.contains(CLOUD_SERVICES);
    }

    /** "\"100.64.0.0/11\" and \"100.96.0.0/11\"", for messages that tell the user what to write instead. */
    public static String halvesQuoted() {
        return "\"" + HALVES.get(0) + "\" and \"" + HALVES.get(1) + "\"";
    }
}
