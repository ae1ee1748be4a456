package dev.peerform.planner;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.addrs.InstanceKey;
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
            Map<String, Set<String>> deps) {
        Set<String> wanted = new HashSet<>();
        List<String> todo = new ArrayList<>();
        for (InstanceAddress t : targets) {
            todo.add(t.resource().toString());
        }
        while (!todo.isEmpty()) {
            String a = todo.remove(todo.size() - 1);
            if (wanted.add(a)) {
                todo.addAll(deps.getOrDefault(a, Set.of()));
            }
        }
        List<ResourceChange> out = new ArrayList<>();
        for (ResourceChange c : changes) {
            boolean exact = targets.stream().anyMatch(t -> t.equals(c.address()) || (t.key() == InstanceKey.NONE
                    && t.resource().equals(c.address().resource())));
            if (exact || (wanted.contains(c.address().resource().toString()) && c.action() != ChangeAction.DELETE)) {
                out.add(c);
            }
        }
        return out;
    }
}
