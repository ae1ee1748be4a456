package dev.peerform.alicloud.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerform.alicloud.AlicloudProvider;
import dev.peerform.alicloud.resources.CloudResource;
import dev.peerform.alicloud.transport.Api;
import dev.peerform.alicloud.transport.VpcClient;
import dev.peerform.diag.Diagnostics;
import dev.peerform.emulator.Emulator;
import dev.peerform.emulator.Seed;
import dev.peerform.emulator.cloud.Durations;
import dev.peerform.emulator.cloud.World;
import dev.peerform.spi.Discovered;
import dev.peerform.spi.Discovery;
import dev.peerform.spi.ResourceType;
import dev.peerform.vpcapi.wire.ApiResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** What adopt finds in an account: listed a page of 50 at a time, read as import reads it, system routes left out. */
class DiscovererTest {

    private static final String REGION = "cn-beijing";
    private static final Map<String, ResourceType> TYPES = new AlicloudProvider().resourceTypes();

    private static Discovery discover(Emulator emulator, List<Map<String, String>> calls,
            UnaryOperator<ApiResponse> answer) {
        Api api = new Api(new VpcClient() {
            @Override
            public ApiResponse call(Map<String, String> params) {
                calls.add(params);
                return answer.apply(emulator.call(Seed.KEY_A, Seed.SECRET_A, params));
            }

            @Override
            public String describe() {
                return "test";
            }
        }, REGION, 1, Duration.ofMillis(1));
        Diagnostics diags = new Diagnostics();
        Discovery d = Discoverer.discover(api, t -> (CloudResource) TYPES.get(t), diags);
        assertTrue(!diags.hasErrors(), diags.toString());
        return d;
    }

    @Test
    void aSystemRouteIsListedAsNotAdoptableWithTheReason() throws Exception {
        World world = Seed.defaultWorld();
        try (Emulator emulator = Emulator.inMemory(world, Emulator.Options.embedded().with(Durations.INSTANT))) {
            Discovery d = discover(emulator, new ArrayList<>(), r -> {
                if (r.body().has("RouteEntrys")) {
                    ObjectNode system = ((ArrayNode) r.body().path("RouteEntrys").path("RouteEntry")).addObject();
                    system.put("DestinationCidrBlock", "100.64.0.0/10").put("Type", "System")
                            .put("Status", "Available");
                }
                return r;
            });
            assertTrue(d.unadoptable().stream().anyMatch(u -> u.kind().equals("route entry")
                    && u.id().endsWith(" 100.64.0.0/10") && u.reason().contains("system route")), d.toString());
            assertTrue(d.found().stream().noneMatch(o -> o.type().equals("alicloud_route_entry")), d.toString());
        }
    }

    @Test
    void everyListingAsksForTheLargestPage() throws Exception {
        try (Emulator emulator = Emulator.inMemory(Seed.defaultWorld(), Emulator.Options.embedded()
                .with(Durations.INSTANT))) {
            List<Map<String, String>> calls = new ArrayList<>();
            Discovery d = discover(emulator, calls, r -> r);
            for (Map<String, String> c : calls) {
                String action = c.get("Action");
                if (action.startsWith("Describe") && c.containsKey("PageNumber")) {
                    assertEquals("50", c.get("PageSize"), action);
                }
            }
            List<String> vbrs = d.found().stream().filter(o -> o.type().equals(
                    "alicloud_express_connect_virtual_border_router")).map(Discovered::name).toList();
            assertEquals(List.of("seed-vbr"), vbrs, "the seed VBR, named by its name");
            assertEquals(REGION, d.region());
        }
    }
}
