package dev.peerform.apply;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.plans.PlannedStep;
import dev.peerform.plans.ResourceChange;
import dev.peerform.providers.ProviderSet;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.Phase;
import dev.peerform.states.AttributeCodec;
import dev.peerform.states.InstanceState;
import dev.peerform.states.State;
import dev.peerform.states.StepJournal;
import dev.peerform.states.StepRecord;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Value;
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

    StateRecorder(State state, StepJournal journal, ProviderSet providers, Map<InstanceAddress, Value> values,
            Map<InstanceAddress, ObjectValue> working) {
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
        journal.append(StepRecord.result(c.address().toString(), provider, s.id(),
                gone ? null : AttributeCodec.encode(forState, c.schema()),
                gone ? null : AttributeCodec.sensitivePaths(forState), c.dependencies(), gone));
        if (!s.lastOfPhase()) {
            if (!gone && s.spec().phase() != Phase.DESTROY) {
                putState(c, result, false);
            }
            return;
        }
        if (s.spec().phase() == Phase.DESTROY) {
            if (c.action() != ChangeAction.CREATE_THEN_DELETE) {
                state.remove(c.address());
                values.remove(c.address());
            }
        } else if (!gone) {
            putState(c, result, false);
            values.put(c.address(), result);
        }
    }

    private void putState(ResourceChange c, ObjectValue v, boolean tainted) {
        InstanceState is = new InstanceState(0, AttributeCodec.encode(v, c.schema()), AttributeCodec.sensitivePaths(v),
                c.dependencies(), tainted, c.createBeforeDestroy(), null);
        state.put(c.address(), providers.stateKey(c.providerKey()), is);
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
                        : AttributeCodec.sensitivePaths(w), c.dependencies()));
        if (s.spec().phase() == Phase.DESTROY || w == null) {
            return;
        }
        Value id = w.get("id");
        boolean exists = id != null && id.isKnown() && !id.isNull();
        if (exists) {
            putState(c, w, !update);
        } else if (c.before() == null) {
            state.remove(c.address());
        }
    }
}
