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
import dev.peerform.providers.ProviderSet;
import dev.peerform.spi.ConfiguredProvider;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Value;
import java.util.Map;

/**
 * A data source is read while planning, once its configuration is known; one that depends on values known only
 * after apply is an error that says so (peerform does not defer reads).
 */
final class DataReads {

    private final ProviderSet providers;
    private final ConfigIndex config;

    DataReads(ProviderSet providers, ConfigIndex config) {
        this.providers = providers;
        this.config = config;
    }

    void read(ConfigNode node, Resource r, ResourceAddress address, ModuleValues values,
            Map<InstanceAddress, Value> planned, Diagnostics diags) {
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
            if (!cfg.isWhollyKnown()) {
                diags.error("Data source depends on values known only after apply", ia + " can be read only once "
                        + "the values it is configured with are known. Apply the resources it depends on first "
                        + "(for example with -target), or configure it with values known now.", r.range());
                return;
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
}
