package dev.peerform.planner;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.plans.ResourceChange;
import dev.peerform.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one planning pass builds as it walks the graph: each instance's planned value (what later expressions
 * see), the changes, the instances the configuration has, and each resource's resource dependencies (for
 * {@code -target}), and those of them only {@code depends_on} gives (an order, not a value: see
 * {@link StepPlanner}).
 */
record PassOutput(Map<InstanceAddress, Value> planned, List<ResourceChange> changes, Set<InstanceAddress> inConfig,
        Map<String, Set<String>> resourceDeps, Map<String, Set<String>> orderOnlyDeps) {

    PassOutput(Map<InstanceAddress, Value> planned) {
        this(planned, new ArrayList<>(), new HashSet<>(), new HashMap<>(), new HashMap<>());
    }
}
