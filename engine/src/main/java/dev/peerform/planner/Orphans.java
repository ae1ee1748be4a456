package dev.peerform.planner;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.addrs.InstanceKey;
import dev.peerform.addrs.ModuleStep;
import dev.peerform.diag.Diagnostics;
import dev.peerform.addrs.ResourceMode;
import dev.peerform.config.Module;
import dev.peerform.config.Resource;
import dev.peerform.plans.ChangeReason;
import dev.peerform.plans.PlanMode;
import dev.peerform.plans.ResourceChange;
import dev.peerform.spi.ChangeAction;
import dev.peerform.states.InstanceState;
import dev.peerform.states.State;
import dev.peerform.value.ObjectValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Instances the state has and the configuration no longer does (or every one, when destroying): deleted. */
final class Orphans {

    private Orphans() {
    }

    static void plan(PassInput in, PassOutput out, ConfigIndex config) {
        // an orphan's delete replaces any change planned for its address; removing them in one pass keeps a
        // destroy of N instances linear (one removeIf per instance made it quadratic)
        Map<InstanceAddress, ResourceChange> deletes = new LinkedHashMap<>();
        for (Map.Entry<InstanceAddress, ObjectValue> e : in.refreshed().current().entrySet()) {
            InstanceAddress a = e.getKey();
            if (a.resource().mode() == ResourceMode.DATA
                    || (out.inConfig().contains(a) && in.options().mode() != PlanMode.DESTROY)) {
                continue;
            }
            State.Resource sr = in.refreshed().state().resource(a.resource());
            InstanceState is = sr.instances.get(a.key());
            ChangeReason reason = in.options().mode() == PlanMode.DESTROY ? ChangeReason.NONE : reason(a, config, in);
            deletes.put(a, new ResourceChange(a, Refresh.providerKey(sr.provider),
                    in.refreshed().schemas().get(a.resource()), ChangeAction.DELETE, e.getValue(), null, List.of(),
                    reason, Map.of(), is.dependencies(), false, null));
        }
        out.changes().removeIf(c -> deletes.containsKey(c.address()));
        out.changes().addAll(deletes.values());
    }

    /** Why the configuration no longer has the instance, as Terraform's action reasons say it. */
    private static ChangeReason reason(InstanceAddress a, ConfigIndex config, PassInput in) {
        Module m = config.moduleOf(a);
        String local = ConfigIndex.localName(a);
        List<String> path = a.resource().modulePath();
        if (!path.isEmpty()
                && !in.values().moduleInstances(ModuleStep.names(path), new Diagnostics()).contains(path)) {
            return ChangeReason.DELETE_BECAUSE_NO_MODULE;
        }
        if (m == null || !m.resources().containsKey(local)) {
            return ChangeReason.DELETE_BECAUSE_NO_RESOURCE_CONFIG;
        }
        Resource r = m.resources().get(local);
        if (a.key() instanceof InstanceKey.IntKey) {
            return r.count() == null ? ChangeReason.DELETE_BECAUSE_NO_REPETITION
                    : ChangeReason.DELETE_BECAUSE_COUNT_INDEX;
        }
        if (a.key() instanceof InstanceKey.StringKey) {
            return r.forEach() == null ? ChangeReason.DELETE_BECAUSE_NO_REPETITION
                    : ChangeReason.DELETE_BECAUSE_EACH_KEY;
        }
        return ChangeReason.DELETE_BECAUSE_WRONG_REPETITION;
    }
}
