package dev.peerform.planner;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.config.Resource;
import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import dev.peerform.plans.ResourceChange;
import dev.peerform.providers.ProviderSet;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.ChangeView;
import dev.peerform.spi.ConfiguredProvider;
import dev.peerform.syntax.Attribute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rules a provider checks over the whole plan, one provider (every alias of it) at a time: what the cloud
 * cannot keep through the changes, and what it would refuse. Its diagnostics are placed in the source here.
 */
final class ProviderChecks {

    private final ProviderSet providers;
    private final ConfigIndex config;

    ProviderChecks(ProviderSet providers, ConfigIndex config) {
        this.providers = providers;
        this.config = config;
    }

    /** What the providers say must be replaced along with the planned changes (and is not replaced yet), and why. */
    Map<InstanceAddress, String> replacementsRequired(List<ResourceChange> changes) {
        Map<InstanceAddress, String> out = new TreeMap<>();
        Map<String, ResourceChange> byAddress = new HashMap<>();
        changes.forEach(c -> byAddress.put(c.address().toString(), c));
        views(changes).forEach((name, views) -> {
            ConfiguredProvider p = providers.anyConfigured(name);
            if (p == null) {
                return;
            }
            p.replacementsRequired(views).forEach((address, why) -> {
                ResourceChange c = byAddress.get(address);
                if (c != null && (c.action() == ChangeAction.NO_OP || c.action() == ChangeAction.UPDATE)) {
                    out.put(c.address(), why);
                }
            });
        });
        return out;
    }

    void validatePlan(List<ResourceChange> changes, Diagnostics diags) {
        views(changes).forEach((name, views) -> {
            ConfiguredProvider p = providers.anyConfigured(name);
            if (p != null) {
                Diagnostics found = new Diagnostics();
                p.validatePlan(views, found);
                found.list().forEach(d -> diags.add(located(d)));
            }
        });
    }

    private static Map<String, List<ChangeView>> views(List<ResourceChange> changes) {
        Map<String, List<ChangeView>> byProvider = new LinkedHashMap<>();
        for (ResourceChange c : changes) {
            byProvider.computeIfAbsent(ConfigIndex.providerName(c.providerKey()), k -> new ArrayList<>()).add(
                    new ChangeView(c.address(), c.type(), c.action(), c.before(), c.after(),
                            c.references(), c.providerKey(), c.pendingClientToken() != null
                            && c.action().creates()));
        }
        return byProvider;
    }

    /**
     * A provider sees values, not source: its diagnostic names a resource (and maybe an argument), and is shown at
     * the argument's value, or at the resource's block, as Terraform does.
     */
    static Diagnostic at(Diagnostic d, Resource r) {
        if (d.subject() != null || r == null) {
            return d;
        }
        if (d.attribute() != null) {
            for (Attribute a : r.body().attributes()) {
                if (a.name().equals(d.attribute())) {
                    return d.withSubject(a.expr().range());
                }
            }
        }
        return d.withSubject(r.range());
    }

    private Diagnostic located(Diagnostic d) {
        if (d.subject() != null || d.address() == null) {
            return d;
        }
        try {
            return at(d, config.configOf(InstanceAddress.parse(d.address())));
        } catch (IllegalArgumentException notAnAddress) {
            return d;
        }
    }
}
