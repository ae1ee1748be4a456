package dev.peerform.alicloud.reach;

import dev.peerform.net.Cidr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A test network written in a few lines; {@link #model()} turns it into reach's model. */
final class Net {

    private final Map<String, Vpc> vpcs = new LinkedHashMap<>();
    private final List<VSwitch> vswitches = new ArrayList<>();
    private final Map<String, Vbr> vbrs = new LinkedHashMap<>();
    private final Map<String, RouterInterface> interfaces = new LinkedHashMap<>();
    private final Map<String, SecurityGroup> groups = new LinkedHashMap<>();
    private final Map<String, List<SecurityGroupRule>> rules = new HashMap<>();
    private final List<Instance> instances = new ArrayList<>();
    private final Map<String, List<RouteEntry>> routes = new HashMap<>();
    private final Map<String, String> labels = new HashMap<>();

    static Cidr cidr(String text) {
        return text.contains("/") ? Cidr.parse(text) : Cidr.parseAddress(text);
    }

    /** VPC {@code x}: router vrt-x, table vtb-x. */
    Net vpc(String id, String region, String account, String cidr) {
        String x = id.substring(id.indexOf('-') + 1);
        vpcs.put(id, new Vpc(id, region, account, cidr(cidr), "vrt-" + x, "vtb-" + x, List.of()));
        return this;
    }

    Net vswitch(String id, String vpc, String cidr) {
        vswitches.add(new VSwitch(id, vpc, cidr(cidr), "zone-a"));
        return this;
    }

    Net instance(String id, String vswitch, String ip, String... groupIds) {
        instances.add(new Instance(id, vswitch, ip == null ? null : cidr(ip), List.of(groupIds)));
        return this;
    }

    Net group(String id, String region, String account, String vpc) {
        return group(id, region, account, vpc, GroupType.NORMAL);
    }

    Net group(String id, String region, String account, String vpc, GroupType type) {
        groups.put(id, new SecurityGroup(id, region, account, vpc, type, true, List.of()));
        return this;
    }

    Net rule(String group, SecurityGroupRule rule) {
        rules.computeIfAbsent(group, k -> new ArrayList<>()).add(rule);
        return this;
    }

    /** Ingress accept of the protocol from a CIDR block, priority 1. */
    Net allowIn(String group, Protocol protocol, String cidr) {
        PortRange ports = protocol.hasPorts() ? new PortRange(1, 65535) : PortRange.ALL;
        return rule(group, SecurityGroupRule.cidr(Direction.INGRESS, protocol, ports, cidr(cidr), 1, Policy.ACCEPT));
    }

    /** Drops the ingress rules written so far for the group. */
    Net withoutIngressOf(String group) {
        rules.computeIfAbsent(group, k -> new ArrayList<>()).removeIf(r -> r.direction() == Direction.INGRESS);
        return this;
    }

    Net vbr(String id, String region, String account, String pc, String... onPremises) {
        List<Cidr> ranges = new ArrayList<>();
        for (String r : onPremises) {
            ranges.add(cidr(r));
        }
        vbrs.put(id, new Vbr(id, region, account, pc, "vtb-" + id, VbrStatus.ACTIVE, List.of(), ranges));
        return this;
    }

    Net vbrStatus(String id, VbrStatus status) {
        Vbr b = vbrs.get(id);
        vbrs.put(id, new Vbr(b.id(), b.region(), b.account(), b.physicalConnectionId(), b.routeTableId(), status,
                List.of(), b.onPremises()));
        return this;
    }

    /** A connected pair, both ends Active: the initiator on the first router. */
    Net peer(String initiator, String initiatorRouter, String acceptor, String acceptorRouter, String spec) {
        interfaces.put(initiator, new RouterInterface(initiator, initiatorRouter, Role.INITIATOR,
                InterfaceStatus.Active, spec, acceptor, BusinessStatus.FORWARDING));
        interfaces.put(acceptor, new RouterInterface(acceptor, acceptorRouter, Role.ACCEPTOR,
                InterfaceStatus.Active, "Negative", initiator, BusinessStatus.FORWARDING));
        return this;
    }

    Net status(String ri, InterfaceStatus status) {
        RouterInterface r = interfaces.get(ri);
        interfaces.put(ri, new RouterInterface(r.id(), r.routerId(), r.role(), status, r.spec(),
                r.oppositeInterfaceId(), r.business()));
        return this;
    }

    Net business(String ri, BusinessStatus business) {
        RouterInterface r = interfaces.get(ri);
        interfaces.put(ri, new RouterInterface(r.id(), r.routerId(), r.role(), r.status(), r.spec(),
                r.oppositeInterfaceId(), business));
        return this;
    }

    Net route(String table, String destination, String type, String hop) {
        routes.computeIfAbsent(table, k -> new ArrayList<>()).add(new RouteEntry(table, cidr(destination), type,
                hop));
        return this;
    }

    Net label(String id, String address) {
        labels.put(id, address);
        return this;
    }

    Model model() {
        List<Vpc> vs = new ArrayList<>();
        for (Vpc v : vpcs.values()) {
            vs.add(new Vpc(v.id(), v.region(), v.account(), v.cidr(), v.routerId(), v.routeTableId(),
                    routes.getOrDefault(v.routeTableId(), List.of())));
        }
        List<Vbr> bs = new ArrayList<>();
        for (Vbr b : vbrs.values()) {
            bs.add(new Vbr(b.id(), b.region(), b.account(), b.physicalConnectionId(), b.routeTableId(), b.status(),
                    routes.getOrDefault(b.routeTableId(), List.of()), b.onPremises()));
        }
        List<SecurityGroup> gs = new ArrayList<>();
        for (SecurityGroup g : groups.values()) {
            gs.add(new SecurityGroup(g.id(), g.region(), g.account(), g.vpcId(), g.type(), g.innerAccessAccept(),
                    rules.getOrDefault(g.id(), List.of())));
        }
        return new Model(vs, vswitches, bs, new ArrayList<>(interfaces.values()), gs, instances, labels);
    }

    Verdict reach(Endpoint from, Endpoint to, Probe probe) {
        return new Reach(model()).analyse(from, to, probe);
    }

    /**
     * The guide's cross-region peering, fixed: vpc-a (cn-hangzhou, 10.1.0.0/16) initiates Large.2 to vpc-b
     * (cn-beijing, 10.2.0.0/16), each routes the other's range over its interface, each instance's group lets the
     * other VPC's range in for ping. {@code accountB} owns vpc-b and its group.
     */
    static Net peered(String regionB, String accountB) {
        return new Net()
                .vpc("vpc-a", "cn-hangzhou", "111", "10.1.0.0/16").vswitch("vsw-a", "vpc-a", "10.1.1.0/24")
                .vpc("vpc-b", regionB, accountB, "10.2.0.0/16").vswitch("vsw-b", "vpc-b", "10.2.1.0/24")
                .group("sg-a", "cn-hangzhou", "111", "vpc-a").group("sg-b", regionB, accountB, "vpc-b")
                .instance("i-a", "vsw-a", "10.1.1.10", "sg-a").instance("i-b", "vsw-b", "10.2.1.10", "sg-b")
                .peer("ri-a", "vrt-a", "ri-b", "vrt-b", "Large.2")
                .route("vtb-a", "10.2.0.0/16", "RouterInterface", "ri-a")
                .route("vtb-b", "10.1.0.0/16", "RouterInterface", "ri-b")
                .allowIn("sg-a", Protocol.ICMP, "10.2.0.0/16").allowIn("sg-b", Protocol.ICMP, "10.1.0.0/16");
    }

    static Net peered() {
        return peered("cn-beijing", "111");
    }

    static final Endpoint A = new Endpoint.OfInstance("i-a");
    static final Endpoint B = new Endpoint.OfInstance("i-b");
}
