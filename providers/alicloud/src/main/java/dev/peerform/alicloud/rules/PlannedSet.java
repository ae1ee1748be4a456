package dev.peerform.alicloud.rules;

import dev.peerform.alicloud.resources.ConnectionResource;
import dev.peerform.alicloud.resources.RouteEntryResource;
import dev.peerform.alicloud.resources.RouterInterfaceResource;
import dev.peerform.alicloud.resources.VbrResource;
import dev.peerform.alicloud.resources.VpcResource;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.ChangeView;
import java.util.ArrayList;
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
        routers = new Routers(routerNodes, interfaces);
    }

    /** The two interfaces a connection joins, or null when the plan does not know both. */
    Node[] ends(ChangeView connection) {
        Node mine = interfaceIndex.find(Identity.of(connection, "interface_id"));
        Node peer = interfaceIndex.find(Identity.of(connection, "opposite_interface_id"));
        return mine == null || peer == null ? null : new Node[] {mine, peer};
    }

    /** The router group an interface is on. */
    Token routerOf(Node ri) {
        return routers.key(ri.router());
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
