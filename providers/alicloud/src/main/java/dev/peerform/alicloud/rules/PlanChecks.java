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

        /** The destinations the cloud's route table has routes to (normalised CIDRs). */
        Set<String> routeDestinations(String provider, String tableId);
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
        unmanagedRoutes(all, existing, diags);
    }

    private static List<Node> nodes(List<ChangeView> views, String type, String idAttribute) {
        List<Node> out = new ArrayList<>();
        for (ChangeView v : views) {
            if (v.type().equals(type)) {
                Set<String> self = Identity.self(v.address().toString(), v.current());
                String id = str(v.current(), idAttribute);
                if (id != null) {
                    self.add("id:" + id);
                }
                out.add(new Node(v, self));
            }
        }
        return out;
    }

    /** Nodes by every identity token they answer to, so that finding one costs a few lookups, not a scan. */
    private static final class Index {
        private final Map<String, Node> byToken = new java.util.HashMap<>();

        Index(List<Node> nodes) {
            for (Node n : nodes) {
                n.self.forEach(t -> byToken.putIfAbsent(t, n));
            }
        }

        Node find(Set<String> identity) {
            for (String t : identity) {
                Node n = byToken.get(t);
                if (n != null) {
                    return n;
                }
            }
            return null;
        }
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
        Index index = new Index(interfaces);
        // connections grouped by the (unordered) pair of routers they join; the two sides of one pair share a group
        Map<String, List<ChangeView>> byRouters = new LinkedHashMap<>();
        Map<ChangeView, String[]> ends = new java.util.HashMap<>();
        for (ChangeView c : connections) {
            Node mine = index.find(Identity.of(c, "interface_id"));
            Node peer = index.find(Identity.of(c, "opposite_interface_id"));
            if (mine == null || peer == null) {
                continue;
            }
            String a = first(routerOf(mine));
            String b = first(routerOf(peer));
            if (a == null || b == null) {
                continue;
            }
            String key = a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
            byRouters.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
            ends.put(c, new String[] {first(mine.self), first(peer.self)});
        }
        for (List<ChangeView> group : byRouters.values()) {
            Set<String> pairs = new java.util.LinkedHashSet<>();
            ChangeView firstSeen = null;
            for (ChangeView c : group) {
                String[] e = ends.get(c);
                String pair = e[0].compareTo(e[1]) < 0 ? e[0] + "|" + e[1] : e[1] + "|" + e[0];
                if (pairs.isEmpty()) {
                    firstSeen = c;
                }
                if (pairs.add(pair) && pairs.size() > 1) {
                    diags.add(Diagnostic.errorAt(c.address().toString(), "Two connections between the same two routers",
                            c.address() + " and " + firstSeen.address() + " would both join the same two routers, "
                                    + "but the cloud allows only one connected pair between two routers "
                                    + "(Forbidden.OnlyOneConnection). Remove one of them, or to change bandwidth "
                                    + "change the initiator's specification in place.")
                                    .withAttribute("opposite_interface_id"));
                }
            }
        }
    }

    /** The identity token a set is grouped by: the resource reference when there is one, else the id. */
    private static String first(Set<String> identity) {
        return identity.stream().filter(t -> t.startsWith("ref:")).sorted().findFirst()
                .orElse(identity.stream().sorted().findFirst().orElse(null));
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
                diags.add(Diagnostic.errorAt(on.get(on.size() - 1).view.address().toString(), "Too many interfaces on one "
                        + "router", "A router has at most " + limit + " router interfaces, but "
                        + names(on) + " would put " + on.size() + " on the same router"
                        + (outside > 0 ? ", which already has " + outside + " more not managed here" : "")
                        + " (LimitationExceed.InterfaceNumberOnRouter). Spread them over more routers or raise the "
                        + "quota.").withAttribute("router_id"));
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
                diags.add(Diagnostic.errorAt(mine.get(mine.size() - 1).view.address().toString(), "Too many interfaces in one "
                        + "account", "An account has at most " + limit + " router interfaces; this plan would make "
                        + (mine.size() + outside) + " in account " + e.getKey() + " (" + mine.size() + " managed here"
                        + (outside > 0 ? ", " + outside + " more already there" : "") + ") (QuotaExceeded). Remove "
                        + "unused interfaces or ask for a larger quota."));
            }
        }
    }

    private static void overlappingPeers(List<ChangeView> connections, List<Node> interfaces, List<Node> vpcs,
            Diagnostics diags) {
        Index ris = new Index(interfaces);
        Index vpcIndex = new Index(vpcs);
        for (ChangeView c : connections) {
            Node mine = ris.find(Identity.of(c, "interface_id"));
            Node peer = ris.find(Identity.of(c, "opposite_interface_id"));
            if (mine == null || peer == null) {
                continue;
            }
            Node a = vpcIndex.find(routerOf(mine));
            Node b = vpcIndex.find(routerOf(peer));
            if (a == null || b == null) {
                continue;
            }
            String ca = str(a.view.current(), "cidr_block");
            String cb = str(b.view.current(), "cidr_block");
            try {
                if (ca != null && cb != null && Cidr.parse(ca).overlaps(Cidr.parse(cb))) {
                    diags.add(Diagnostic.errorAt(c.address().toString(), "Peered VPCs overlap", c.address() + " would connect "
                            + a.view.address() + " (" + ca + ") and " + b.view.address() + " (" + cb + "), whose CIDR "
                            + "blocks overlap; the cloud refuses to interconnect overlapping VPCs "
                            + "(InvalidCidrBlock.Overlapped). Give one of them a range that does not overlap.")
                            .withAttribute("opposite_interface_id"));
                }
            } catch (IllegalArgumentException ignored) {
                // an invalid block is reported by the VPC's own check
            }
        }
    }

    /**
     * A new route whose destination the table already has, in an entry peerform does not manage (made in the
     * console, or forgotten with {@code state rm}): the cloud would refuse it (InvalidCIDRBlock.Duplicate).
     */
    private static void unmanagedRoutes(List<ChangeView> all, Existing existing, Diagnostics diags) {
        Set<String> managed = new HashSet<>();
        for (ChangeView c : all) {
            if (c.type().equals(RouteEntryResource.TYPE) && c.before() != null) {
                String t = str(c.before(), "route_table_id");
                String d = str(c.before(), "destination_cidrblock");
                if (t != null && d != null) {
                    managed.add(t + "|" + normal(d));
                }
            }
        }
        Map<String, Set<String>> inCloud = new java.util.HashMap<>();
        for (ChangeView c : all) {
            if (!c.type().equals(RouteEntryResource.TYPE) || !c.action().creates()
                    || c.action() == ChangeAction.UPDATE) {
                continue;
            }
            String t = str(c.after(), "route_table_id");
            String d = str(c.after(), "destination_cidrblock");
            if (t == null || d == null || managed.contains(t + "|" + normal(d))) {
                continue;
            }
            // one listing per table, however many routes go into it
            if (inCloud.computeIfAbsent(t, table -> existing.routeDestinations(c.provider(), table))
                    .contains(normal(d))) {
                diags.add(Diagnostic.errorAt(c.address().toString(), "Route destination already taken", "The route table " + t
                        + " already has a route to " + normal(d) + " that peerform does not manage (made in the "
                        + "console, or removed from the state with `state rm`), and a table holds one route per "
                        + "destination (InvalidCIDRBlock.Duplicate). Bring it under management with `peerform import "
                        + c.address() + " " + t + ":" + normal(d) + ":<next hop type>:<next hop id>`, or delete it, "
                        + "or choose another destination.").withAttribute("destination_cidrblock"));
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
        Index ris = new Index(interfaces);
        Map<String, Node> tableOwners = new java.util.HashMap<>();
        for (Node n : concat(vpcs, vbrs)) {
            tableOwners.put("ref:" + n.view.address(), n);
            String tid = str(n.view.current(), "route_table_id");
            if (tid != null) {
                tableOwners.put("id:" + tid, n);
            }
        }
        for (ChangeView r : routes) {
            String dest = str(r.current(), "destination_cidrblock");
            String table = tableKey.apply(r, "route_table_id");
            if (dest != null && table != null) {
                String normal = normal(dest);
                ChangeView before = seen.computeIfAbsent(table, k -> new LinkedHashMap<>()).putIfAbsent(normal, r);
                if (before != null) {
                    diags.add(Diagnostic.errorAt(r.address().toString(), "Duplicate route destination", r.address() + " and "
                            + before.address() + " both route " + normal + " in the same route table; a table holds "
                            + "one route per destination (InvalidCIDRBlock.Duplicate). Remove one of them.")
                            .withAttribute("destination_cidrblock"));
                }
            }
            if (!"RouterInterface".equals(str(r.current(), "nexthop_type"))) {
                continue;
            }
            Node hop = ris.find(Identity.of(r, "nexthop_id"));
            if (hop == null) {
                continue;
            }
            Node tableOwner = null;
            for (String t : Identity.of(r, "route_table_id")) {
                tableOwner = tableOwner != null ? tableOwner : tableOwners.get(t);
            }
            if (tableOwner != null && !Identity.meet(routerOf(hop), tableOwner.self)
                    && !Identity.meet(routerOf(hop), Identity.self(tableOwner.view.address().toString(), null))) {
                diags.add(Diagnostic.errorAt(r.address().toString(), "Next hop on another router", r.address() + " is in the "
                        + "route table of " + tableOwner.view.address() + ", but its next hop " + hop.view.address()
                        + " is an interface of another router. A route's next hop must be an interface of the router "
                        + "whose table it is in: use the interface on " + tableOwner.view.address() + ".")
                        .withAttribute("nexthop_id"));
            }
        }
        oneWayRouting(routes, interfaces, connections, diags);
    }

    /** A route over one end of a connection and none back over the other end: traffic could not return. */
    private static void oneWayRouting(List<ChangeView> routes, List<Node> interfaces, List<ChangeView> connections,
            Diagnostics diags) {
        Index ris = new Index(interfaces);
        Map<Node, Node> peerOf = new java.util.HashMap<>();
        for (ChangeView c : connections) {
            Node mine = ris.find(Identity.of(c, "interface_id"));
            Node peer = ris.find(Identity.of(c, "opposite_interface_id"));
            if (mine != null && peer != null) {
                peerOf.put(mine, peer);
            }
        }
        Set<Node> routedOver = new HashSet<>();
        Map<ChangeView, Node> hops = new java.util.HashMap<>();
        for (ChangeView r : routes) {
            Node hop = ris.find(Identity.of(r, "nexthop_id"));
            if (hop != null) {
                routedOver.add(hop);
                hops.put(r, hop);
            }
        }
        for (ChangeView r : routes) {
            Node hop = hops.get(r);
            Node peer = hop == null ? null : peerOf.get(hop);
            if (peer != null && !routedOver.contains(peer)) {
                diags.add(Diagnostic.warningAt(r.address().toString(), "One-way routing", r.address() + " sends traffic over "
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
        return String.join(", ", nodes.stream().map(n -> n.view.address().toString()).toList());
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
