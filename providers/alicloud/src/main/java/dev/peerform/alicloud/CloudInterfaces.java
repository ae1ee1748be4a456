package dev.peerform.alicloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.alicloud.transport.Api;
import dev.peerform.alicloud.transport.ApiException;
import dev.peerform.vpcapi.domain.Limits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The interfaces already in one account and region, as the plan-time quota checks count them, read once for the
 * whole plan: the account's listing page by page when that takes fewer calls than one per router the plan puts
 * interfaces on, otherwise one call per router; the calls side by side.
 */
final class CloudInterfaces {

    private final int total;
    private final Map<String, Set<String>> byRouter;

    private CloudInterfaces(int total, Map<String, Set<String>> byRouter) {
        this.total = total;
        this.byRouter = byRouter;
    }

    static CloudInterfaces read(Api api, Set<String> routers) throws ApiException {
        String size = Integer.toString(Limits.MAX_PAGE_SIZE);
        JsonNode first = api.call("DescribeRouterInterfaces", "PageSize", size, "PageNumber", "1");
        int total = first.path("TotalCount").asInt();
        int pages = (total + Limits.MAX_PAGE_SIZE - 1) / Limits.MAX_PAGE_SIZE;
        Map<String, Set<String>> byRouter = new HashMap<>();
        if (pages <= Math.max(1, routers.size())) {
            List<JsonNode> answers = new ArrayList<>(List.of(first));
            List<Integer> rest = new ArrayList<>();
            for (int page = 2; page <= pages; page++) {
                rest.add(page);
            }
            answers.addAll(api.reads().all(rest, page -> api.call("DescribeRouterInterfaces", "PageSize", size,
                    "PageNumber", Integer.toString(page))));
            for (JsonNode answer : answers) {
                for (JsonNode ri : answer.path("RouterInterfaceSet").path("RouterInterfaceType")) {
                    byRouter.computeIfAbsent(ri.path("RouterId").asText(), r -> new HashSet<>())
                            .add(ri.path("RouterInterfaceId").asText());
                }
            }
            routers.forEach(r -> byRouter.putIfAbsent(r, Set.of()));
        } else {
            List<String> ids = new ArrayList<>(routers);
            List<JsonNode> answers = api.reads().all(ids, r -> api.call("DescribeRouterInterfaces", "Filter.1.Key",
                    "RouterId", "Filter.1.Value.1", r, "PageSize", size));
            for (int i = 0; i < ids.size(); i++) {
                Set<String> on = new HashSet<>();
                answers.get(i).path("RouterInterfaceSet").path("RouterInterfaceType")
                        .forEach(ri -> on.add(ri.path("RouterInterfaceId").asText()));
                byRouter.put(ids.get(i), on);
            }
        }
        return new CloudInterfaces(total, byRouter);
    }

    /** Interfaces on the router that are not in {@code managed}; null when the router was not read. */
    Integer onRouter(String router, Set<String> managed) {
        Set<String> on = byRouter.get(router);
        return on == null ? null : (int) on.stream().filter(id -> !managed.contains(id)).count();
    }

    /** Interfaces in the account that are not managed here. */
    int inAccount(Set<String> managed) {
        return Math.max(0, total - managed.size());
    }
}
