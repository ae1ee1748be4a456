package dev.peerform.alicloud.rules;

import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A router has at most {@code limit} interfaces (LimitationExceed.InterfaceNumberOnRouter), counting those already
 * on it outside this configuration. When the cloud cannot be asked, the plan says the check could not be made.
 */
final class InterfacesPerRouter implements PlanRule {

    private final Existing existing;
    private final int limit;

    InterfacesPerRouter(Existing existing, int limit) {
        this.existing = existing;
        this.limit = limit;
    }

    @Override
    public void check(PlannedSet plan, Diagnostics diags) {
        Map<Token, List<Node>> byRouter = new LinkedHashMap<>();
        for (Node ri : plan.interfaces) {
            Token key = plan.routerOf(ri);
            if (key != null) {
                byRouter.computeIfAbsent(key, k -> new ArrayList<>()).add(ri);
            }
        }
        for (List<Node> on : byRouter.values()) {
            int outside = 0;
            String routerId = PlanValues.str(on.get(0).view().current(), "router_id");
            if (routerId != null) {
                Existing.Count count = existing.onRouter(on.get(0).view().provider(), routerId, managedIds(on));
                if (!count.known()) {
                    diags.add(Diagnostic.warningAt(on.get(0).address(), "Interfaces per router not checked",
                            "peerform could not count the router interfaces already on " + routerId + ": "
                            + count.unreadable() + ". The plan counts only the " + on.size() + " managed here; the "
                            + "cloud allows " + limit + " per router and will refuse more at apply "
                            + "(LimitationExceed.InterfaceNumberOnRouter)."));
                }
                outside = count.outside();
            }
            if (on.size() + outside > limit) {
                diags.add(Diagnostic.errorAt(on.get(on.size() - 1).address(), "Too many interfaces on one "
                        + "router", "A router has at most " + limit + " router interfaces, but "
                        + PlannedSet.names(on) + " would put " + on.size() + " on the same router"
                        + (outside > 0 ? ", which already has " + outside + " more not managed here" : "")
                        + " (LimitationExceed.InterfaceNumberOnRouter). Spread them over more routers or raise the "
                        + "quota.").withAttribute("router_id"));
            }
        }
    }

    /** The ids of the interfaces managed here that already exist. */
    static Set<String> managedIds(List<Node> nodes) {
        Set<String> managed = new HashSet<>();
        for (Node n : nodes) {
            String id = PlanValues.str(n.view().current(), "id");
            if (id != null) {
                managed.add(id);
            }
            // an interface being replaced still has its old object in the cloud: that one is ours too, and the
            // node already counts it (it is deleted before its successor is made)
            String old = PlanValues.str(n.view().before(), "id");
            if (old != null) {
                managed.add(old);
            }
        }
        return managed;
    }
}
