package dev.peerform.planner;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.addrs.InstanceKey;
import dev.peerform.addrs.ModuleStep;
import dev.peerform.plans.ResourceChange;
import dev.peerform.spi.ChangeAction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code -target}: the targeted instances (a resource address targets all its instances) and what they need. */
final class Targeting {

    private Targeting() {
    }

    static List<ResourceChange> target(List<ResourceChange> changes, List<InstanceAddress> targets,
            List<List<String>> modules, Map<String, Set<String>> deps) {
        Set<String> wanted = new HashSet<>();
        List<String> todo = new ArrayList<>();
        for (InstanceAddress t : targets) {
            todo.add(t.resource().toString());
        }
        for (ResourceChange c : changes) {
            if (inModules(c.address(), modules)) {
                todo.add(c.address().resource().toString());
            }
        }
        while (!todo.isEmpty()) {
            String a = todo.remove(todo.size() - 1);
            if (wanted.add(a)) {
                todo.addAll(deps.getOrDefault(a, Set.of()));
                // dependencies are recorded without module instance keys, as Terraform records them
                wanted.add(configAddress(a));
            }
        }
        List<ResourceChange> out = new ArrayList<>();
        for (ResourceChange c : changes) {
            boolean exact = inModules(c.address(), modules) || targets.stream().anyMatch(t -> t.equals(c.address())
                    || (t.key() == InstanceKey.NONE && t.resource().equals(c.address().resource())));
            boolean needed = wanted.contains(c.address().resource().toString())
                    || wanted.contains(configAddress(c.address().resource().toString()));
            if (exact || (needed && c.action() != ChangeAction.DELETE)) {
                out.add(c);
            }
        }
        return withDestroyedDependents(changes, out);
    }

    /**
     * A targeted object that is destroyed takes with it what depends on it and is destroyed too (the connections
     * and routes of a targeted interface, say), as Terraform's targeted destroy does: the cloud refuses to delete
     * an object still in use, and a state naming a route whose next hop is gone would be a lie.
     */
    private static List<ResourceChange> withDestroyedDependents(List<ResourceChange> changes,
            List<ResourceChange> chosen) {
        Set<ResourceChange> in = new HashSet<>(chosen);
        Set<String> destroyed = new HashSet<>();
        for (ResourceChange c : chosen) {
            if (c.action().destroys()) {
                destroyed.add(c.address().resource().toString());
                destroyed.add(configAddress(c.address().resource().toString()));
            }
        }
        boolean grew = !destroyed.isEmpty();
        while (grew) {
            grew = false;
            for (ResourceChange c : changes) {
                if (!in.contains(c) && c.action().destroys() && c.dependencies().stream().anyMatch(destroyed::contains)) {
                    in.add(c);
                    destroyed.add(c.address().resource().toString());
                    destroyed.add(configAddress(c.address().resource().toString()));
                    grew = true;
                }
            }
        }
        return changes.stream().filter(in::contains).toList();
    }

    /** Whether an instance is in one of the module instances named ({@code module.x} names all of x's). */
    private static boolean inModules(InstanceAddress a, List<List<String>> modules) {
        List<String> path = a.resource().modulePath();
        for (List<String> m : modules) {
            if (m.size() > path.size()) {
                continue;
            }
            boolean all = true;
            for (int i = 0; i < m.size() && all; i++) {
                ModuleStep want = ModuleStep.parse(m.get(i));
                ModuleStep have = ModuleStep.parse(path.get(i));
                all = want.name().equals(have.name()) && (want.key() == InstanceKey.NONE || want.equals(have));
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** {@code module.x.a.b} for {@code module.x["k"].a.b}. */
    private static String configAddress(String resource) {
        ModuleStep.Prefix p = ModuleStep.prefix(resource);
        return ConfigIndex.prefix(ModuleStep.names(p.steps())) + resource.substring(p.end());
    }
}
