package dev.peerform.alicloud.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.alicloud.transport.Api;
import dev.peerform.alicloud.transport.ApiException;
import dev.peerform.spi.StepContext;
import dev.peerform.spi.StepException;
import dev.peerform.vpcapi.domain.Limits;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The reads of router interfaces that the steps of one account and region make while applying, combined: one
 * DescribeRouterInterfaces per round for up to 50 ids, whether a step waits for a status or wants the interface as
 * it is now ({@link Poller}).
 */
final class InterfacePoller {

    private final Poller<String, JsonNode> poller;

    private InterfacePoller(Api api) {
        this.poller = new Poller<>("DescribeRouterInterfaces", Limits.MAX_PAGE_SIZE, api.reads(),
                ids -> InterfaceReader.byIds(api, ids, api.region()));
    }

    static InterfacePoller of(Api api) {
        return api.shared(InterfacePoller.class, () -> new InterfacePoller(api));
    }

    /** The interface now, or null when it is gone. */
    JsonNode now(StepContext ctx, String id) throws ApiException {
        return poller.now(ctx, id);
    }

    /** The interfaces now, in one round (an id missing: gone). */
    Map<String, JsonNode> now(StepContext ctx, List<String> ids) throws ApiException {
        return poller.now(ctx, ids);
    }

    /** The interface's status now, or null when it is gone. */
    String status(StepContext ctx, String id) throws ApiException {
        JsonNode n = now(ctx, id);
        return n == null ? null : n.get("Status").asText();
    }

    /** The interface as this run last read it, or null: only for what never changes (role, router, region). */
    JsonNode known(String id) {
        return poller.known(id);
    }

    /** Waits until the interface's status is {@code wanted} (null: until it is gone). */
    void until(StepContext ctx, String what, String id, String wanted) throws StepException {
        poller.until(ctx, what, id, wanted, n -> n.get("Status").asText());
    }

    /** Waits until {@code status} of the interface reads {@code wanted} (null: until it is gone or null). */
    void until(StepContext ctx, String what, String id, String wanted, Function<JsonNode, String> status)
            throws StepException {
        poller.until(ctx, what, id, wanted, status);
    }

    /** The calls the rounds made: for tests. */
    long calls() {
        return poller.calls();
    }
}
