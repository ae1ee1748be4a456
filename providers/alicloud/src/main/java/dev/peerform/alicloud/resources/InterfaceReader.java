package dev.peerform.alicloud.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.peerform.alicloud.transport.Api;
import dev.peerform.alicloud.transport.ApiException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** DescribeRouterInterfaces by id, 50 ids a call: how interfaces and connections refresh and wait. */
final class InterfaceReader {

    private InterfaceReader() {
    }

    static Map<String, JsonNode> byIds(Api api, List<String> ids, String region) throws ApiException {
        return Calls.describeByIds(api, "DescribeRouterInterfaces", "RouterInterfaceId", ids, "RouterInterfaceSet",
                "RouterInterfaceType", "RouterInterfaceId", "RegionId", region);
    }

    /** {@link #byIds} in the provider's region, remembered for the rest of this plan's refresh. */
    static Map<String, JsonNode> remembering(Api api, List<String> ids) throws ApiException {
        Map<String, JsonNode> found = byIds(api, ids, api.region());
        for (String id : ids) {
            api.reads().remember(KEY + id, found.containsKey(id) ? found.get(id) : GONE);
        }
        return found;
    }

    /** What this plan's refresh already read of these interfaces, and {@link #byIds} of the rest. */
    static Map<String, JsonNode> recalled(Api api, List<String> ids) throws ApiException {
        Map<String, JsonNode> found = new HashMap<>();
        List<String> rest = new ArrayList<>();
        for (String id : ids) {
            JsonNode n = api.reads().recalled(KEY + id);
            if (n == null) {
                rest.add(id);
            } else if (n != GONE) {
                found.put(id, n);
            }
        }
        if (!rest.isEmpty()) {
            found.putAll(byIds(api, rest, api.region()));
        }
        return found;
    }

    private static final String KEY = "DescribeRouterInterfaces:";

    /** Remembered for an interface the refresh found gone. */
    private static final JsonNode GONE = MissingNode.getInstance();

    /** One interface, or null when it is gone. */
    static JsonNode one(Api api, String id, String region) throws ApiException {
        return byIds(api, List.of(id), region).get(id);
    }

    static String status(Api api, String id, String region) throws ApiException {
        JsonNode n = one(api, id, region);
        return n == null ? null : n.get("Status").asText();
    }
}
