package dev.peerform.planner;

import dev.peerform.addrs.ModuleStep;
import dev.peerform.addrs.ResourceAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which instances a dependency names. Dependencies are the configuration's (as the state records them:
 * {@code module.peer.alicloud_vpc.a}, no instance keys), while changes belong to module instances
 * ({@code module.peer["a"].alicloud_vpc.a}). Within the module instances a dependent and its dependency share, the
 * dependency is the dependent's own instance (a resource in {@code module.peer["a"]} depends on its sibling in
 * {@code module.peer["a"]}, never on the one in {@code module.peer["b"]}); below that, every instance.
 */
final class DependencyInstances<T> {

    private final Map<String, List<Entry<T>>> byConfig = new HashMap<>();

    private record Entry<T>(ResourceAddress address, T value) {
    }

    void add(ResourceAddress address, T value) {
        byConfig.computeIfAbsent(configForm(address), k -> new ArrayList<>()).add(new Entry<>(address, value));
    }

    /** The values of the instances that {@code dependency}, named by the configuration, means for {@code of}. */
    List<T> of(ResourceAddress of, String dependency) {
        List<T> out = new ArrayList<>();
        for (Entry<T> e : byConfig.getOrDefault(dependency, List.of())) {
            if (sameSharedInstances(of.modulePath(), e.address().modulePath())) {
                out.add(e.value());
            }
        }
        return out;
    }

    /** True when the two module paths select the same instance in every module call they both go through. */
    private static boolean sameSharedInstances(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            ModuleStep x = ModuleStep.parse(a.get(i));
            ModuleStep y = ModuleStep.parse(b.get(i));
            if (!x.name().equals(y.name())) {
                return true; // the paths part here: the rest are different calls, every instance of which counts
            }
            if (!x.equals(y)) {
                return false;
            }
        }
        return true;
    }

    static String configForm(ResourceAddress a) {
        StringBuilder b = new StringBuilder();
        for (String step : a.modulePath()) {
            b.append("module.").append(ModuleStep.parse(step).name()).append('.');
        }
        return b + a.toString().substring(a.modulePrefix().length());
    }
}
