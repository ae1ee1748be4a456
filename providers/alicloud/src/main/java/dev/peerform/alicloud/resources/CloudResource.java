package dev.peerform.alicloud.resources;

import dev.peerform.alicloud.transport.Api;
import dev.peerform.alicloud.transport.ApiException;
import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.ResourceType;
import dev.peerform.spi.StepContext;
import dev.peerform.spi.StepException;
import dev.peerform.spi.StepView;
import dev.peerform.value.ObjectValue;
import java.util.List;
import java.util.Map;

/** A resource type of the alicloud provider: its schema and plan (ResourceType) and how it talks to the API. */
public interface CloudResource extends ResourceType {

    /** Runs one of this type's steps. */
    ObjectValue execute(Api api, Account account, StepContext ctx, StepView step, ObjectValue current)
            throws StepException;

    /** Refreshes: for each prior state the current one, or null when the object is gone. */
    List<ObjectValue> read(Api api, List<ObjectValue> priors) throws ApiException;

    /** The state of an existing object, by its id, for import; null when there is none. */
    ObjectValue importById(Api api, String id, Diagnostics diags) throws ApiException;

    /** The route table a step changes, for one-change-at-a-time per table; null when none. */
    default String concurrencyKey(StepView step, ObjectValue current) {
        return null;
    }

    /**
     * The official defaults of this type's {@code timeouts} block by operation ("create" -> "10m"); empty when the
     * type has none.
     */
    default Map<String, String> timeouts() {
        return Map.of();
    }

    /** Deprecated arguments and attributes with the official message Terraform prints for each. */
    default Map<String, String> deprecations() {
        return Map.of();
    }

    /** The official resource-level deprecation message, or null. */
    default String deprecation() {
        return null;
    }

    /** The account the provider's credentials belong to, when known. */
    record Account(String id) {
    }
}
