package dev.peerform.planner;

import dev.peerform.diag.Diagnostics;
import dev.peerform.plans.ResourceChange;
import dev.peerform.providers.ProviderSet;
import dev.peerform.spi.ChangeView;
import dev.peerform.spi.ConfiguredProvider;
import dev.peerform.spi.PlanAnnotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What each provider adds to the plan for its changes (such as their cost), one provider name at a time. */
final class PlanAnnotations {

    private PlanAnnotations() {
    }

    static List<PlanAnnotation> of(ProviderSet providers, List<ResourceChange> changes, Diagnostics diags) {
        Map<String, List<ChangeView>> byProvider = new LinkedHashMap<>();
        for (ResourceChange c : changes) {
            byProvider.computeIfAbsent(ConfigIndex.providerName(c.providerKey()), k -> new ArrayList<>()).add(
                    new ChangeView(c.address(), c.type(), c.action(), c.before(), c.after(), c.references(),
                            c.providerKey()));
        }
        List<PlanAnnotation> out = new ArrayList<>();
        byProvider.forEach((name, views) -> {
            ConfiguredProvider p = providers.anyConfigured(name);
            if (p != null) {
                p.annotate(views, diags).ifPresent(out::add);
            }
        });
        return out;
    }
}
