package dev.peerform.planner;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.addrs.InstanceKey;
import dev.peerform.addrs.ResourceAddress;
import dev.peerform.addrs.ResourceMode;
import dev.peerform.diag.Diagnostics;
import dev.peerform.lang.Marks;
import dev.peerform.plans.Drift;
import dev.peerform.providers.ProviderSet;
import dev.peerform.spi.ConfiguredProvider;
import dev.peerform.spi.ResourceType;
import dev.peerform.spi.Schema;
import dev.peerform.states.AttributeCodec;
import dev.peerform.states.InstanceState;
import dev.peerform.states.State;
import dev.peerform.value.ObjectValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refresh: reads every managed instance of the state from the cloud, one batch per provider and type (the provider
 * decides how few calls that takes), and records what changed outside peerform as drift.
 */
final class Refresh {

    record Outcome(State state, Map<InstanceAddress, ObjectValue> current, Map<ResourceAddress, Schema> schemas,
            List<Drift> drift) {
    }

    private final ProviderSet providers;

    Refresh(ProviderSet providers) {
        this.providers = providers;
    }

    Outcome run(State prior, boolean refresh, Diagnostics diags) {
        State state = copy(prior);
        Map<InstanceAddress, ObjectValue> current = new LinkedHashMap<>();
        Map<ResourceAddress, Schema> schemas = new HashMap<>();
        Map<String, List<InstanceAddress>> batches = new LinkedHashMap<>();
        for (State.Resource r : state.resources().values()) {
            if (r.address.mode() == ResourceMode.DATA) {
                continue;
            }
            ResourceType type = providers.resourceType(r.address.type());
            if (type == null) {
                diags.error("Missing provider", "The state has " + r.address + ", of type " + r.address.type()
                        + ", but no provider of peerform supports that type.", null);
                continue;
            }
            schemas.put(r.address, type.schema());
            for (Map.Entry<InstanceKey, InstanceState> e : r.instances.entrySet()) {
                InstanceState is = e.getValue();
                if (is.pendingClientToken() != null && is.attributes().isEmpty()) {
                    continue; // a create interrupted before the cloud answered: re-issued, not refreshed
                }
                InstanceAddress a = r.address.instance(e.getKey());
                current.put(a, AttributeCodec.decode(is, type.schema()));
                batches.computeIfAbsent(providerKey(r.provider) + "\u0000" + r.address.type(), k -> new ArrayList<>())
                        .add(a);
            }
        }
        List<Drift> drift = new ArrayList<>();
        if (refresh) {
            for (Map.Entry<String, List<InstanceAddress>> batch : batches.entrySet()) {
                String[] key = batch.getKey().split("\u0000");
                ConfiguredProvider p = providers.configured(key[0]);
                if (p == null) {
                    continue; // the provider is not configured (it reported why); plan with the state as it is
                }
                List<ObjectValue> priors = batch.getValue().stream().map(current::get).toList();
                List<ObjectValue> now = p.read(key[1], priors, diags);
                for (int i = 0; i < priors.size(); i++) {
                    InstanceAddress a = batch.getValue().get(i);
                    ObjectValue before = priors.get(i);
                    if (now.get(i) == before) {
                        continue; // the provider read back the very object it was given: no drift
                    }
                    ObjectValue after = now.get(i) == null ? null : AttributeCodec.remarked(now.get(i), before);
                    if (after == null) {
                        drift.add(new Drift(a, schemas.get(a.resource()), before, null));
                        current.remove(a);
                        state.remove(a);
                    } else if (!Marks.sameIgnoringMarks(before, after)) {
                        drift.add(new Drift(a, schemas.get(a.resource()), before, after));
                        current.put(a, after);
                        InstanceState is = state.instance(a);
                        state.put(a, null, is.withAttributes(AttributeCodec.encode(after, schemas.get(a.resource())),
                                AttributeCodec.sensitivePaths(after)));
                    }
                }
            }
        }
        return new Outcome(state, current, schemas, drift);
    }

    static State copy(State prior) {
        State s = new State(prior.serial(), prior.lineage());
        s.terraformVersion(prior.terraformVersion());
        for (State.Resource r : prior.resources().values()) {
            r.instances.forEach((k, i) -> s.put(r.address.instance(k), r.provider, i));
        }
        s.outputs().putAll(prior.outputs());
        return s;
    }

    /** {@code alicloud.b} from {@code provider["registry.terraform.io/aliyun/alicloud"].b}. */
    static String providerKey(String stateKey) {
        if (stateKey == null) {
            return "";
        }
        int open = stateKey.indexOf("[\"");
        int close = stateKey.indexOf("\"]");
        if (open < 0 || close < 0) {
            return stateKey;
        }
        String source = stateKey.substring(open + 2, close);
        return source.substring(source.lastIndexOf('/') + 1) + stateKey.substring(close + 2);
    }
}
