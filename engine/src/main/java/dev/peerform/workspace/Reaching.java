package dev.peerform.workspace;

import dev.peerform.diag.Diagnostics;
import dev.peerform.plans.ResourceChange;
import dev.peerform.providers.ProviderSet;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.ChangeView;
import dev.peerform.spi.ConfiguredProvider;
import dev.peerform.spi.ReachAnswer;
import dev.peerform.spi.ReachQuery;
import dev.peerform.spi.Reachability;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code reach}: hands each provider that can answer its own instances (all its configurations at once, since a
 * path crosses accounts) and takes the first answer. The engine knows no network: the provider does.
 */
final class Reaching {

    private Reaching() {
    }

    /** The refreshed state as the world: every instance as it is now (before and after alike). */
    static List<ChangeView> live(List<ResourceChange> refreshed) {
        List<ChangeView> out = new ArrayList<>();
        for (ResourceChange c : refreshed) {
            if (c.before() != null) {
                out.add(new ChangeView(c.address(), c.type(), ChangeAction.NO_OP, c.before(), c.before(),
                        c.references(), c.providerKey()));
            }
        }
        return out;
    }

    /** A plan's changes as the world once applied (deletions stay in: the provider leaves them out). */
    static List<ChangeView> planned(List<ResourceChange> changes) {
        List<ChangeView> out = new ArrayList<>();
        for (ResourceChange c : changes) {
            out.add(new ChangeView(c.address(), c.type(), c.action(), c.before(), c.after(), c.references(),
                    c.providerKey()));
        }
        return out;
    }

    static ReachAnswer answer(ProviderSet providers, ReachQuery query, List<ChangeView> world, Diagnostics diags) {
        Map<String, List<ChangeView>> byProvider = new LinkedHashMap<>();
        for (ChangeView c : world) {
            String key = c.provider();
            byProvider.computeIfAbsent(key.contains(".") ? key.substring(0, key.indexOf('.')) : key,
                    k -> new ArrayList<>()).add(c);
        }
        for (Map.Entry<String, List<ChangeView>> e : byProvider.entrySet()) {
            ConfiguredProvider p = providers.anyConfigured(e.getKey());
            Optional<Reachability> r = p == null ? Optional.empty() : p.reachability();
            if (r.isPresent()) {
                return r.get().reach(query, e.getValue(), diags);
            }
        }
        diags.error("Nothing to reach", world.isEmpty()
                ? "The " + (query.predicted() ? "plan" : "state") + " has no resources: apply the configuration "
                        + "first, or give a saved plan with -plan FILE."
                : "No provider of these resources can say whether traffic passes between them.", null);
        return null;
    }
}
