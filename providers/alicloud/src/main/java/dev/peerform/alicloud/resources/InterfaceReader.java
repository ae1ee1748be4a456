package dev.peerform.alicloud.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.alicloud.transport.Api;
import dev.peerform.alicloud.transport.ApiException;
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

    /** One interface, or null when it is gone. */
    static JsonNode one(Api api, String id, String region) throws ApiException {
        return byIds(api, List.of(id), region).get(id);
    }

    static String status(Api api, String id, String region) throws ApiException {
        JsonNode n = one(api, id, region);
        return n == null ? null : n.get("Status").asText();
    }
}
