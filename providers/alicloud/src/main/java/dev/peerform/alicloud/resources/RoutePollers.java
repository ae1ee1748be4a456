package dev.peerform.alicloud.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.alicloud.transport.Api;
import dev.peerform.alicloud.transport.ApiException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The route-entry reads of one account and region while applying, one {@link Poller} per route table: a round asks
 * for one destination with a filtered DescribeRouteEntryList, for several with one listing of the table. Also the
 * router of each table, asked once (a table never moves to another router). The tables learn the route's transition
 * time together, one wait finding it out while the others pause.
 */
final class RoutePollers {

    private final Api api;
    private final Map<String, Poller<String, JsonNode>> tables = new ConcurrentHashMap<>();
    private final Map<String, String> routers = new ConcurrentHashMap<>();
    /** One call per table: a scout finds the route's transition time before the other tables look. */
    private final Poller.Paces paces = Poller.Paces.scouting();

    private RoutePollers(Api api) {
        this.api = api;
    }

    static RoutePollers of(Api api) {
        return api.shared(RoutePollers.class, () -> new RoutePollers(api));
    }

    /** The poller of the table's entries, keyed by destination as written in the configuration. */
    Poller<String, JsonNode> table(String table) {
        return tables.computeIfAbsent(table, t -> new Poller<>("DescribeRouteEntryList", Integer.MAX_VALUE,
                api.reads(), dests -> entries(t, dests), paces));
    }

    /** The router whose table this is, asked once per table (null when the table is not found). */
    String router(String table, RouterOf ask) throws ApiException {
        String known = routers.get(table);
        if (known != null) {
            return known;
        }
        String r = ask.router(table);
        if (r != null) {
            routers.put(table, r);
        }
        return r;
    }

    interface RouterOf {
        String router(String table) throws ApiException;
    }

    private Map<String, JsonNode> entries(String table, List<String> dests) throws ApiException {
        Map<String, JsonNode> found = new HashMap<>();
        if (dests.size() == 1) {
            JsonNode r = api.call("DescribeRouteEntryList", "RouteTableId", table, "DestinationCidrBlock",
                    dests.get(0));
            JsonNode e = r.path("RouteEntrys").path("RouteEntry").path(0);
            if (!e.isMissingNode()) {
                found.put(dests.get(0), e);
            }
            return found;
        }
        Map<String, JsonNode> listed = RouteEntryResource.entries(api, table);
        for (String d : dests) {
            JsonNode e = listed.get(RouteEntryResource.normal(d));
            if (e != null) {
                found.put(d, e);
            }
        }
        return found;
    }
}
