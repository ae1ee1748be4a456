package dev.peerform.planner;

import dev.peerform.addrs.ModuleStep;
import dev.peerform.addrs.ResourceAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Which instances a recorded dependency means. Dependencies are recorded as Terraform records them, by the
 * configuration's address ({@code module.peer.terraform_data.p}, no instance keys). Read from a dependent in
 * {@code module.peer["x"]}, the module calls the two share are the dependent's own module instances: its
 * dependency is {@code module.peer["x"].terraform_data.p}, not that of every instance of the call. Below the shared
 * calls (a module the dependent's module calls, or one its caller calls) the dependency is every instance, as a
 * reference to a module's output or a {@code depends_on} on a whole module means in Terraform.
 *
 * <p>The index holds each resource under every scope it can be looked up in (its configuration's address under
 * each leading part of its module instance path), so that resolving is one lookup however many instances a
 * module call has.
 */
final class DependencyInstances {

    private DependencyInstances() {
    }

    /** The keys {@code resource}'s instances are indexed under, one per leading part of its module path. */
    static List<String> keys(ResourceAddress resource) {
        List<String> path = resource.modulePath();
        String config = resource.configAddress();
        List<String> out = new ArrayList<>(path.size() + 1);
        for (int k = 0; k <= path.size(); k++) {
            out.add(key(config, path.subList(0, k)));
        }
        return out;
    }

    /** The index key of the instances of {@code dependency} (a configuration address) {@code dependent} waits for. */
    static String lookup(ResourceAddress dependent, String dependency) {
        ModuleStep.Prefix steps;
        try {
            steps = ModuleStep.prefix(dependency);
        } catch (IllegalArgumentException e) {
            // a state edited by hand may name what no address can be: it orders nothing, as before it was read
            return dependency;
        }
        List<String> calls = ModuleStep.names(steps.steps());
        List<String> path = dependent.modulePath();
        int shared = 0;
        while (shared < path.size() && shared < calls.size()
                && ModuleStep.parse(path.get(shared)).name().equals(calls.get(shared))) {
            shared++;
        }
        // a dependency written with instance keys (not as Terraform writes them) still means its resource here
        String config = ConfigIndex.prefix(calls) + dependency.substring(steps.end());
        return key(config, path.subList(0, shared));
    }


    private static String key(String config, List<String> scope) {
        return config + " in " + ConfigIndex.prefix(scope);
    }
}
