package dev.peerform.alicloud.reach;

import dev.peerform.net.Cidr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One router's routes, longest prefix first. A lookup is for a range, not only an address: a range that routes
 * of the table cut into parts is answered part by part, so that 100.64.0.0/10 reached through 100.64.0.0/11 and
 * 100.96.0.0/11 is one answer per half.
 */
final class RouteTable {

    /** A part of the asked range and the route that takes it (null: none). */
    record Piece(Cidr range, Route route) {
    }

    private final String routerId;
    private final String tableId;
    private final List<Route> routes;

    RouteTable(String routerId, String tableId, List<Route> routes) {
        this.routerId = routerId;
        this.tableId = tableId;
        List<Route> sorted = new ArrayList<>(routes);
        // at equal length a system route comes first: the cloud refuses a custom entry equal to a vswitch's range
        sorted.sort(Comparator.comparingInt((Route r) -> -r.destination().prefix())
                .thenComparing(r -> r.system() ? 0 : 1));
        this.routes = List.copyOf(sorted);
    }

    String routerId() {
        return routerId;
    }

    String tableId() {
        return tableId;
    }

    List<Route> routes() {
        return routes;
    }

    List<Piece> lookup(Cidr range) {
        Cidr d = range.network();
        Route best = null;
        boolean cut = false;
        for (Route r : routes) {
            Cidr rd = r.destination();
            if (rd.prefix() > d.prefix()) {
                if (d.contains(rd)) {
                    cut = true;
                    break;
                }
            } else if (rd.contains(d)) {
                best = r;
                break;
            }
        }
        if (!cut) {
            return List.of(new Piece(d, best));
        }
        List<Piece> low = lookup(d.subnet(1, BigInteger.ZERO));
        List<Piece> high = lookup(d.subnet(1, BigInteger.ONE));
        if (low.size() == 1 && high.size() == 1 && low.get(0).route() == high.get(0).route()) {
            return List.of(new Piece(d, low.get(0).route()));
        }
        List<Piece> out = new ArrayList<>(low);
        out.addAll(high);
        return out;
    }

    /** The longest route, other than {@code except}, whose destination holds the range. */
    Route containing(Cidr range, Route except) {
        for (Route r : routes) {
            if (r != except && r.destination().contains(range)) {
                return r;
            }
        }
        return null;
    }

    boolean hasDestination(Cidr destination) {
        return routes.stream().anyMatch(r -> !r.system() && r.destination().equals(destination.network()));
    }
}
