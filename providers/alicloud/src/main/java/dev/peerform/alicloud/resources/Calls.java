package dev.peerform.alicloud.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.alicloud.transport.Api;
import dev.peerform.alicloud.transport.ApiException;
import dev.peerform.spi.StepContext;
import dev.peerform.spi.StepException;
import dev.peerform.vpcapi.domain.Limits;
import dev.peerform.vpcapi.wire.Repeated;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Calls that several resources make the same way. */
final class Calls {

    private Calls() {
    }

    /**
     * Describes objects by id, 50 ids a call (filter 1 names the id field, its values the ids; {@code extra} adds
     * name, value, ... to every call): the objects found, by id. {@code set} and {@code type} are the API's list
     * wrapper ({@code RouterInterfaceSet} / {@code RouterInterfaceType}).
     */
    static Map<String, JsonNode> describeByIds(Api api, String action, String filterKey, List<String> ids,
            String set, String type, String idField, String... extra) throws ApiException {
        Map<String, JsonNode> found = new HashMap<>();
        List<String> known = ids.stream().filter(Objects::nonNull).distinct().toList();
        for (int i = 0; i < known.size(); i += Limits.MAX_PAGE_SIZE) {
            Map<String, String> params = new LinkedHashMap<>();
            for (int j = 0; j + 1 < extra.length; j += 2) {
                params.put(extra[j], extra[j + 1]);
            }
            Repeated.filter(params, 1, filterKey, known.subList(i, Math.min(known.size(), i + Limits.MAX_PAGE_SIZE)));
            params.put("PageSize", Integer.toString(Limits.MAX_PAGE_SIZE));
            List<String> kv = new ArrayList<>();
            params.forEach((k, v) -> {
                kv.add(k);
                kv.add(v);
            });
            JsonNode r = api.call(action, kv.toArray(String[]::new));
            r.path(set).path(type).forEach(v -> found.put(v.get(idField).asText(), v));
        }
        return found;
    }

    /** Calls a deleting action; an object already gone (the error table's GONE) is what deleting wanted. */
    static void deleteIgnoringNotFound(Api api, String action, String... kv) throws ApiException {
        try {
            api.call(action, kv);
        } catch (ApiException e) {
            if (!e.isNotFound()) {
                throw e;
            }
        }
    }

    /**
     * Suspends an interface and waits until it is Inactive, as the cloud requires before a delete: an Active one is
     * deactivated; one already suspending is waited for; one that is Idle (never connected) or gone needs nothing.
     */
    static void suspendAndWait(Api api, StepContext ctx, String id) throws ApiException, StepException {
        InterfacePoller poller = InterfacePoller.of(api);
        // an end this run saw Inactive (its connection's suspend waited for it) stays so: nothing here resumes it
        JsonNode seen = poller.known(id);
        String status = seen != null && "Inactive".equals(Answers.text(seen, "Status")) ? "Inactive"
                : poller.status(ctx, id);
        if (status == null) {
            return;
        }
        if (TOWARD_ACTIVE.contains(status)) {
            // a transition the cloud will finish: deactivating is refused until it has
            awaitStatus(api, ctx, id + " to be Active before it is suspended", id, "Active");
            status = "Active";
        }
        if (status.equals("Active")) {
            transition(api, ctx, id, "DeactivateRouterInterface", Set.of("Deactivating", "Inactive"));
        }
        if (!status.equals("Idle") && !status.equals("Inactive")) {
            awaitStatus(api, ctx, id + " to be Inactive", id, "Inactive");
        }
    }

    /** The statuses an interface passes through on its way to Active. */
    static final Set<String> TOWARD_ACTIVE = Set.of("Connecting", "AcceptingConnecting", "Activating", "Modifying");

    /**
     * Calls an action that starts a status transition of interface {@code id}. A refusal for the interface's
     * status is not taken as final before the status is read again: when the call took effect but its answer was
     * lost, the retry is refused because the transition is under way ({@code took} lists the statuses that say
     * so), and that is success.
     */
    static void transition(Api api, StepContext ctx, String id, String action, Set<String> took)
            throws ApiException {
        try {
            api.call(action, "RouterInterfaceId", id);
        } catch (ApiException e) {
            if (e.code() == null || !(e.code().startsWith("IncorrectRIStatus")
                    || e.code().startsWith("IncorrectStatus"))) {
                throw e;
            }
            String now = InterfacePoller.of(api).status(ctx, id);
            if (now == null || !took.contains(now)) {
                throw e;
            }
        }
    }

    /** The statuses that say a connect took effect. */
    static final Set<String> CONNECTED = Set.of("Connecting", "AcceptingConnecting", "Active");

    /** The statuses that say a resume took effect. */
    static final Set<String> RESUMED = Set.of("Activating", "Active");

    /** Polls the interface until its status is {@code wanted} (null: until it is gone). */
    static void awaitStatus(Api api, StepContext ctx, String what, String id, String wanted) throws StepException {
        InterfacePoller.of(api).until(ctx, what, id, wanted);
    }
}
