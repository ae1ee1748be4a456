package dev.peerform.states;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.json.TerraformJson;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds the step records of an interrupted run into the state, whatever backend kept them: results replace the
 * instances they name, a create whose result never came is kept with its ClientToken so that the next apply
 * re-issues it rather than creating a duplicate.
 */
final class Recovery {

    private Recovery() {
    }

    static void fold(State state, List<StepRecord> records) {
        Map<String, StepRecord> openCreates = new HashMap<>();
        for (StepRecord e : records) {
            InstanceAddress address = InstanceAddress.parse(e.address());
            switch (e.kind()) {
                case INTENT -> {
                    if (e.creates()) {
                        openCreates.put(e.address(), e);
                    }
                }
                case RESULT, FAILED -> {
                    openCreates.remove(e.address());
                    if (e.gone()) {
                        state.remove(address);
                    } else {
                        InstanceState before = state.instance(address);
                        boolean failed = e.kind() == StepRecord.Kind.FAILED;
                        // a create that stopped after some of its steps resumes after them, not as made
                        InstanceState after = new InstanceState(0, e.attributes(), e.sensitive(), e.dependencies(),
                                failed && (before == null || before.tainted()), false, null,
                                failed && before != null ? before.completedSteps() : e.completed());
                        state.put(address, e.provider(), after);
                    }
                }
            }
        }
        for (StepRecord open : openCreates.values()) {
            InstanceAddress address = InstanceAddress.parse(open.address());
            InstanceState before = state.instance(address);
            InstanceState pending = before == null
                    ? new InstanceState(0, TerraformJson.MAPPER.createObjectNode(), null, List.of(), true, false,
                            open.token())
                    : before.withPendingClientToken(open.token());
            state.put(address, open.provider(), pending);
        }
        state.bumpSerial();
    }
}
