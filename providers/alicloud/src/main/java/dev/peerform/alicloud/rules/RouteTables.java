package dev.peerform.alicloud.rules;

import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.ChangeView;
import dev.peerform.value.Value;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A route table holds one route per destination (RouterEntryConflict.Duplicated), and a route's next hop is an
 * interface of the router whose table it is in. Both are refused only on what the plan proves: a table or router
 * known only after apply is left to the cloud.
 */
final class RouteTables implements PlanRule {

    @Override
    public void check(PlannedSet plan, Diagnostics diags) {
        Map<Token, Map<String, ChangeView>> seen = new LinkedHashMap<>();
        Map<Token, Node> tableOwners = new HashMap<>();
        for (Node n : plan.vpcs) {
            own(tableOwners, n);
        }
        for (Node n : plan.vbrs) {
            own(tableOwners, n);
        }
        for (ChangeView r : plan.routes) {
            String dest = PlanValues.str(r.current(), "destination_cidrblock");
            Token table = plan.proven(Identity.of(r, "route_table_id")).stream().sorted().findFirst().orElse(null);
            if (dest != null && table != null) {
                String normal = PlanValues.normalCidr(dest);
                ChangeView before = seen.computeIfAbsent(table, k -> new LinkedHashMap<>()).putIfAbsent(normal, r);
                if (before != null) {
                    diags.add(Diagnostic.errorAt(r.address().toString(), "Duplicate route destination", r.address() + " and "
                            + before.address() + " both route " + normal + " in the same route table; a table holds "
                            + "one route per destination (RouterEntryConflict.Duplicated). Remove one of them.")
                            .withAttribute("destination_cidrblock"));
                }
            }
            // a route that leaves the type out and points at one of the plan's interfaces is a RouterInterface route
            Value type = r.current() == null ? null : r.current().get("nexthop_type");
            if (type != null && !(type.isKnown() && type.isNull())
                    && !"RouterInterface".equals(PlanValues.str(r.current(), "nexthop_type"))) {
                continue;
            }
            Node hop = plan.interfaceIndex.find(Identity.of(r, "nexthop_id"));
            if (hop == null) {
                continue;
            }
            Node tableOwner = null;
            for (Token t : Identity.of(r, "route_table_id")) {
                tableOwner = tableOwner != null ? tableOwner : tableOwners.get(t);
            }
            // refused only when both routers are proven and differ; a router known only at apply waits for apply
            Token hopRouter = plan.routerOf(hop);
            Token tableRouter = tableOwner == null ? null : plan.routerKey(tableOwner.self());
            if (hopRouter != null && tableRouter != null && !hopRouter.equals(tableRouter)) {
                diags.add(Diagnostic.errorAt(r.address().toString(), "Next hop on another router", r.address() + " is in the "
                        + "route table of " + tableOwner.address() + ", but its next hop " + hop.address()
                        + " is an interface of another router. A route's next hop must be an interface of the router "
                        + "whose table it is in: use the interface on " + tableOwner.address() + ".")
                        .withAttribute("nexthop_id"));
            }
        }
    }

    /** A VPC or VBR answers for its table by its address (what a reference names) and by the table's id. */
    private static void own(Map<Token, Node> owners, Node n) {
        owners.put(Token.ref(n.address()), n);
        String tid = PlanValues.str(n.view().current(), "route_table_id");
        if (tid != null) {
            owners.put(Token.id(tid), n);
        }
    }
}
