package dev.peerform.apply;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.plans.PlannedStep;
import dev.peerform.plans.ResourceChange;
import dev.peerform.providers.ProviderSet;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.Phase;
import dev.peerform.states.AttributeCodec;
import dev.peerform.states.InstanceState;
import dev.peerform.states.SharedNodes;
import dev.peerform.states.State;
import dev.peerform.states.StepJournal;
import dev.peerform.states.StepRecord;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Value;
import dev.peerform.json.TerraformJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each finished step leaves: its result journalled, the instance's working value, and at the end of a change's
 * half its state (and the value later expressions see). Runs on the walker's thread only.
 */
final class StateRecorder {

    private final State state;
    private final StepJournal journal;
    private final ProviderSet providers;
    private final Map<InstanceAddress, Value> values;
    private final Map<InstanceAddress, ObjectValue> working;
    /** The create steps of each unfinished create done so far (with those an earlier run finished). */
    private final Map<InstanceAddress, List<String>> completed = new HashMap<>();

    private final StateDependencies dependencies;
    /** The state's repeated subtrees (dynamic types, equal input and output) kept once. */
    private final SharedNodes shared = new SharedNodes();

    StateRecorder(State state, StepJournal journal, ProviderSet providers, Map<InstanceAddress, Value> values,
            Map<InstanceAddress, ObjectValue> working, StateDependencies dependencies) {
        this.dependencies = dependencies;
        this.state = state;
        this.journal = journal;
        this.providers = providers;
        this.values = values;
        this.working = working;
    }

    /** A step succeeded: its result becomes the instance's working value, and, at the end of a half, its state. */
    void record(PlannedStep s, ObjectValue result) {
        ResourceChange c = s.change();
        if (c.action() == ChangeAction.READ) {
            // what was read feeds what depends on it; data sources are read again by every plan, not kept
            working.put(c.address(), result);
            values.put(c.address(), result);
            return;
        }
        String provider = providers.stateKey(c.providerKey());
        working.put(c.address(), result);
        boolean gone = result == null;
        ObjectValue forState = gone ? null : result;
        List<String> done = List.of();
        if (s.spec().phase() == Phase.CREATE && !s.lastOfPhase()) {
            done = completed.computeIfAbsent(c.address(), a -> new ArrayList<>(c.resumedSteps()));
            done.add(s.spec().name());
            done = List.copyOf(done);
        } else if (s.spec().phase() == Phase.CREATE) {
            completed.remove(c.address());
        }
        journal.append(StepRecord.result(c.address().toString(), provider, s.id(),
                gone ? null : AttributeCodec.encode(forState, c.schema()),
                gone ? null : AttributeCodec.sensitivePaths(forState), dependencies.of(c), gone, done));
        if (!s.lastOfPhase()) {
            if (!gone && s.spec().phase() != Phase.DESTROY) {
                putState(c, result, false, done);
            }
            return;
        }
        if (s.spec().phase() == Phase.DESTROY) {
            if (c.action() != ChangeAction.CREATE_THEN_DELETE) {
                state.remove(c.address());
                values.remove(c.address());
            }
        } else if (!gone) {
            putState(c, result, false, List.of());
            values.put(c.address(), result);
        }
    }

    private void putState(ResourceChange c, ObjectValue v, boolean tainted, List<String> done) {
        InstanceState is = new InstanceState(0, shared.shareObject(AttributeCodec.encode(v, c.schema())),
                shared.share(AttributeCodec.sensitivePaths(v)),
                dependencies.of(c), tainted, c.createBeforeDestroy(), null, done);
        state.put(c.address(), providers.stateKey(c.providerKey()), is);
    }

    /**
     * A step stopped by a second interrupt did not fail: the cloud may still finish what it started. Nothing is
     * tainted: a destroy or an update is planned again from what the cloud has; a create keeps the steps it
     * finished, or, when its first step was cut off, its ClientToken, so that the next run resumes or re-issues
     * it (the journal's intent stands for the same, should this run not reach its final state write).
     */
    void recordCancelled(PlannedStep s, String token) {
        ResourceChange c = s.change();
        if (s.spec().phase() != Phase.CREATE) {
            return;
        }
        ObjectValue w = working.get(c.address());
        Value id = w == null ? null : w.get("id");
        boolean exists = id != null && id.isKnown() && !id.isNull();
        List<String> done = completed.getOrDefault(c.address(), c.resumedSteps());
        if (exists && !done.isEmpty()) {
            putState(c, w, false, List.copyOf(done));
            return;
        }
        if (token == null) {
            return;
        }
        InstanceState before = state.instance(c.address());
        InstanceState pending = before == null
                ? new InstanceState(0, TerraformJson.MAPPER.createObjectNode(), null, dependencies.of(c), true, false,
                        token)
                : before.withPendingClientToken(token);
        state.put(c.address(), providers.stateKey(c.providerKey()), pending);
    }

    /**
     * A failed create leaves what it made, tainted, so the next plan replaces it. A failed update leaves the object
     * as it was, not tainted: the cloud refused a change, the object is still good, and the next plan (after
     * refresh) retries what is left (Terraform does the same).
     */
    void recordFailure(PlannedStep s) {
        ResourceChange c = s.change();
        boolean update = c.action() == ChangeAction.UPDATE;
        ObjectValue w = update ? c.before() : working.get(c.address());
        journal.append(StepRecord.failed(c.address().toString(), providers.stateKey(c.providerKey()), s.id(),
                w == null ? null : AttributeCodec.encode(w, c.schema()), w == null ? null
                        : AttributeCodec.sensitivePaths(w), dependencies.of(c)));
        if (s.spec().phase() == Phase.DESTROY || w == null) {
            return;
        }
        Value id = w.get("id");
        boolean exists = id != null && id.isKnown() && !id.isNull();
        if (exists) {
            putState(c, w, !update, List.of());
        } else if (c.before() == null) {
            state.remove(c.address());
        }
    }
}
