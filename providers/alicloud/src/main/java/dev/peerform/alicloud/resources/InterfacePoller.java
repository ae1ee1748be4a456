package dev.peerform.alicloud.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.alicloud.transport.Api;
import dev.peerform.alicloud.transport.ApiException;
import dev.peerform.vpcapi.domain.Limits;
import dev.peerform.vpcapi.errors.ClientAction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The status polls of every step waiting on an interface of one account and region, combined: a step that asks
 * while another's call is in flight is answered by the next call, which carries every id asked for meanwhile (up to
 * 50). With K steps waiting, a round of polls costs ceil(K/50) calls instead of K. Each step keeps its own backoff,
 * deadline and cancellation ({@link Waits}); only the calls are shared.
 */
final class InterfacePoller {

    /** One step's question: filled by whichever step makes the call that carries it. */
    private static final class Ask {
        final String id;
        boolean answered;
        JsonNode found;
        ApiException refused;

        Ask(String id) {
            this.id = id;
        }
    }

    private final Api api;
    private final Deque<Ask> asked = new ArrayDeque<>();
    private boolean calling;

    private InterfacePoller(Api api) {
        this.api = api;
    }

    static InterfacePoller of(Api api) {
        return api.shared(InterfacePoller.class, () -> new InterfacePoller(api));
    }

    /** The interface's status now, or null when it is gone. */
    String status(String id) throws ApiException {
        Ask mine = new Ask(id);
        synchronized (this) {
            asked.add(mine);
        }
        while (true) {
            List<Ask> batch = new ArrayList<>();
            synchronized (this) {
                while (!mine.answered && calling) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        asked.remove(mine);
                        throw new ApiException("DescribeRouterInterfaces", "Interrupted", 0, "interrupted while "
                                + "waiting", ClientAction.FINAL);
                    }
                }
                if (mine.answered) {
                    break;
                }
                // no call in flight: this step makes the next one, for everyone who asked
                calling = true;
                Set<String> ids = new LinkedHashSet<>();
                while (!asked.isEmpty() && (ids.size() < Limits.MAX_PAGE_SIZE || ids.contains(asked.peek().id))) {
                    Ask a = asked.poll();
                    batch.add(a);
                    ids.add(a.id);
                }
            }
            Map<String, JsonNode> found = null;
            ApiException refused = null;
            try {
                found = InterfaceReader.byIds(api, batch.stream().map(a -> a.id).distinct().toList(), api.region());
            } catch (ApiException e) {
                refused = e;
            } finally {
                synchronized (this) {
                    for (Ask a : batch) {
                        a.answered = true;
                        a.refused = found == null && refused == null ? new ApiException("DescribeRouterInterfaces",
                                "NoResponse", 0, "the call did not finish", ClientAction.RETRY) : refused;
                        a.found = found == null ? null : found.get(a.id);
                    }
                    calling = false;
                    notifyAll();
                }
            }
        }
        if (mine.refused != null) {
            throw mine.refused;
        }
        return mine.found == null ? null : mine.found.get("Status").asText();
    }
}
