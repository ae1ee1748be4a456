package dev.peerform.alicloud.rules;

import dev.peerform.alicloud.resources.ConnectionResource;
import dev.peerform.alicloud.resources.RouteEntryResource;
import dev.peerform.alicloud.resources.RouterInterfaceResource;
import dev.peerform.alicloud.resources.VbrResource;
import dev.peerform.alicloud.resources.VpcResource;
import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import dev.peerform.net.Cidr;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.ChangeView;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.StringValue;
import dev.peerform.value.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The cloud's rules that span resources, checked over the whole planned set (what is created and what stays)
 * before anything is applied: one connection between two routers, interfaces per router and per account, no
 * overlapping peered VPCs, one route per destination in a table, next hops on the table's own router, and routes
 * that come back (a warning). Each error names the resources and says how to fix it.
 */
public final class PlanChecks {

    /** Interfaces that exist in the cloud but not in this configuration, per router id and per provider key. */
    public interface Existing {
        int onRouter(String provider, String routerId, Set<String> managedIds);

        int inAccount(String provider, Set<String> managedIds);

        String account(String provider);
    }

    private record Node(ChangeView view, Set<String> self) {
    }

    private PlanChecks() {
    }

    public static void check(List<ChangeView> all, Existing existing, int perRouter, int perAccount,
            Diagnostics diags) {
        List<ChangeView> live = all.stream().filter(c -> c.action() != ChangeAction.DELETE).toList();
        List<Node> vpcs = nodes(live, VpcResource.TYPE, "router_id");
        List<Node> vbrs = nodes(live, VbrResource.TYPE, "id");
        List<Node> interfaces = nodes(live, RouterInterfaceResource.TYPE, "id");
        List<ChangeView> connections = live.stream().filter(c -> c.type().equals(ConnectionResource.TYPE)).toList();
        List<ChangeView> routes = live.stream().filter(c -> c.type().equals(RouteEntryResource.TYPE)).toList();

        oneConnectionPerRouterPair(connections, interfaces, diags);
        interfacesPerRouter(interfaces, existing, perRouter, diags);
        interfacesPerAccount(interfaces, existing, perAccount, diags);
        overlappingPeers(connections, interfaces, vpcs, diags);
        routeTables(routes, interfaces, vpcs, vbrs, connections, diags);
    }

    private static List<Node> nodes(List<ChangeView> views, String type, String idAttribute) {
        List<Node> out = new ArrayList<>();
        for (ChangeView v : views) {
            if (v.type().equals(type)) {
                Set<String> self = Identity.self(v.address(), v.current());
                String id = str(v.current(), idAttribute);
                if (id != null) {
                    self.add("id:" + id);
                }
                out.add(new Node(v, self));
            }
        }
        return out;
    }

    private static Node find(List<Node> nodes, Set<String> identity) {
        for (Node n : nodes) {
            if (Identity.meet(n.self, identity)) {
                return n;
            }
        }
        return null;
    }

    /** The router an interface is on: the VPC's or VBR's identity set, as an interface's router_id points at it. */
    private static Set<String> routerOf(Node ri) {
        return Identity.of(ri.view, "router_id");
    }

    private static void oneConnectionPerRouterPair(List<ChangeView> connections, List<Node> interfaces,
            Diagnostics diags) {
        record Pair(ChangeView view, Set<String> a, Set<String> b, Set<String> mine, Set<String> peer) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (ChangeView c : connections) {
            Node mine = find(interfaces, Identity.of(c, "interface_id"));
            Node peer = find(interfaces, Identity.of(c, "opposite_interface_id"));
            if (mine == null || peer == null) {
                continue;
            }
            pairs.add(new Pair(c, routerOf(mine), routerOf(peer), mine.self, peer.self));
        }
        Set<String> reported = new HashSet<>();
        for (int i = 0; i < pairs.size(); i++) {
            for (int j = i + 1; j < pairs.size(); j++) {
                Pair x = pairs.get(i);
                Pair y = pairs.get(j);
                boolean samePair = Identity.meet(x.mine, y.peer) && Identity.meet(x.peer, y.mine);
                boolean sameRouters = (Identity.meet(x.a, y.a) && Identity.meet(x.b, y.b))
                        || (Identity.meet(x.a, y.b) && Identity.meet(x.b, y.a));
                if (!samePair && sameRouters && reported.add(y.view.address())) {
                    diags.add(Diagnostic.errorAt(y.view.address(), "Two connections between the same two routers",
                            y.view.address() + " and " + x.view.address() + " would both join the same two "
                                    + "routers, but the cloud allows only one connected pair between two routers "
                                    + "(Forbidden.OnlyOneConnection). Remove one of them, or to change bandwidth "
                                    + "change the initiator's specification in place."));
                }
            }
        }
    }

    private static void interfacesPerRouter(List<Node> interfaces, Existing existing, int limit, Diagnostics diags) {
        Map<String, List<Node>> byRouter = new LinkedHashMap<>();
        for (Node ri : interfaces) {
            String key = routerKey(ri);
            if (key != null) {
                byRouter.computeIfAbsent(key, k -> new ArrayList<>()).add(ri);
            }
        }
        for (Map.Entry<String, List<Node>> e : byRouter.entrySet()) {
            List<Node> on = e.getValue();
            int outside = 0;
            String routerId = str(on.get(0).view.current(), "router_id");
            if (routerId != null) {
                Set<String> managed = new HashSet<>();
                on.forEach(n -> {
                    String id = str(n.view.current(), "id");
                    if (id != null) {
                        managed.add(id);
                    }
                });
                outside = existing.onRouter(on.get(0).view.provider(), routerId, managed);
            }
            if (on.size() + outside > limit) {
                diags.add(Diagnostic.errorAt(on.get(on.size() - 1).view.address(), "Too many interfaces on one "
                        + "router", "A router has at most " + limit + " router interfaces, but "
                        + names(on) + " would put " + on.size() + " on the same router"
                        + (outside > 0 ? ", which already has " + outside + " more not managed here" : "")
                        + " (LimitationExceed.InterfaceNumberOnRouter). Spread them over more routers or raise the "
                        + "quota."));
            }
        }
    }

    private static void interfacesPerAccount(List<Node> interfaces, Existing existing, int limit,
            Diagnostics diags) {
        Map<String, List<Node>> byAccount = new LinkedHashMap<>();
        for (Node ri : interfaces) {
            String account = existing.account(ri.view.provider());
            byAccount.computeIfAbsent(account == null ? ri.view.provider() : account, k -> new ArrayList<>()).add(ri);
        }
        for (Map.Entry<String, List<Node>> e : byAccount.entrySet()) {
            List<Node> mine = e.getValue();
            Set<String> managed = new HashSet<>();
            mine.forEach(n -> {
                String id = str(n.view.current(), "id");
                if (id != null) {
                    managed.add(id);
                }
            });
            int outside = existing.inAccount(mine.get(0).view.provider(), managed);
            if (mine.size() + outside > limit) {
                diags.add(Diagnostic.errorAt(mine.get(mine.size() - 1).view.address(), "Too many interfaces in one "
                        + "account", "An account has at most " + limit + " router interfaces; this plan would make "
                        + (mine.size() + outside) + " in account " + e.getKey() + " (" + mine.size() + " managed here"
                        + (outside > 0 ? ", " + outside + " more already there" : "") + ") (QuotaExceeded). Remove "
                        + "unused interfaces or ask for a larger quota."));
            }
        }
    }

    private static void overlappingPeers(List<ChangeView> connections, List<Node> interfaces, List<Node> vpcs,
            Diagnostics diags) {
        for (ChangeView c : connections) {
            Node mine = find(interfaces, Identity.of(c, "interface_id"));
            Node peer = find(interfaces, Identity.of(c, "opposite_interface_id"));
            if (mine == null || peer == null) {
                continue;
            }
            Node a = find(vpcs, routerOf(mine));
            Node b = find(vpcs, routerOf(peer));
            if (a == null || b == null) {
                continue;
            }
            String ca = str(a.view.current(), "cidr_block");
            String cb = str(b.view.current(), "cidr_block");
            try {
                if (ca != null && cb != null && Cidr.parse(ca).overlaps(Cidr.parse(cb))) {
                    diags.add(Diagnostic.errorAt(c.address(), "Peered VPCs overlap", c.address() + " would connect "
                            + a.view.address() + " (" + ca + ") and " + b.view.address() + " (" + cb + "), whose CIDR "
                            + "blocks overlap; the cloud refuses to interconnect overlapping VPCs "
                            + "(InvalidCidrBlock.Overlapped). Give one of them a range that does not overlap."));
                }
            } catch (IllegalArgumentException ignored) {
                // an invalid block is reported by the VPC's own check
            }
        }
    }

    private static void routeTables(List<ChangeView> routes, List<Node> interfaces, List<Node> vpcs, List<Node> vbrs,
            List<ChangeView> connections, Diagnostics diags) {
        BiFunction<ChangeView, String, String> tableKey = (r, attr) -> {
            Set<String> id = Identity.of(r, attr);
            return id.stream().sorted().findFirst().orElse(null);
        };
        Map<String, Map<String, ChangeView>> seen = new LinkedHashMap<>();
        for (ChangeView r : routes) {
            String dest = str(r.current(), "destination_cidrblock");
            String table = tableKey.apply(r, "route_table_id");
            if (dest != null && table != null) {
                String normal = normal(dest);
                ChangeView before = seen.computeIfAbsent(table, k -> new LinkedHashMap<>()).putIfAbsent(normal, r);
                if (before != null) {
                    diags.add(Diagnostic.errorAt(r.address(), "Duplicate route destination", r.address() + " and "
                            + before.address() + " both route " + normal + " in the same route table; a table holds "
                            + "one route per destination (InvalidCIDRBlock.Duplicate). Remove one of them."));
                }
            }
            if (!"RouterInterface".equals(str(r.current(), "nexthop_type"))) {
                continue;
            }
            Node hop = find(interfaces, Identity.of(r, "nexthop_id"));
            if (hop == null) {
                continue;
            }
            Set<String> tableIds = Identity.of(r, "route_table_id");
            Node tableOwner = null;
            for (Node n : concat(vpcs, vbrs)) {
                Set<String> t = new HashSet<>(Identity.self(n.view.address(), null));
                String tid = str(n.view.current(), "route_table_id");
                if (tid != null) {
                    t.add("id:" + tid);
                }
                if (Identity.meet(t, tableIds)) {
                    tableOwner = n;
                }
            }
            if (tableOwner != null && !Identity.meet(routerOf(hop), tableOwner.self)
                    && !Identity.meet(routerOf(hop), Identity.self(tableOwner.view.address(), null))) {
                diags.add(Diagnostic.errorAt(r.address(), "Next hop on another router", r.address() + " is in the "
                        + "route table of " + tableOwner.view.address() + ", but its next hop " + hop.view.address()
                        + " is an interface of another router. A route's next hop must be an interface of the router "
                        + "whose table it is in: use the interface on " + tableOwner.view.address() + "."));
            }
        }
        oneWayRouting(routes, interfaces, connections, diags);
    }

    /** A route over one end of a connection and none back over the other end: traffic could not return. */
    private static void oneWayRouting(List<ChangeView> routes, List<Node> interfaces, List<ChangeView> connections,
            Diagnostics diags) {
        for (ChangeView r : routes) {
            Node hop = find(interfaces, Identity.of(r, "nexthop_id"));
            if (hop == null) {
                continue;
            }
            Set<String> peerSelf = null;
            for (ChangeView c : connections) {
                if (Identity.meet(Identity.of(c, "interface_id"), hop.self)) {
                    Node peer = find(interfaces, Identity.of(c, "opposite_interface_id"));
                    peerSelf = peer == null ? null : peer.self;
                }
            }
            if (peerSelf == null) {
                continue;
            }
            final Set<String> peer = peerSelf;
            boolean back = routes.stream().anyMatch(x -> Identity.meet(Identity.of(x, "nexthop_id"), peer));
            if (!back) {
                diags.add(Diagnostic.warningAt(r.address(), "One-way routing", r.address() + " sends traffic over "
                        + hop.view.address() + ", but no route sends traffic back over the other end of that "
                        + "connection. Add a route in the peer's table whose next hop is the peer's interface."));
            }
        }
    }

    private static List<Node> concat(List<Node> a, List<Node> b) {
        List<Node> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String routerKey(Node ri) {
        Set<String> r = routerOf(ri);
        return r.stream().sorted().findFirst().orElse(null);
    }

    private static String names(List<Node> nodes) {
        return String.join(", ", nodes.stream().map(n -> n.view.address()).toList());
    }

    private static String normal(String cidr) {
        try {
            return Cidr.parse(cidr).network().toString();
        } catch (IllegalArgumentException e) {
            return cidr;
        }
    }

    static String str(ObjectValue o, String name) {
        if (o == null) {
            return null;
        }
        Value v = o.get(name);
        return v != null && v.isKnown() && !v.isNull() && v.unmarked() instanceof StringValue s ? s.value() : null;
    }
}
