package dev.peerform.alicloud.reach;

import dev.peerform.net.Cidr;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The model looked up by id, with each router's table (system routes added) and the interface pairs. */
final class Index {

    /** The cloud services' range, a system route of every VPC, refused as a custom destination. */
    static final Cidr CLOUD_SERVICES = Cidr.parse("100.64.0.0/10");

    final Model model;
    final Map<String, Vpc> vpcs = new HashMap<>();
    final Map<String, Vpc> vpcByRouter = new HashMap<>();
    final Map<String, VSwitch> vswitches = new HashMap<>();
    final Map<String, List<VSwitch>> vswitchesByVpc = new HashMap<>();
    final Map<String, Vbr> vbrs = new HashMap<>();
    final Map<String, RouterInterface> interfaces = new HashMap<>();
    final Map<String, List<RouterInterface>> interfacesByRouter = new HashMap<>();
    final Map<String, SecurityGroup> groups = new HashMap<>();
    final Map<String, Instance> instances = new HashMap<>();
    final Map<String, RouteTable> tables = new HashMap<>();

    Index(Model model) {
        this.model = model;
        for (Vpc v : model.vpcs()) {
            vpcs.put(v.id(), v);
            vpcByRouter.put(v.routerId(), v);
        }
        for (VSwitch s : model.vswitches()) {
            vswitches.put(s.id(), s);
            vswitchesByVpc.computeIfAbsent(s.vpcId(), k -> new ArrayList<>()).add(s);
        }
        for (Vbr b : model.vbrs()) {
            vbrs.put(b.id(), b);
        }
        for (RouterInterface ri : model.interfaces()) {
            interfaces.put(ri.id(), ri);
            interfacesByRouter.computeIfAbsent(ri.routerId(), k -> new ArrayList<>()).add(ri);
        }
        for (SecurityGroup g : model.groups()) {
            groups.put(g.id(), g);
        }
        for (Instance i : model.instances()) {
            instances.put(i.id(), i);
        }
        for (Vpc v : model.vpcs()) {
            List<Route> routes = new ArrayList<>();
            for (VSwitch s : vswitchesByVpc.getOrDefault(v.id(), List.of())) {
                routes.add(new Route(s.cidr().network(), Route.Kind.VSWITCH, s.id(), null));
            }
            routes.add(new Route(CLOUD_SERVICES, Route.Kind.CLOUD_SERVICES, null, null));
            addCustom(routes, v.routes());
            tables.put(v.routerId(), new RouteTable(v.routerId(), v.routeTableId(), routes));
        }
        for (Vbr b : model.vbrs()) {
            List<Route> routes = new ArrayList<>();
            addCustom(routes, b.routes());
            tables.put(b.id(), new RouteTable(b.id(), b.routeTableId(), routes));
        }
    }

    /** An entry exactly 100.64.0.0/10 is refused by the cloud (CreateRouteEntry), so it never carries traffic. */
    private static void addCustom(List<Route> routes, List<RouteEntry> entries) {
        for (RouteEntry e : entries) {
            if (!e.destination().network().equals(CLOUD_SERVICES)) {
                routes.add(Route.of(e));
            }
        }
    }

    boolean isVbr(String routerId) {
        return vbrs.containsKey(routerId);
    }

    /** The other end, when the two ends name each other. */
    Optional<RouterInterface> opposite(RouterInterface ri) {
        RouterInterface o = ri.oppositeInterfaceId() == null ? null : interfaces.get(ri.oppositeInterfaceId());
        return o != null && ri.id().equals(o.oppositeInterfaceId()) ? Optional.of(o) : Optional.empty();
    }

    /** The interface on {@code from} that starts the fewest-crossings path to {@code to} over existing pairs. */
    Optional<RouterInterface> firstHop(String from, String to) {
        Map<String, RouterInterface> first = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(from);
        first.put(from, null);
        while (!queue.isEmpty()) {
            String r = queue.poll();
            for (RouterInterface ri : interfacesByRouter.getOrDefault(r, List.of())) {
                Optional<RouterInterface> o = opposite(ri);
                if (o.isEmpty() || first.containsKey(o.get().routerId())) {
                    continue;
                }
                RouterInterface start = r.equals(from) ? ri : first.get(r);
                if (o.get().routerId().equals(to)) {
                    return Optional.of(start);
                }
                first.put(o.get().routerId(), start);
                queue.add(o.get().routerId());
            }
        }
        return Optional.empty();
    }

    /** "address (id)" when the user's address is known; a VRouter is named by its VPC. */
    String name(String id) {
        Vpc vpc = id == null ? null : vpcByRouter.get(id);
        if (vpc != null) {
            return name(vpc.id());
        }
        String label = id == null ? null : model.labels().get(id);
        return label == null || label.equals(id) ? String.valueOf(id) : label + " (" + id + ")";
    }
}
