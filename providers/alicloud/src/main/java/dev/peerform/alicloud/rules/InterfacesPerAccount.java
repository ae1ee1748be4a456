package dev.peerform.alicloud.rules;

import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An account has at most {@code limit} interfaces (QuotaExceeded), counting those already in it outside this
 * configuration. When the cloud cannot be asked, the plan says the check could not be made.
 */
final class InterfacesPerAccount implements PlanRule {

    private final Existing existing;
    private final int limit;

    InterfacesPerAccount(Existing existing, int limit) {
        this.existing = existing;
        this.limit = limit;
    }

    @Override
    public void check(PlannedSet plan, Diagnostics diags) {
        Map<String, List<Node>> byAccount = new LinkedHashMap<>();
        for (Node ri : plan.interfaces) {
            String account = existing.account(ri.view().provider());
            byAccount.computeIfAbsent(account == null ? ri.view().provider() : account, k -> new ArrayList<>())
                    .add(ri);
        }
        for (Map.Entry<String, List<Node>> e : byAccount.entrySet()) {
            List<Node> mine = e.getValue();
            Existing.Count count = existing.inAccount(mine.get(0).view().provider(),
                    InterfacesPerRouter.managedIds(mine));
            if (!count.known()) {
                diags.add(Diagnostic.warningAt(mine.get(0).address(), "Interfaces per account not checked",
                        "peerform could not count the router interfaces already in account " + e.getKey() + ": "
                        + count.unreadable() + ". The plan counts only the " + mine.size() + " managed here; the "
                        + "account's quota is " + limit + " and the cloud will refuse more at apply (QuotaExceeded)."));
            }
            int outside = count.outside();
            if (mine.size() + outside > limit) {
                diags.add(Diagnostic.errorAt(mine.get(mine.size() - 1).address(), "Too many interfaces in one "
                        + "account", "An account has at most " + limit + " router interfaces; this plan would make "
                        + (mine.size() + outside) + " in account " + e.getKey() + " (" + mine.size() + " managed here"
                        + (outside > 0 ? ", " + outside + " more already there" : "") + ") (QuotaExceeded). Remove "
                        + "unused interfaces or ask for a larger quota."));
            }
        }
    }
}
