package dev.peerform.alicloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.sun.net.httpserver.HttpServer;
import dev.peerform.addrs.InstanceAddress;
import dev.peerform.alicloud.resources.RouteEntryResource;
import dev.peerform.alicloud.resources.RouterInterfaceResource;
import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.ChangeView;
import dev.peerform.spi.ConfiguredProvider;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The plan-time checks' reads through the configured provider, against an endpoint that answers every read after
 * a delay and counts how many are in flight at once.
 */
class PlanTimeReadsTest {

    private static final int TABLES = 4;

    private final HttpServer server;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    PlanTimeReadsTest() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            String action = query.replaceAll(".*(^|&)Action=([A-Za-z]+).*", "$2");
            calls.computeIfAbsent(action, a -> new AtomicInteger()).incrementAndGet();
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            String body = action.equals("DescribeRouterInterfaces")
                    ? "{\"RequestId\":\"r\",\"TotalCount\":0,\"PageNumber\":1,\"PageSize\":50,"
                            + "\"RouterInterfaceSet\":{\"RouterInterfaceType\":[]}}"
                    : "{\"RequestId\":\"r\",\"RouteEntrys\":{\"RouteEntry\":[]},\"NextToken\":\"\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** An interface created on a known router, and a route into each of {@link #TABLES} tables. */
    private static List<ChangeView> plan() {
        List<ChangeView> all = new ArrayList<>();
        ObjectValue ri = new ObjectValue(Map.of("id", Value.unknown(Type.STRING), "router_id", Value.of("vrt-a"),
                "role", Value.of("InitiatingSide")));
        all.add(new ChangeView(InstanceAddress.parse(RouterInterfaceResource.TYPE + ".a"),
                RouterInterfaceResource.TYPE, ChangeAction.CREATE, null, ri, Map.of(), "alicloud"));
        for (int i = 0; i < TABLES; i++) {
            ObjectValue route = new ObjectValue(Map.of("route_table_id", Value.of("vtb-" + i),
                    "destination_cidrblock", Value.of("10." + i + ".0.0/16"), "nexthop_type",
                    Value.of("RouterInterface"), "nexthop_id", Value.unknown(Type.STRING)));
            all.add(new ChangeView(InstanceAddress.parse(RouteEntryResource.TYPE + ".r" + i), RouteEntryResource.TYPE,
                    ChangeAction.CREATE, null, route, Map.of(), "alicloud"));
        }
        return all;
    }

    private ConfiguredProvider provider(int parallelism, Diagnostics diags) {
        ObjectValue config = new ObjectValue(Map.of(
                "endpoint", Value.of("http://127.0.0.1:" + server.getAddress().getPort()),
                "access_key", Value.of("LTAItest"), "secret_key", Value.of("secret"),
                "account_id", Value.of("12345678")));
        ConfiguredProvider p = new AlicloudProvider().configure("alicloud", config, Path.of("."), Map.of(), diags);
        assertNotNull(p, diags.toString());
        p.planning(parallelism);
        return p;
    }

    @Test
    void planTimeChecksReadTheInterfacesAndEveryTableTogether() {
        Diagnostics diags = new Diagnostics();
        provider(10, diags).validatePlan(plan(), diags);
        assertFalse(diags.hasErrors(), diags.toString());
        assertEquals(1, calls.get("DescribeRouterInterfaces").get(), calls.toString());
        assertEquals(TABLES, calls.get("DescribeRouteEntryList").get(), "one listing per table: " + calls);
        // the account's interfaces and the tables' listings are read at once, not one check after another
        assertEquals(1 + TABLES, most.get(), "reads in flight at once");
    }

    @Test
    void planTimeReadsTogetherStayUnderTheParallelism() {
        Diagnostics diags = new Diagnostics();
        provider(2, diags).validatePlan(plan(), diags);
        assertFalse(diags.hasErrors(), diags.toString());
        assertEquals(1 + TABLES, calls.values().stream().mapToInt(AtomicInteger::get).sum(), calls.toString());
        assertEquals(2, most.get(), "reads in flight at once with -parallelism=2");
    }
}
