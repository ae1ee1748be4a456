package dev.peerform.alicloud.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.alicloud.transport.Api;
import dev.peerform.alicloud.transport.ApiException;
import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.ResourceType;
import dev.peerform.spi.StepContext;
import dev.peerform.spi.StepException;
import dev.peerform.spi.StepView;
import dev.peerform.value.ObjectValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

    /** Describes objects of a type by id: those found, by id (an id missing from the answer: the object is gone). */
    interface Describe {
        Map<String, JsonNode> found(Api api, List<String> ids) throws ApiException;
    }

    /** Describes one object by id: null when it is gone. */
    interface DescribeOne {
        JsonNode found(Api api, String id) throws ApiException;
    }

    /** The state of an object as the cloud describes it; {@code prior} is null on import. */
    interface FromApi {
        ObjectValue state(JsonNode found, ObjectValue prior) throws ApiException;
    }

    /** A describe call that takes one id, as a {@link Describe} of one id a call. */
    static Describe oneAtATime(DescribeOne one) {
        return (api, ids) -> {
            Map<String, JsonNode> found = new HashMap<>();
            for (String id : ids) {
                JsonNode n = one.found(api, id);
                if (n != null) {
                    found.put(id, n);
                }
            }
            return found;
        };
    }

    /**
     * The refresh every type shares: the priors' ids ({@code idAttribute}), {@code perCall} ids a call (50 where
     * the API takes a list, 1 where it takes one), the calls side by side at most {@code -parallelism} at once;
     * for each prior its current state, or null when it is gone.
     */
    static List<ObjectValue> readByIds(Api api, List<ObjectValue> priors, String idAttribute, int perCall,
            Describe describe, FromApi fromApi) throws ApiException {
        List<String> ids = priors.stream().map(p -> ObjectValues.str(p, idAttribute)).filter(Objects::nonNull)
                .distinct().toList();
        List<List<String>> calls = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += perCall) {
            calls.add(ids.subList(i, Math.min(ids.size(), i + perCall)));
        }
        Map<String, JsonNode> found = new HashMap<>();
        api.reads().all(calls, some -> describe.found(api, some)).forEach(found::putAll);
        List<ObjectValue> out = new ArrayList<>(priors.size());
        for (ObjectValue p : priors) {
            JsonNode n = found.get(ObjectValues.str(p, idAttribute));
            out.add(n == null ? null : fromApi.state(n, p));
        }
        return out;
    }

    /** The import every type with plain ids shares: the object's state, or null when there is none. */
    static ObjectValue importById(Api api, String id, Describe describe, FromApi fromApi) throws ApiException {
        JsonNode n = describe.found(api, List.of(id)).get(id);
        return n == null ? null : fromApi.state(n, null);
    }

    /** The account the provider's credentials belong to, when known. */
    record Account(String id) {
    }
}
