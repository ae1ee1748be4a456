package dev.peerform.emulator.cloud;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.peerform.emulator.cloud.Model.Account;
import dev.peerform.emulator.cloud.Model.PhysicalConnection;
import dev.peerform.emulator.cloud.Model.RouteEntry;
import dev.peerform.emulator.cloud.Model.RouterInterface;
import dev.peerform.emulator.cloud.Model.Vbr;
import dev.peerform.emulator.cloud.Model.VSwitch;
import dev.peerform.emulator.cloud.Model.Vpc;
import dev.peerform.vpcapi.domain.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Everything the cloud holds, as persisted, plus indexes derived from it (rebuilt after loading) so that no lookup
 * scans the world: by id, by router, by account, by route table, and the transitions waiting to end.
 */
public final class World {

    public long nextId = 1;
    /** How far {@code peerform emulator advance} has moved this world's clock ahead of the host's (ms). */
    public long clockOffsetMillis;
    /** The number of the last logged change this world holds (see the store's change log). */
    public long changes = 0;
    public long idSeed = 0x5EEDL;
    public Map<String, Account> accounts = new LinkedHashMap<>();
    public Map<String, PhysicalConnection> physicalConnections = new LinkedHashMap<>();
    public Map<String, Vpc> vpcs = new LinkedHashMap<>();
    public Map<String, Vbr> vbrs = new LinkedHashMap<>();
    public Map<String, VSwitch> vswitches = new LinkedHashMap<>();
    public Map<String, RouterInterface> interfaces = new LinkedHashMap<>();
    public Map<String, RouteEntry> routes = new LinkedHashMap<>();
    public Map<String, RouteTableModel.CustomTable> routeTables = new LinkedHashMap<>();
    public Map<String, BgpModel.BgpGroup> bgpGroups = new LinkedHashMap<>();
    public Map<String, BgpModel.BgpPeer> bgpPeers = new LinkedHashMap<>();
    /** By {@code <router_id>:<dst_cidr_block>}. */
    public Map<String, BgpModel.BgpNetwork> bgpNetworks = new LinkedHashMap<>();
    public Map<String, EcsModel.SecurityGroup> securityGroups = new LinkedHashMap<>();
    public Map<String, EcsModel.Instance> instances = new LinkedHashMap<>();
    /** account|action|token -> what the first call with that token answered. */
    public Map<String, ClientTokenRecord> clientTokens = new HashMap<>();

    public static final class ClientTokenRecord {
        public String parameters;
        public String response;

        public ClientTokenRecord() {
        }

        public ClientTokenRecord(String parameters, String response) {
            this.parameters = parameters;
            this.response = response;
        }
    }

    private record Transition(long endsAt, String id, boolean route) {
    }

    @JsonIgnore
    private final Map<String, Set<String>> interfacesByRouter = new HashMap<>();
    @JsonIgnore
    private final Map<String, Set<String>> interfacesByAccount = new HashMap<>();
    @JsonIgnore
    private final Map<String, Map<String, String>> routesByTable = new HashMap<>();
    @JsonIgnore
    private final Map<String, Set<String>> vswitchesByVpc = new HashMap<>();
    @JsonIgnore
    private final Map<String, String> keyToAccount = new HashMap<>();
    @JsonIgnore
    private final Map<String, String> vpcByRouter = new HashMap<>();
    @JsonIgnore
    private final Map<String, Table> tables = new HashMap<>();
    @JsonIgnore
    private final PriorityQueue<Transition> transitions = new PriorityQueue<>(
            (a, b) -> Long.compare(a.endsAt, b.endsAt));

    /** Rebuilds the derived indexes; call after loading the persisted fields. */
    public World reindex() {
        interfacesByRouter.clear();
        interfacesByAccount.clear();
        routesByTable.clear();
        vswitchesByVpc.clear();
        keyToAccount.clear();
        vpcByRouter.clear();
        tables.clear();
        transitions.clear();
        vpcs.values().forEach(this::indexVpc);
        vbrs.values().forEach(this::indexVbr);
        routeTables.values().forEach(this::indexRouteTable);
        vswitches.values().forEach(v -> vswitchesByVpc.computeIfAbsent(v.vpcId, k -> new LinkedHashSet<>())
                .add(v.id));
        accounts.values().forEach(a -> a.keys.forEach(k -> keyToAccount.put(k.id, a.id)));
        interfaces.values().forEach(this::indexInterface);
        routes.values().forEach(this::indexRoute);
        return this;
    }

    /** A new id such as {@code ri-2ze1k9x0o4m7q3c8v5b6n}: a prefix and 20 characters, unique in the world. */
    public String newId(String prefix) {
        long n = nextId++;
        long x = (n * 0x9E3779B97F4A7C15L) ^ idSeed;
        x ^= x >>> 31;
        x *= 0xBF58476D1CE4E5B9L;
        x ^= x >>> 27;
        String body = Long.toString(Math.abs(x), 36) + Long.toString(n, 36);
        while (body.length() < 20) {
            body = "0" + body;
        }
        return prefix + "-" + body.substring(body.length() - 20);
    }

    public void addAccount(Account a) {
        accounts.put(a.id, a);
        a.keys.forEach(k -> keyToAccount.put(k.id, a.id));
    }

    public String accountOfKey(String accessKeyId) {
        return keyToAccount.get(accessKeyId);
    }

    public void addInterface(RouterInterface ri) {
        interfaces.put(ri.id, ri);
        indexInterface(ri);
        if (ri.status.isTransitional()) {
            transitions.add(new Transition(ri.transitionEndsAt, ri.id, false));
        }
    }

    private void indexInterface(RouterInterface ri) {
        interfacesByRouter.computeIfAbsent(ri.routerId, k -> new LinkedHashSet<>()).add(ri.id);
        interfacesByAccount.computeIfAbsent(ri.owner, k -> new LinkedHashSet<>()).add(ri.id);
        if (ri.status.isTransitional()) {
            transitions.add(new Transition(ri.transitionEndsAt, ri.id, false));
        }
    }

    public void removeInterface(RouterInterface ri) {
        interfaces.remove(ri.id);
        Set<String> byRouter = interfacesByRouter.get(ri.routerId);
        if (byRouter != null) {
            byRouter.remove(ri.id);
        }
        Set<String> byAccount = interfacesByAccount.get(ri.owner);
        if (byAccount != null) {
            byAccount.remove(ri.id);
        }
    }

    public List<RouterInterface> interfacesOnRouter(String routerId) {
        return ids(interfacesByRouter.get(routerId));
    }

    public List<RouterInterface> interfacesOfAccount(String account) {
        return ids(interfacesByAccount.get(account));
    }

    private List<RouterInterface> ids(Set<String> ids) {
        List<RouterInterface> out = new ArrayList<>();
        if (ids != null) {
            for (String id : ids) {
                RouterInterface ri = interfaces.get(id);
                if (ri != null) {
                    out.add(ri);
                }
            }
        }
        return out;
    }

    /** Starts a transition: the interface shows {@code now} until {@code endsAt}, then {@code then}. */
    public void transition(RouterInterface ri, Status now, Status then, long endsAt) {
        ri.status = now;
        ri.nextStatus = then;
        ri.transitionEndsAt = endsAt;
        transitions.add(new Transition(endsAt, ri.id, false));
    }

    public void addRoute(RouteEntry r) {
        routes.put(r.id, r);
        indexRoute(r);
    }

    private void indexRoute(RouteEntry r) {
        routesByTable.computeIfAbsent(r.routeTableId, k -> new LinkedHashMap<>()).put(r.destination, r.id);
        if (!"Available".equals(r.status)) {
            transitions.add(new Transition(r.transitionEndsAt, r.id, true));
        }
    }

    public void routeTransition(RouteEntry r, String status, long endsAt) {
        r.status = status;
        r.transitionEndsAt = endsAt;
        transitions.add(new Transition(endsAt, r.id, true));
    }

    public List<RouteEntry> routesOfTable(String tableId) {
        Map<String, String> byDestination = routesByTable.get(tableId);
        List<RouteEntry> out = new ArrayList<>();
        if (byDestination != null) {
            byDestination.values().forEach(id -> out.add(routes.get(id)));
        }
        return out;
    }

    public RouteEntry routeTo(String tableId, String destination) {
        Map<String, String> byDestination = routesByTable.get(tableId);
        String id = byDestination == null ? null : byDestination.get(destination);
        return id == null ? null : routes.get(id);
    }

    /** Removes a route at once (a released next hop clears it; no transition). */
    public void removeRouteEntry(RouteEntry r) {
        removeRoute(r);
    }

    private void removeRoute(RouteEntry r) {
        routes.remove(r.id);
        Map<String, String> byDestination = routesByTable.get(r.routeTableId);
        if (byDestination != null) {
            byDestination.remove(r.destination);
        }
    }

    /** Ends every transition whose time has come; cost in proportion to the transitions that end. */
    public void settle(long now) {
        while (!transitions.isEmpty() && transitions.peek().endsAt <= now) {
            Transition t = transitions.poll();
            if (t.route) {
                RouteEntry r = routes.get(t.id);
                if (r == null || r.transitionEndsAt != t.endsAt) {
                    continue;
                }
                if ("Deleting".equals(r.status)) {
                    removeRoute(r);
                } else if ("Pending".equals(r.status)) {
                    r.status = "Available";
                }
                continue;
            }
            RouterInterface ri = interfaces.get(t.id);
            if (ri == null || !ri.status.isTransitional() || ri.transitionEndsAt != t.endsAt) {
                continue;
            }
            if (ri.status == Status.Deleting) {
                removeInterface(ri);
                continue;
            }
            if (ri.status == Status.Modifying && ri.pendingSpec != null) {
                ri.spec = ri.pendingSpec;
                ri.pendingSpec = null;
            }
            if (ri.nextStatus == Status.Active && ri.connectedAt == 0) {
                ri.connectedAt = t.endsAt;
            }
            ri.status = ri.nextStatus;
            ri.nextStatus = null;
        }
    }

    public void addVpc(Vpc v) {
        vpcs.put(v.id, v);
        indexVpc(v);
    }

    private void indexVpc(Vpc v) {
        vpcByRouter.put(v.vrouterId, v.id);
        tables.put(v.routeTableId, new Table(v.vrouterId, v.owner, false));
    }

    public void removeVpc(Vpc v) {
        vpcs.remove(v.id);
        vpcByRouter.remove(v.vrouterId);
        tables.remove(v.routeTableId);
    }

    public void addVbr(Vbr b) {
        vbrs.put(b.id, b);
        indexVbr(b);
    }

    private void indexVbr(Vbr b) {
        tables.put(b.routeTableId, new Table(b.id, b.owner, true));
    }

    public void removeVbr(Vbr b) {
        vbrs.remove(b.id);
        tables.remove(b.routeTableId);
    }

    public void addRouteTable(RouteTableModel.CustomTable t) {
        routeTables.put(t.id, t);
        indexRouteTable(t);
    }

    private void indexRouteTable(RouteTableModel.CustomTable t) {
        tables.put(t.id, new Table(t.routerId, t.owner, false));
    }

    public void removeRouteTable(RouteTableModel.CustomTable t) {
        routeTables.remove(t.id);
        tables.remove(t.id);
    }

    public void addVSwitch(VSwitch v) {
        vswitches.put(v.id, v);
        vswitchesByVpc.computeIfAbsent(v.vpcId, k -> new LinkedHashSet<>()).add(v.id);
    }

    public void removeVSwitch(VSwitch v) {
        vswitches.remove(v.id);
        Set<String> ofVpc = vswitchesByVpc.get(v.vpcId);
        if (ofVpc != null) {
            ofVpc.remove(v.id);
        }
    }

    public List<VSwitch> vswitchesOf(String vpcId) {
        List<VSwitch> out = new ArrayList<>();
        for (String id : vswitchesByVpc.getOrDefault(vpcId, Set.of())) {
            out.add(vswitches.get(id));
        }
        return out;
    }

    /** The VPC whose VRouter this is, or null. */
    public Vpc vpcOfRouter(String vrouterId) {
        String id = vpcByRouter.get(vrouterId);
        return id == null ? null : vpcs.get(id);
    }

    /** A route table's router (VRouter or VBR), owner and kind; null when there is no such table. */
    public record Table(String routerId, String owner, boolean onVbr) {
    }

    public Table table(String tableId) {
        return tables.get(tableId);
    }
}
