package dev.peerform.alicloud.rules;

import dev.peerform.alicloud.resources.RouteEntryResource;
import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.ChangeView;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A new route whose destination the table already has, in an entry peerform does not manage (made in the
 * console, or forgotten with {@code state rm}): the cloud would refuse it (RouterEntryConflict.Duplicated). A create
 * that an interrupted run already sent is not refused: the entry the table has may be the one it made, and
 * re-issuing it with its ClientToken adopts that entry (or, if another made it, the cloud says so).
 */
final class UnmanagedRoutes implements PlanRule {

    private final Existing existing;

    UnmanagedRoutes(Existing existing) {
        this.existing = existing;
    }

    /**
     * The tables whose routes {@link #check} asks the cloud for, by provider: those of the routes it judges. The
     * provider starts their listings before the rules run, beside the other reads the rules ask for.
     */
    static Map<String, Set<String>> tablesAsked(List<ChangeView> all) {
        Map<String, Set<String>> out = new HashMap<>();
        Set<String> managed = managed(all);
        for (ChangeView c : all) {
            if (judged(c, managed)) {
                out.computeIfAbsent(c.provider(), k -> new LinkedHashSet<>()).add(PlanValues.str(c.after(),
                        "route_table_id"));
            }
        }
        return out;
    }

    @Override
    public void check(PlannedSet plan, Diagnostics diags) {
        Set<String> managed = managed(plan.all);
        Map<String, Set<String>> inCloud = new HashMap<>();
        for (ChangeView c : plan.all) {
            if (!judged(c, managed)) {
                continue;
            }
            String t = PlanValues.str(c.after(), "route_table_id");
            String normal = PlanValues.normalCidr(PlanValues.str(c.after(), "destination_cidrblock"));
            // one listing per table, however many routes go into it
            if (inCloud.computeIfAbsent(t, table -> existing.routeDestinations(c.provider(), table))
                    .contains(normal)) {
                diags.add(Diagnostic.errorAt(c.address().toString(), "Route destination already taken", "The route table " + t
                        + " already has a route to " + normal + " that peerform does not manage (made in the "
                        + "console, or removed from the state with `state rm`), and a table holds one route per "
                        + "destination (RouterEntryConflict.Duplicated). Bring it under management with `peerform import "
                        + c.address() + " " + t + ":" + normal + ":<next hop type>:<next hop id>`, or delete it, "
                        + "or choose another destination.").withAttribute("destination_cidrblock"));
            }
        }
    }

    /** The table and destination of every route the state has: those are peerform's. */
    private static Set<String> managed(List<ChangeView> all) {
        Set<String> managed = new HashSet<>();
        for (ChangeView c : all) {
            if (c.type().equals(RouteEntryResource.TYPE) && c.before() != null) {
                String t = PlanValues.str(c.before(), "route_table_id");
                String d = PlanValues.str(c.before(), "destination_cidrblock");
                if (t != null && d != null) {
                    managed.add(t + "|" + PlanValues.normalCidr(d));
                }
            }
        }
        return managed;
    }

    /** A new route, not one an interrupted run sent, to a known table and destination that is not peerform's. */
    private static boolean judged(ChangeView c, Set<String> managed) {
        if (!c.type().equals(RouteEntryResource.TYPE) || !c.action().creates() || c.action() == ChangeAction.UPDATE
                || c.pendingCreate()) {
            return false;
        }
        String t = PlanValues.str(c.after(), "route_table_id");
        String d = PlanValues.str(c.after(), "destination_cidrblock");
        return t != null && d != null && !managed.contains(t + "|" + PlanValues.normalCidr(d));
    }
}
