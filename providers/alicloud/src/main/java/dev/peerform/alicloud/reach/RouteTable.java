package dev.peerform.alicloud.reach;

import dev.peerform.net.Cidr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One router's routes, by prefix length, so that a longest-prefix match is one probe per length present (a table
 * may hold hundreds of entries and a path cross hundreds of tables). A lookup is for a range, not only an address:
 * a range that routes of the table cut into parts is answered part by part, so that 100.64.0.0/10 reached through
 * 100.64.0.0/11 and 100.96.0.0/11 is one answer per half.
 */
final class RouteTable {

    /** A part of the asked range and the route that takes it (null: none). */
    record Piece(Cidr range, Route route) {
    }

    private final String routerId;
    private final String tableId;
    /** Prefix length -> network address -> route; lengths longest first. */
    private final Map<Integer, TreeMap<BigInteger, Route>> byLength = new HashMap<>();
    private final int[] lengths;

    /**
     * Routes in the table's order; at equal destination the first stays: system routes are given first, as the
     * cloud refuses a custom entry equal to a vswitch's range or to another entry.
     */
    RouteTable(String routerId, String tableId, List<Route> routes) {
        this.routerId = routerId;
        this.tableId = tableId;
        for (Route r : routes) {
            byLength.computeIfAbsent(r.destination().prefix(), k -> new TreeMap<>())
                    .putIfAbsent(r.destination().address(), r);
        }
        this.lengths = byLength.keySet().stream().sorted((a, b) -> b - a).mapToInt(Integer::intValue).toArray();
    }

    String routerId() {
        return routerId;
    }

    String tableId() {
        return tableId;
    }

    List<Piece> lookup(Cidr range) {
        Cidr d = range.network();
        if (!cut(d)) {
            return List.of(new Piece(d, containing(d, null)));
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

    /** Whether a route lies strictly inside the range. */
    private boolean cut(Cidr d) {
        if (d.prefix() == d.bits()) {
            return false;
        }
        BigInteger first = d.address();
        BigInteger last = first.add(d.size()).subtract(BigInteger.ONE);
        for (int len : lengths) {
            if (len <= d.prefix()) {
                break;
            }
            if (!byLength.get(len).subMap(first, true, last, true).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The longest route, other than {@code except}, whose destination holds the range. */
    Route containing(Cidr range, Route except) {
        for (int len : lengths) {
            if (len > range.prefix()) {
                continue;
            }
            Route r = byLength.get(len).get(new Cidr(range.address(), len, range.bits()).network().address());
            if (r != null && r != except) {
                return r;
            }
        }
        return null;
    }

    boolean hasDestination(Cidr destination) {
        Cidr d = destination.network();
        TreeMap<BigInteger, Route> m = byLength.get(d.prefix());
        Route r = m == null ? null : m.get(d.address());
        return r != null && !r.system();
    }
}
