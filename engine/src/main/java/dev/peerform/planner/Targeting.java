package dev.peerform.planner;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.addrs.InstanceKey;
import dev.peerform.addrs.ModuleStep;
import dev.peerform.addrs.ResourceAddress;
import dev.peerform.plans.ResourceChange;
import dev.peerform.spi.ChangeAction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code -target}: the targeted instances (a resource address targets all its instances) and what they need. */
final class Targeting {

    private Targeting() {
    }

    static List<ResourceChange> target(List<ResourceChange> changes, List<InstanceAddress> targets,
            List<List<String>> modules, Map<String, Set<String>> deps) {
        Map<String, Set<ResourceAddress>> byKey = new HashMap<>();
        for (ResourceChange c : changes) {
            for (String key : DependencyInstances.keys(c.address().resource())) {
                byKey.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(c.address().resource());
            }
        }
        Set<String> wanted = new HashSet<>();
        List<ResourceAddress> todo = new ArrayList<>();
        for (InstanceAddress t : targets) {
            todo.add(t.resource());
        }
        for (ResourceChange c : changes) {
            if (inModules(c.address(), modules)) {
                todo.add(c.address().resource());
            }
        }
        while (!todo.isEmpty()) {
            ResourceAddress a = todo.remove(todo.size() - 1);
            if (wanted.add(a.toString())) {
                // recorded without module instance keys, as Terraform records them: those of a's own instance
                for (String dep : deps.getOrDefault(a.toString(), Set.of())) {
                    todo.addAll(byKey.getOrDefault(DependencyInstances.lookup(a, dep), Set.of()));
                }
            }
        }
        List<ResourceChange> out = new ArrayList<>();
        for (ResourceChange c : changes) {
            boolean exact = inModules(c.address(), modules) || targets.stream().anyMatch(t -> t.equals(c.address())
                    || (t.key() == InstanceKey.NONE && t.resource().equals(c.address().resource())));
            boolean needed = wanted.contains(c.address().resource().toString());
            if (exact || (needed && c.action() != ChangeAction.DELETE)) {
                out.add(c);
            }
        }
        return withDestroyedDependents(changes, out);
    }

    /**
     * A targeted object that is destroyed takes with it what depends on it and is destroyed too (the connections
     * and routes of a targeted interface, say), as Terraform's targeted destroy does: the cloud refuses to delete
     * an object still in use, and a state naming a route whose next hop is gone would be a lie. Only what depends
     * on it: in another instance of the same module, nothing does.
     */
    private static List<ResourceChange> withDestroyedDependents(List<ResourceChange> changes,
            List<ResourceChange> chosen) {
        Set<ResourceChange> in = new HashSet<>(chosen);
        Set<String> destroyed = new HashSet<>();
        for (ResourceChange c : chosen) {
            if (c.action().destroys()) {
                destroyed.addAll(DependencyInstances.keys(c.address().resource()));
            }
        }
        boolean grew = !destroyed.isEmpty();
        while (grew) {
            grew = false;
            for (ResourceChange c : changes) {
                if (!in.contains(c) && c.action().destroys() && c.dependencies().stream().anyMatch(
                        d -> destroyed.contains(DependencyInstances.lookup(c.address().resource(), d)))) {
                    in.add(c);
                    destroyed.addAll(DependencyInstances.keys(c.address().resource()));
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
}
