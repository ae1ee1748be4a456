package dev.peerform.alicloud.rules;

import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.ChangeView;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** A route over one end of a connection and none back over the other end: traffic could not return (a warning). */
final class OneWayRouting implements PlanRule {

    @Override
    public void check(PlannedSet plan, Diagnostics diags) {
        Map<Node, Node> peerOf = new HashMap<>();
        for (ChangeView c : plan.connections) {
            Node[] ends = plan.ends(c);
            if (ends != null) {
                peerOf.put(ends[0], ends[1]);
            }
        }
        Set<Node> routedOver = new HashSet<>();
        Map<ChangeView, Node> hops = new HashMap<>();
        for (ChangeView r : plan.routes) {
            Node hop = plan.interfaceIndex.find(Identity.of(r, "nexthop_id"));
            if (hop != null) {
                routedOver.add(hop);
                hops.put(r, hop);
            }
        }
        for (ChangeView r : plan.routes) {
            Node hop = hops.get(r);
            Node peer = hop == null ? null : peerOf.get(hop);
            if (peer != null && !routedOver.contains(peer)) {
                diags.add(Diagnostic.warningAt(r.address().toString(), "One-way routing", r.address() + " sends "
                        + "traffic over " + hop.address() + ", but no route sends traffic back over the other end "
                        + "of that connection (" + peer.address() + "): packets go, their replies cannot return "
                        + "(`peerform reach` shows the path). " + returnRoute(plan, hop, peer)));
            }
        }
    }

    /** The route to add, as far as the plan knows its parts: in the peer's table, back to this side's range. */
    private static String returnRoute(PlannedSet plan, Node hop, Node peer) {
        Node here = plan.vpcIndex.find(hop.router());
        Node there = plan.vpcIndex.find(peer.router());
        String range = here == null ? null : PlanValues.str(here.view().current(), "cidr_block");
        String table = there != null ? there.address() + ".route_table_id"
                : "the route table of the router " + peer.address() + " is on";
        String destination = range != null ? "\"" + range + "\"" : here != null ? here.address() + ".cidr_block"
                : "<this side's range>";
        return "Add a route: resource \"alicloud_route_entry\" { route_table_id = " + table
                + ", destination_cidrblock = " + destination + ", nexthop_type = \"RouterInterface\", nexthop_id = "
                + peer.address() + ".id }.";
    }
}
