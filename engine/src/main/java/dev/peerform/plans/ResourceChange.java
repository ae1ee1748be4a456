package dev.peerform.plans;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.Schema;
import dev.peerform.value.ObjectValue;
import java.util.List;
import java.util.Map;

/**
 * The planned change of one resource instance: its action, the object before (null when creating) and after (null
 * when deleting; unknown values where the cloud decides), why (for replacements and deletions), and what each
 * attribute's expression refers to. {@code resumedSteps} are the create steps an interrupted run already finished:
 * the change resumes after them, with the same order of work for the steps that remain.
 */
public record ResourceChange(InstanceAddress address, String providerKey, Schema schema, ChangeAction action,
        ObjectValue before, ObjectValue after, List<String> replacePaths, ChangeReason reason,
        Map<String, List<String>> references, List<String> dependencies, boolean createBeforeDestroy,
        String pendingClientToken, List<String> resumedSteps) {

    public ResourceChange(InstanceAddress address, String providerKey, Schema schema, ChangeAction action,
            ObjectValue before, ObjectValue after, List<String> replacePaths, ChangeReason reason,
            Map<String, List<String>> references, List<String> dependencies, boolean createBeforeDestroy,
            String pendingClientToken) {
        this(address, providerKey, schema, action, before, after, replacePaths, reason, references, dependencies,
                createBeforeDestroy, pendingClientToken, List.of());
    }

    public ResourceChange {
        resumedSteps = resumedSteps == null ? List.of() : List.copyOf(resumedSteps);
        replacePaths = List.copyOf(replacePaths);
        references = Map.copyOf(references);
        dependencies = List.copyOf(dependencies);
    }

    public String type() {
        return address.resource().type();
    }

    public ResourceChange withAction(ChangeAction a, ChangeReason why) {
        return new ResourceChange(address, providerKey, schema, a, before, after, replacePaths, why, references,
                dependencies, createBeforeDestroy, pendingClientToken, resumedSteps);
    }
}
