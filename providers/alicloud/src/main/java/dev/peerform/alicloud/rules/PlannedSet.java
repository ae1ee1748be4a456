package dev.peerform.alicloud.rules;

import dev.peerform.alicloud.resources.ConnectionResource;
import dev.peerform.alicloud.resources.RouteEntryResource;
import dev.peerform.alicloud.resources.RouterInterfaceResource;
import dev.peerform.alicloud.resources.VbrResource;
import dev.peerform.alicloud.resources.VpcResource;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.ChangeView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The resources that will exist once the plan is applied (what is created and what stays), by kind, with the
 * lookups the rules share: the interface an attribute points at, the VPC a router is, the group of a router.
 */
final class PlannedSet {

    final List<ChangeView> all;
    final List<Node> vpcs;
    final List<Node> vbrs;
    final List<Node> interfaces;
    final List<ChangeView> connections;
    final List<ChangeView> routes;
    final Index interfaceIndex;
    final Index vpcIndex;
    final Routers routers;
    /** Every address in the plan: a reference to one of them names one object; any other proves nothing. */
    private final Set<String> addresses = new HashSet<>();

    PlannedSet(List<ChangeView> all) {
        this.all = all;
        List<ChangeView> live = all.stream().filter(c -> c.action() != ChangeAction.DELETE).toList();
        vpcs = nodes(live, VpcResource.TYPE, "router_id");
        vbrs = nodes(live, VbrResource.TYPE, "id");
        interfaces = nodes(live, RouterInterfaceResource.TYPE, "id");
        connections = live.stream().filter(c -> c.type().equals(ConnectionResource.TYPE)).toList();
        routes = live.stream().filter(c -> c.type().equals(RouteEntryResource.TYPE)).toList();
        interfaceIndex = new Index(interfaces);
        vpcIndex = new Index(vpcs);
        List<Node> routerNodes = new ArrayList<>(vpcs);
        routerNodes.addAll(vbrs);
        all.forEach(c -> addresses.add(c.address().toString()));
        routers = new Routers(routerNodes, interfaces.stream().map(n -> proven(n.router())).toList());
    }

    /**
     * What an identity proves: the known ids, and the references that name one object of the plan. A reference
     * to a whole counted resource ({@code alicloud_vpc.x} whose instances are {@code alicloud_vpc.x["a"]}), or to
     * something outside the plan, could be any of several objects; a rule that refuses must not rely on it.
     */
    Set<Token> proven(Set<Token> identity) {
        Set<Token> out = new HashSet<>();
        for (Token t : identity) {
            if (!t.isRef() || addresses.contains(t.value())) {
                out.add(t);
            }
        }
        return out;
    }


    /** The two interfaces a connection joins, or null when the plan does not know both. */
    Node[] ends(ChangeView connection) {
        Node mine = interfaceIndex.find(Identity.of(connection, "interface_id"));
        Node peer = interfaceIndex.find(Identity.of(connection, "opposite_interface_id"));
        return mine == null || peer == null ? null : new Node[] {mine, peer};
    }

    /** The router group an interface is on; null when its router_id proves no router (known only at apply). */
    Token routerOf(Node ri) {
        return routers.key(proven(ri.router()));
    }

    /** The router group of a router identity (a VPC's or VBR's own, or a router_id); null when it proves none. */
    Token routerKey(Set<Token> identity) {
        return routers.key(proven(identity));
    }

    private static List<Node> nodes(List<ChangeView> views, String type, String idAttribute) {
        List<Node> out = new ArrayList<>();
        for (ChangeView v : views) {
            if (v.type().equals(type)) {
                Set<Token> self = Identity.self(v.address().toString(), v.current());
                String id = PlanValues.str(v.current(), idAttribute);
                if (id != null) {
                    self.add(Token.id(id));
                }
                out.add(new Node(v, self));
            }
        }
        return out;
    }

    static String names(List<Node> nodes) {
        return String.join(", ", nodes.stream().map(Node::address).toList());
    }
}
