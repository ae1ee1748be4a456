package dev.peerform.alicloud.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.alicloud.transport.Api;
import dev.peerform.alicloud.transport.VpcClient;
import dev.peerform.emulator.Emulator;
import dev.peerform.emulator.Seed;
import dev.peerform.emulator.cloud.Durations;
import dev.peerform.emulator.cloud.World;
import dev.peerform.vpcapi.wire.ApiResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DescribeRouteEntryList pages with MaxResult and NextToken (no PageNumber, no TotalCount), as the API does. */
class RouteListingTest {

    private static final String REGION = "cn-beijing";

    @Test
    void routeListingFollowsNextTokenPastTheFirstPage() throws Exception {
        World world = Seed.defaultWorld();
        try (Emulator emulator = Emulator.inMemory(world, Emulator.Options.embedded().with(Durations.INSTANT))) {
            Map<String, Integer> calls = new LinkedHashMap<>();
            Api api = new Api(new VpcClient() {
                @Override
                public ApiResponse call(Map<String, String> params) {
                    assertNull(params.get("PageNumber"), "the route list is not paged by number");
                    calls.merge(params.get("Action"), 1, Integer::sum);
                    return emulator.call(Seed.KEY_A, Seed.SECRET_A, params);
                }

                @Override
                public String describe() {
                    return "test";
                }
            }, REGION, 1, Duration.ofMillis(1));
            String table = world.vbrs.values().iterator().next().routeTableId;
            int routes = 150;
            for (int i = 0; i < routes; i++) {
                api.call("CreateRouteEntry", "RouteTableId", table, "DestinationCidrBlock", "172.16." + i + ".0/24",
                        "NextHopType", "PhysicalConnection", "NextHopId", Seed.PHYSICAL_CONNECTION);
            }
            calls.clear();
            Map<String, JsonNode> listed = RouteEntryResource.entries(api, table);
            assertEquals(routes, listed.size(), "every entry of the table, not only the first page");
            assertEquals(2, calls.get("DescribeRouteEntryList"), "100 entries a call: two pages for 150");
            assertFalse(listed.isEmpty());
        }
    }

    @Test
    void routeListingOfATableThatIsGoneIsEmpty() throws Exception {
        try (Emulator emulator = Emulator.inMemory(Seed.defaultWorld(), Emulator.Options.embedded())) {
            Api api = new Api(new VpcClient() {
                @Override
                public ApiResponse call(Map<String, String> params) {
                    return emulator.call(Seed.KEY_A, Seed.SECRET_A, params);
                }

                @Override
                public String describe() {
                    return "test";
                }
            }, REGION, 1, Duration.ofMillis(1));
            assertEquals(0, RouteEntryResource.entries(api, "vtb-m5e0missing000000000").size());
        }
    }
}
