package dev.peerform.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One resource instance in the state, as Terraform's state v4 stores it. Attributes stay JSON: the state does not
 * interpret them (the engine decodes them with the provider's schema). {@code pendingClientToken} is set for a
 * create that was interrupted before its result was known: the next run re-issues it with the same token.
 * {@code completedSteps} are the steps of a create that an interrupted run finished (the object exists, its create
 * does not): the next run resumes the create after them rather than taking the object as made.
 */
public record InstanceState(int schemaVersion, ObjectNode attributes, JsonNode sensitiveAttributes,
        List<String> dependencies, boolean tainted, boolean createBeforeDestroy, String pendingClientToken,
        List<String> completedSteps) {

    public InstanceState(int schemaVersion, ObjectNode attributes, JsonNode sensitiveAttributes,
            List<String> dependencies, boolean tainted, boolean createBeforeDestroy, String pendingClientToken) {
        this(schemaVersion, attributes, sensitiveAttributes, dependencies, tainted, createBeforeDestroy,
                pendingClientToken, List.of());
    }

    public InstanceState {
        dependencies = List.copyOf(dependencies);
        completedSteps = completedSteps == null ? List.of() : List.copyOf(completedSteps);
    }

    /** Whether a create of this object was interrupted after some of its steps. */
    public boolean incomplete() {
        return !completedSteps.isEmpty();
    }

    public InstanceState withAttributes(ObjectNode attrs, JsonNode sensitive) {
        return new InstanceState(schemaVersion, attrs, sensitive, dependencies, tainted, createBeforeDestroy,
                pendingClientToken, completedSteps);
    }

    /** Marked (taint) or unmarked (untaint) for replacement at the next apply. */
    public InstanceState withTainted(boolean t) {
        return new InstanceState(schemaVersion, attributes, sensitiveAttributes, dependencies, t, createBeforeDestroy,
                pendingClientToken, completedSteps);
    }

    public InstanceState withPendingClientToken(String token) {
        return new InstanceState(schemaVersion, attributes, sensitiveAttributes, dependencies, tainted,
                createBeforeDestroy, token, completedSteps);
    }
}
