package dev.peerform.planner;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.eval.ModuleValues;
import dev.peerform.graph.ConfigGraph;
import java.util.Set;

/**
 * What one planning pass reads: the configuration's graph, its values so far, the refreshed state, the options,
 * and the instances a provider said must be replaced (empty on the first pass).
 */
record PassInput(ConfigGraph graph, ModuleValues values, Refresh.Outcome refreshed, Planner.Options options,
        Set<InstanceAddress> required) {
}
