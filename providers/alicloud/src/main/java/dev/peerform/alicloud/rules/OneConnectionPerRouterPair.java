package dev.peerform.alicloud.rules;

import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.ChangeView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Only one connected pair may join two routers (Forbidden.OnlyOneConnection). Routers are grouped by every identity
 * they have (reference, literal id, id from state), so a second pair that names a router differently is caught too.
 */
final class OneConnectionPerRouterPair implements PlanRule {

    @Override
    public void check(PlannedSet plan, Diagnostics diags) {
        // connections grouped by the (unordered) pair of routers they join; the two sides of one pair share a group
        Map<Set<Token>, List<ChangeView>> byRouters = new LinkedHashMap<>();
        Map<ChangeView, Set<Node>> ends = new HashMap<>();
        for (ChangeView c : plan.connections) {
            Node[] e = plan.ends(c);
            if (e == null) {
                continue;
            }
            Token a = plan.routerOf(e[0]);
            Token b = plan.routerOf(e[1]);
            if (a == null || b == null) {
                continue;
            }
            byRouters.computeIfAbsent(pair(a, b), k -> new ArrayList<>()).add(c);
            ends.put(c, pair(e[0], e[1]));
        }
        for (List<ChangeView> group : byRouters.values()) {
            Set<Set<Node>> pairs = new LinkedHashSet<>();
            ChangeView firstSeen = null;
            for (ChangeView c : group) {
                if (pairs.isEmpty()) {
                    firstSeen = c;
                }
                if (pairs.add(ends.get(c)) && pairs.size() > 1) {
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

    /** An unordered pair (one element when both are the same). */
    private static <T> Set<T> pair(T a, T b) {
        return a.equals(b) ? Set.of(a) : Set.of(a, b);
    }
}
