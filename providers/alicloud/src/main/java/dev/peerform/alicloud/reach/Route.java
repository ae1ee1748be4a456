package dev.peerform.alicloud.reach;

import dev.peerform.net.Cidr;

/** A route as the walk sees it: a custom entry, or a system route ({@code entry} null) the cloud made itself. */
record Route(Cidr destination, Kind kind, String nextHopId, RouteEntry entry) {

    enum Kind {
        VSWITCH, CLOUD_SERVICES, ROUTER_INTERFACE, PHYSICAL_CONNECTION, BLACKHOLE, OTHER
    }

    static Route of(RouteEntry e) {
        Kind kind = switch (e.kind()) {
            case ROUTER_INTERFACE -> Kind.ROUTER_INTERFACE;
            case PHYSICAL_CONNECTION -> Kind.PHYSICAL_CONNECTION;
            case BLACKHOLE -> Kind.BLACKHOLE;
            case OTHER -> Kind.OTHER;
        };
        return new Route(e.destination().network(), kind, e.nextHopId(), e);
    }

    boolean system() {
        return entry == null;
    }

    String nextHopType() {
        return switch (kind) {
            case VSWITCH -> "Local";
            case CLOUD_SERVICES -> "Service";
            default -> entry.nextHopType();
        };
    }
}
