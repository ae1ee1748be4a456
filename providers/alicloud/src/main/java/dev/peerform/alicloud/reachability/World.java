package dev.peerform.alicloud.reachability;

import static dev.peerform.alicloud.reachability.Attributes.integer;
import static dev.peerform.alicloud.reachability.Attributes.str;
import static dev.peerform.alicloud.reachability.Attributes.strings;

import dev.peerform.alicloud.reach.BusinessStatus;
import dev.peerform.alicloud.reach.Direction;
import dev.peerform.alicloud.reach.GroupType;
import dev.peerform.alicloud.reach.Instance;
import dev.peerform.alicloud.reach.InterfaceStatus;
import dev.peerform.alicloud.reach.Model;
import dev.peerform.alicloud.reach.Policy;
import dev.peerform.alicloud.reach.PortRange;
import dev.peerform.alicloud.reach.Protocol;
import dev.peerform.alicloud.reach.Role;
import dev.peerform.alicloud.reach.RouteEntry;
import dev.peerform.alicloud.reach.RouterInterface;
import dev.peerform.alicloud.reach.SecurityGroup;
import dev.peerform.alicloud.reach.SecurityGroupRule;
import dev.peerform.alicloud.reach.VSwitch;
import dev.peerform.alicloud.reach.Vbr;
import dev.peerform.alicloud.reach.VbrStatus;
import dev.peerform.alicloud.reach.Vpc;
import dev.peerform.alicloud.resources.ConnectionResource;
import dev.peerform.alicloud.resources.ExpressConnectRouterInterfaceResource;
import dev.peerform.alicloud.resources.InstanceResource;
import dev.peerform.alicloud.resources.RouteEntryResource;
import dev.peerform.alicloud.resources.RouterInterfaceResource;
import dev.peerform.alicloud.resources.SecurityGroupResource;
import dev.peerform.alicloud.resources.SecurityGroupRuleResource;
import dev.peerform.alicloud.resources.VSwitchResource;
import dev.peerform.alicloud.resources.VbrResource;
import dev.peerform.alicloud.resources.VpcResource;
import dev.peerform.net.Cidr;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.ChangeView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The resources that exist (live) or will exist once a plan is applied, as reach's model. An object whose id the
 * cloud has not given yet goes by its address, and an attribute whose value is not known yet points at what its
 * expression refers to: a planned vswitch is in the planned VPC it names, as it will be once both are made.
 */
final class World {

    private final Map<String, ChangeView> byAddress = new LinkedHashMap<>();
    private final Map<String, ChangeView> byId = new HashMap<>();
    private final Map<String, List<ChangeView>> byType = new HashMap<>();
    private final Function<String, Site> sites;
    private final Map<String, Optional<Cidr>> parsed = new HashMap<>();
    private final Model model;

    World(List<ChangeView> all, Function<String, Site> sites) {
        this.sites = sites;
        for (ChangeView v : all) {
            if (v.action() != ChangeAction.DELETE && v.current() != null) {
                byAddress.put(v.address().toString(), v);
                byType.computeIfAbsent(v.type(), k -> new ArrayList<>()).add(v);
            }
        }
        // a connection's id is its interface's: the interface is what the id names
        byAddress.values().stream().filter(v -> !v.type().equals(ConnectionResource.TYPE))
                .forEach(v -> byId.putIfAbsent(idOf(v), v));
        this.model = build();
    }

    Model model() {
        return model;
    }

    /** The resource at an address (an instance address, as the state lists it), or with a cloud id; or null. */
    ChangeView find(String addressOrId) {
        ChangeView v = byAddress.get(addressOrId);
        return v != null ? v : byId.get(addressOrId);
    }

    /** The instances of a resource written without its key ({@code x.y} for {@code x.y[0]}, {@code x.y["a"]}). */
    List<String> instancesOf(String resource) {
        return byAddress.keySet().stream().filter(a -> a.startsWith(resource + "[")).toList();
    }

    List<String> addresses() {
        return List.copyOf(byAddress.keySet());
    }

    /** The id the model knows the object by: the cloud's, or its address until the cloud gives one. */
    String idOf(ChangeView v) {
        String id = str(v, "id");
        return id != null ? id : v.address().toString();
    }

    private String routerOf(ChangeView vpc) {
        String r = str(vpc, "router_id");
        return r != null ? r : vpc.address() + ".router_id";
    }

    private String tableOf(ChangeView v) {
        String t = str(v, "route_table_id");
        return t != null ? t : v.address() + ".route_table_id";
    }

    /** What an attribute points at: its value, or, not known yet, the matching identity of what it refers to. */
    private String ref(ChangeView v, String attribute) {
        String known = str(v, attribute);
        if (known != null) {
            return known;
        }
        for (String r : references(v, attribute)) {
            ChangeView target = byAddress.get(r);
            if (target != null) {
                return target(target, attribute);
            }
        }
        return null;
    }

    private List<String> refs(ChangeView v, String attribute) {
        List<String> known = strings(v, attribute);
        if (known != null) {
            return known;
        }
        List<String> out = new ArrayList<>();
        for (String r : references(v, attribute)) {
            ChangeView target = byAddress.get(r);
            if (target != null) {
                out.add(target(target, attribute));
            }
        }
        return out;
    }

    private static List<String> references(ChangeView v, String attribute) {
        return v.references() == null ? List.of() : v.references().getOrDefault(attribute, List.of());
    }

    private String target(ChangeView target, String attribute) {
        boolean router = target.type().equals(VpcResource.TYPE) || target.type().equals(VbrResource.TYPE);
        if (router && attribute.endsWith("route_table_id")) {
            return tableOf(target);
        }
        if (target.type().equals(VpcResource.TYPE) && attribute.endsWith("router_id")) {
            return routerOf(target);
        }
        return idOf(target);
    }

    private List<ChangeView> ofType(String type) {
        return byType.getOrDefault(type, List.of());
    }

    private Site site(ChangeView v) {
        Site s = sites.apply(v.provider());
        return s == null ? new Site("", "") : new Site(s.region() == null ? "" : s.region(),
                s.account() == null ? "" : s.account());
    }

    private Model build() {
        Map<String, List<RouteEntry>> routes = new HashMap<>();
        for (ChangeView r : ofType(RouteEntryResource.TYPE)) {
            String table = ref(r, "route_table_id");
            Cidr destination = cidr(str(r, "destination_cidrblock"));
            if (table != null && destination != null) {
                routes.computeIfAbsent(table, k -> new ArrayList<>()).add(new RouteEntry(table, destination,
                        str(r, "nexthop_type"), ref(r, "nexthop_id")));
            }
        }
        List<Vpc> vpcs = new ArrayList<>();
        for (ChangeView v : ofType(VpcResource.TYPE)) {
            Cidr block = cidr(str(v, "cidr_block"));
            if (block != null) {
                String region = str(v, "region_id");
                vpcs.add(new Vpc(idOf(v), region != null ? region : site(v).region(), site(v).account(), block,
                        routerOf(v), tableOf(v), routes.getOrDefault(tableOf(v), List.of())));
            }
        }
        List<VSwitch> vswitches = new ArrayList<>();
        for (ChangeView s : ofType(VSwitchResource.TYPE)) {
            Cidr block = cidr(str(s, "cidr_block"));
            String vpc = ref(s, "vpc_id");
            if (block != null && vpc != null) {
                vswitches.add(new VSwitch(idOf(s), vpc, block, str(s, "zone_id")));
            }
        }
        List<Vbr> vbrs = new ArrayList<>();
        for (ChangeView b : ofType(VbrResource.TYPE)) {
            vbrs.add(new Vbr(idOf(b), site(b).region(), site(b).account(), ref(b, "physical_connection_id"),
                    tableOf(b), vbrStatus(str(b, "status")), routes.getOrDefault(tableOf(b), List.of()), List.of()));
        }
        Map<String, List<SecurityGroupRule>> rules = new HashMap<>();
        for (ChangeView r : ofType(SecurityGroupRuleResource.TYPE)) {
            String group = ref(r, "security_group_id");
            SecurityGroupRule rule = rule(r);
            if (group != null && rule != null) {
                rules.computeIfAbsent(group, k -> new ArrayList<>()).add(rule);
            }
        }
        List<SecurityGroup> groups = new ArrayList<>();
        for (ChangeView g : ofType(SecurityGroupResource.TYPE)) {
            GroupType type = "enterprise".equalsIgnoreCase(str(g, "security_group_type")) ? GroupType.ENTERPRISE
                    : GroupType.NORMAL;
            groups.add(new SecurityGroup(idOf(g), site(g).region(), site(g).account(), ref(g, "vpc_id"), type,
                    type == GroupType.NORMAL && !"Drop".equalsIgnoreCase(str(g, "inner_access_policy")),
                    rules.getOrDefault(idOf(g), List.of())));
        }
        List<Instance> instances = new ArrayList<>();
        for (ChangeView i : ofType(InstanceResource.TYPE)) {
            String vsw = ref(i, "vswitch_id");
            if (vsw != null) {
                instances.add(new Instance(idOf(i), vsw, address(str(i, "private_ip")), refs(i, "security_groups")));
            }
        }
        Map<String, String> labels = new HashMap<>();
        byId.forEach((id, v) -> labels.put(id, v.address().toString()));
        return new Model(vpcs, vswitches, vbrs, interfaces(), groups, instances, labels);
    }

    /**
     * Both kinds of router interface. The classic one learns its peer and status from its connection resource
     * (which sits on one end, the initiator, and connects both); the newer one carries them itself.
     */
    private List<RouterInterface> interfaces() {
        Map<String, String> opposite = new HashMap<>();
        Map<String, String> status = new HashMap<>();
        for (ChangeView c : ofType(ConnectionResource.TYPE)) {
            String mine = ref(c, "interface_id");
            String peer = ref(c, "opposite_interface_id");
            if (mine != null && peer != null) {
                String s = str(c, "status");
                pair(opposite, status, mine, peer, s == null ? InterfaceStatus.Active.name() : s);
            }
        }
        for (ChangeView e : ofType(ExpressConnectRouterInterfaceResource.TYPE)) {
            String peer = ref(e, "opposite_interface_id");
            if (peer != null) {
                opposite.putIfAbsent(idOf(e), peer);
                opposite.putIfAbsent(peer, idOf(e));
            }
            String s = str(e, "status");
            if (s != null) {
                status.put(idOf(e), s);
            }
        }
        List<RouterInterface> out = new ArrayList<>();
        for (ChangeView r : ofType(RouterInterfaceResource.TYPE)) {
            out.add(end(r, str(r, "specification"), opposite, status));
        }
        for (ChangeView e : ofType(ExpressConnectRouterInterfaceResource.TYPE)) {
            out.add(end(e, str(e, "spec"), opposite, status));
        }
        return out;
    }

    private static void pair(Map<String, String> opposite, Map<String, String> status, String a, String b,
            String s) {
        opposite.put(a, b);
        opposite.put(b, a);
        status.put(a, s);
        status.put(b, s);
    }

    private RouterInterface end(ChangeView r, String spec, Map<String, String> opposite, Map<String, String> status) {
        String id = idOf(r);
        Role role;
        try {
            role = Role.parse(str(r, "role"));
        } catch (IllegalArgumentException e) {
            role = Role.INITIATOR;
        }
        String peer = opposite.get(id);
        return new RouterInterface(id, ref(r, "router_id"), role, interfaceStatus(status.get(id), peer != null), spec,
                peer, BusinessStatus.parse(str(r, "business_status")));
    }

    /** A status the plan does not know yet is the one apply waits for: Active once connected, Idle otherwise. */
    private static InterfaceStatus interfaceStatus(String s, boolean connected) {
        if (s != null) {
            for (InterfaceStatus x : InterfaceStatus.values()) {
                if (x.name().equalsIgnoreCase(s)) {
                    return x;
                }
            }
        }
        return connected ? InterfaceStatus.Active : InterfaceStatus.Idle;
    }

    private static VbrStatus vbrStatus(String s) {
        try {
            return s == null ? VbrStatus.ACTIVE : VbrStatus.parse(s);
        } catch (IllegalArgumentException e) {
            return VbrStatus.ACTIVE;
        }
    }

    private SecurityGroupRule rule(ChangeView r) {
        Protocol protocol;
        PortRange ports;
        try {
            protocol = Protocol.parse(String.valueOf(str(r, "ip_protocol")));
            String range = str(r, "port_range");
            ports = range == null ? PortRange.ALL : PortRange.parse(range);
        } catch (IllegalArgumentException e) {
            return null; // gre, icmpv6: no probe of reach is such traffic
        }
        Direction direction = "egress".equalsIgnoreCase(str(r, "type")) ? Direction.EGRESS : Direction.INGRESS;
        Integer p = integer(r, "priority");
        int priority = p == null ? 1 : Math.max(1, Math.min(100, p));
        Policy policy = "drop".equalsIgnoreCase(str(r, "policy")) ? Policy.DROP : Policy.ACCEPT;
        Cidr block = cidr(str(r, "cidr_ip"));
        if (block != null) {
            return SecurityGroupRule.cidr(direction, protocol, ports, block, priority, policy);
        }
        String peer = ref(r, "source_security_group_id");
        if (peer == null) {
            return null;
        }
        String owner = str(r, "source_group_owner_id");
        return SecurityGroupRule.group(direction, protocol, ports, peer,
                owner != null ? owner : str(r, "source_group_owner_account"), priority, policy);
    }

    /** Parsed once per text: hundreds of rules name the same few blocks, and parsing one is not cheap. */
    private Cidr cidr(String text) {
        if (text == null) {
            return null;
        }
        return parsed.computeIfAbsent(text, t -> {
            try {
                return Optional.of(t.contains("/") ? Cidr.parse(t) : Cidr.parseAddress(t));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }).orElse(null);
    }

    private Cidr address(String text) {
        return text == null ? null : cidr(text.toLowerCase(Locale.ROOT));
    }
}
