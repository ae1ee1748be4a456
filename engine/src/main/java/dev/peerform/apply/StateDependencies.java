package dev.peerform.apply;

import dev.peerform.plans.ResourceChange;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dependencies an instance's state records, as Terraform records them: every resource it depends on, directly
 * or through another resource (a chain a <- b <- c stores both a and b for c), sorted. The plan's changes carry the
 * direct ones, which is what the step planner orders by; the closure is only what the state file says.
 */
final class StateDependencies {

    /** Direct dependencies per configuration address (the union over that resource's instances). */
    private final Map<String, Set<String>> direct = new HashMap<>();
    private final Map<String, List<String>> closed = new HashMap<>();

    StateDependencies(List<ResourceChange> changes) {
        for (ResourceChange c : changes) {
            direct.computeIfAbsent(c.address().resource().configAddress(), k -> new TreeSet<>())
                    .addAll(c.dependencies());
        }
    }

    /** What the state records for {@code c}: its dependencies and theirs, transitively, sorted. */
    List<String> of(ResourceChange c) {
        return closed.computeIfAbsent(c.address().resource().configAddress(), self -> {
            Set<String> out = new TreeSet<>();
            Deque<String> todo = new ArrayDeque<>(c.dependencies());
            while (!todo.isEmpty()) {
                String d = todo.poll();
                if (!d.equals(self) && out.add(d)) {
                    todo.addAll(direct.getOrDefault(d, Set.of()));
                }
            }
            return List.copyOf(out);
        });
    }
}
