package dev.peerform.alicloud.resources;

import com.fasterxml.jackson.databind.JsonNode;
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
        Map<String, JsonNode> found = new HashMap<>();
        List<String> known = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        for (int i = 0; i < known.size(); i += 50) {
            List<String> page = known.subList(i, Math.min(known.size(), i + 50));
            List<String> kv = new ArrayList<>(List.of("RegionId", region, "Filter.1.Key", "RouterInterfaceId",
                    "PageSize", "50"));
            for (int j = 0; j < page.size(); j++) {
                kv.add("Filter.1.Value." + (j + 1));
                kv.add(page.get(j));
            }
            JsonNode r = api.call("DescribeRouterInterfaces", kv.toArray(String[]::new));
            r.path("RouterInterfaceSet").path("RouterInterfaceType")
                    .forEach(v -> found.put(v.get("RouterInterfaceId").asText(), v));
        }
        return found;
    }

    /** One interface, or null when it is gone. */
    static JsonNode one(Api api, String id, String region) throws ApiException {
        return byIds(api, List.of(id), region).get(id);
    }

    static String status(Api api, String id, String region) throws ApiException {
        JsonNode n = one(api, id, region);
        return n == null ? null : n.get("Status").asText();
    }
}
