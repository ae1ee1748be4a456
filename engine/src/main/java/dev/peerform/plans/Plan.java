package dev.peerform.plans;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.addrs.ResourceAddress;
import dev.peerform.eval.Expansion;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.PlanAnnotation;
import dev.peerform.value.Value;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A plan: every instance's change, the outputs' changes, the drift refresh found, and the ordered action DAG. It
 * records the lineage and serial of the state it was made from, so that applying it to a state that moved since
 * is refused. {@code data} holds what the data sources read while planning: apply uses the same values.
 * {@code moved} maps each object a {@code moved} block moved to its address before; {@code forgotten} are the
 * objects {@code removed} blocks let go of without destroying them; {@code imported} the instances {@code import}
 * blocks bring under management, with their ids.
 */
public record Plan(PlanMode mode, List<ResourceChange> changes, List<OutputChange> outputs, List<Drift> drift,
        StepGraph steps, String lineage, long serial, Map<String, Value> variables,
        Map<String, String> providerEndpoints, Map<ResourceAddress, Expansion> expansions,
        Map<InstanceAddress, Value> data, Instant timestamp, Map<InstanceAddress, InstanceAddress> moved,
        List<InstanceAddress> forgotten, Map<InstanceAddress, String> imported, List<PlanAnnotation> annotations) {

    public Plan {
        annotations = List.copyOf(annotations);
    }

    /** A plan without annotations. */
    public Plan(PlanMode mode, List<ResourceChange> changes, List<OutputChange> outputs, List<Drift> drift,
            StepGraph steps, String lineage, long serial, Map<String, Value> variables,
            Map<String, String> providerEndpoints, Map<ResourceAddress, Expansion> expansions,
            Map<InstanceAddress, Value> data, Instant timestamp, Map<InstanceAddress, InstanceAddress> moved,
            List<InstanceAddress> forgotten, Map<InstanceAddress, String> imported) {
        this(mode, changes, outputs, drift, steps, lineage, serial, variables, providerEndpoints, expansions, data,
                timestamp, moved, forgotten, imported, List.of());
    }

    /** A plan without moved, forgotten or imported objects, and without annotations. */
    public Plan(PlanMode mode, List<ResourceChange> changes, List<OutputChange> outputs, List<Drift> drift,
            StepGraph steps, String lineage, long serial, Map<String, Value> variables,
            Map<String, String> providerEndpoints, Map<ResourceAddress, Expansion> expansions,
            Map<InstanceAddress, Value> data, Instant timestamp) {
        this(mode, changes, outputs, drift, steps, lineage, serial, variables, providerEndpoints, expansions, data,
                timestamp, Map.of(), List.of(), Map.of(), List.of());
    }

    /** The same plan with other variables (a saved plan's sensitive ones given again). */
    public Plan withVariables(Map<String, Value> other) {
        return new Plan(mode, changes, outputs, drift, steps, lineage, serial, other, providerEndpoints, expansions,
                data, timestamp, moved, forgotten, imported, annotations);
    }

    /** The same plan with what the providers add to it (its cost, for example). */
    public Plan withAnnotations(List<PlanAnnotation> more) {
        return new Plan(mode, changes, outputs, drift, steps, lineage, serial, variables, providerEndpoints,
                expansions, data, timestamp, moved, forgotten, imported, more);
    }

    /** True when applying would change anything: a resource, an output, or (refresh-only) the drift. */
    public boolean hasChanges() {
        if (mode == PlanMode.REFRESH_ONLY) {
            return !drift.isEmpty();
        }
        return !moved.isEmpty() || !forgotten.isEmpty() || !imported.isEmpty()
                || changes.stream().anyMatch(c -> c.action() != ChangeAction.NO_OP)
                || outputs.stream().anyMatch(o -> o.action() != ChangeAction.NO_OP);
    }

    public long count(ChangeAction... actions) {
        return changes.stream().filter(c -> List.of(actions).contains(c.action())).count();
    }

    public long toAdd() {
        return changes.stream().filter(c -> c.action() == ChangeAction.CREATE || c.action().isReplace()).count();
    }

    public long toChange() {
        return count(ChangeAction.UPDATE);
    }

    public long toDestroy() {
        return changes.stream().filter(c -> c.action().destroys()).count();
    }
}
