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
 * attribute's expression refers to.
 */
public record ResourceChange(InstanceAddress address, String providerKey, Schema schema, ChangeAction action,
        ObjectValue before, ObjectValue after, List<String> replacePaths, ChangeReason reason,
        Map<String, List<String>> references, List<String> dependencies, boolean createBeforeDestroy,
        String pendingClientToken) {

    public ResourceChange {
        replacePaths = List.copyOf(replacePaths);
        references = Map.copyOf(references);
        dependencies = List.copyOf(dependencies);
    }

    public String type() {
        return address.resource().type();
    }

    public ResourceChange withAction(ChangeAction a, ChangeReason why) {
        return new ResourceChange(address, providerKey, schema, a, before, after, replacePaths, why, references,
                dependencies, createBeforeDestroy, pendingClientToken);
    }
}
