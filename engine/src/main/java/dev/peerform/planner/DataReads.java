package dev.peerform.planner;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.addrs.InstanceKey;
import dev.peerform.addrs.ResourceAddress;
import dev.peerform.config.Resource;
import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import dev.peerform.eval.Expansion;
import dev.peerform.eval.ModuleValues;
import dev.peerform.graph.ConfigNode;
import dev.peerform.plans.ChangeReason;
import dev.peerform.plans.ResourceChange;
import dev.peerform.providers.ProviderSet;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.ConfiguredProvider;
import dev.peerform.spi.Schema;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Value;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A data source is read while planning when its configuration is known and nothing it depends on changes. One
 * configured with values known only after apply, or depending on a resource with a change pending, is read during
 * apply, as Terraform does: the plan holds a read change ({@code <= read}) whose result
 * is unknown until then, and the action DAG a read step after what the configuration depends on.
 */
final class DataReads {

    private final ProviderSet providers;
    private final ConfigIndex config;

    DataReads(ProviderSet providers, ConfigIndex config) {
        this.providers = providers;
        this.config = config;
    }

    void read(ConfigNode node, Resource r, ResourceAddress address, ModuleValues values, PassOutput out,
            List<String> dependencies, Diagnostics diags) {
        Map<InstanceAddress, Value> planned = out.planned();
        if (providers.dataSourceType(r.type()) == null) {
            diags.error("Invalid data source", "The provider " + Resource.impliedProvider(r.type()) + " does not "
                    + "support data source \"" + r.type() + "\".", r.range());
            return;
        }
        Expansion expansion = values.expansion(node.path(), r, diags);
        if (expansion == null) {
            return;
        }
        ConfiguredProvider p = providers.configured(config.providerKeyFor(node.path(), r));
        for (InstanceKey key : expansion.keys()) {
            InstanceAddress ia = address.instance(key);
            Diagnostics decoding = new Diagnostics();
            ObjectValue cfg = values.instanceConfig(node.path(), r, key, decoding);
            diags.addAll(decoding);
            if (cfg == null || decoding.hasErrors()) {
                return;
            }
            ChangeReason deferred = !cfg.isWhollyKnown() ? ChangeReason.READ_BECAUSE_CONFIG_UNKNOWN
                    : pending(out, address, dependencies) ? ChangeReason.READ_BECAUSE_DEPENDENCY_PENDING : ChangeReason.NONE;
            if (deferred != ChangeReason.NONE) {
                Schema schema = providers.dataSourceType(r.type()).schema();
                ObjectValue after = unknownResults(schema, cfg);
                Map<String, List<String>> references = values.instanceReferences(node.path(), r, expansion, key,
                    ConfigIndex.prefix(node.path()));
                out.changes().add(new ResourceChange(ia, config.providerKeyFor(node.path(), r), schema,
                        ChangeAction.READ, null, after, List.of(), deferred, references, dependencies, false,
                        null));
                planned.put(ia, after);
                continue;
            }
            if (p == null) {
                return;
            }
            Diagnostics local = new Diagnostics();
            ObjectValue v = p.readData(r.type(), cfg, local);
            for (Diagnostic d : local.list()) {
                diags.add(d.subject() == null && d.address() == null ? d.withAddress(ia.toString()) : d);
            }
            planned.put(ia, v == null ? cfg : v);
        }
    }

    /**
     * Whether a resource the data source depends on changes in this plan: then, as in Terraform, it is read after
     * that change (a filter by a name that is configured, and so known, would otherwise read before the object
     * exists).
     */
    private static boolean pending(PassOutput out, ResourceAddress reader, List<String> dependencies) {
        Set<String> waited = dependencies.stream().map(d -> DependencyInstances.lookup(reader, d))
                .collect(Collectors.toSet());
        return out.changes().stream().anyMatch(c -> c.action() != ChangeAction.NO_OP
                && c.action() != ChangeAction.READ
                && DependencyInstances.keys(c.address().resource()).stream().anyMatch(waited::contains));
    }

    /** What a read during apply plans: the arguments as configured, every attribute left unset unknown. */
    private static ObjectValue unknownResults(Schema schema, ObjectValue cfg) {
        Map<String, Value> out = new TreeMap<>(cfg.attributes());
        schema.attributes().forEach((name, a) -> {
            Value v = out.get(name);
            if (a.computed() && (v == null || v.isNull())) {
                out.put(name, Value.unknown(a.type()));
            }
        });
        return new ObjectValue(out);
    }
}
