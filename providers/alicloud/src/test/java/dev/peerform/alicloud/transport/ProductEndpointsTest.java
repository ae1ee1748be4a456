package dev.peerform.alicloud.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.peerform.emulator.Emulator;
import dev.peerform.emulator.Seed;
import dev.peerform.emulator.wire.EmulatorServer;
import dev.peerform.vpcapi.wire.ApiResponse;
import dev.peerform.vpcapi.wire.Product;
import dev.peerform.vpcapi.wire.RpcSignature;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Each product's calls go where the official provider sends them (its own host on the real cloud, one URL for the
 * emulator on loopback, an {@code endpoints {}} override first), under its own API version, and an STS token
 * travels as {@code SecurityToken}, signed with the call.
 */
class ProductEndpointsTest {

    @Test
    void onTheRealCloudEachProductHasItsOwnHostForTheRegion() {
        ProductEndpoints e = ProductEndpoints.resolve(URI.create("https://vpc.cn-hangzhou.aliyuncs.com"),
                "cn-hangzhou", Map.of());
        assertEquals(URI.create("https://vpc.cn-hangzhou.aliyuncs.com"), e.of(Product.VPC));
        assertEquals(URI.create("https://ecs.cn-hangzhou.aliyuncs.com/"), e.of(Product.ECS));
        assertEquals(URI.create("https://sts.cn-hangzhou.aliyuncs.com/"), e.of(Product.STS));
        assertEquals(URI.create("https://resourcemanager.aliyuncs.com/"), e.of(Product.RESOURCE_MANAGER));
        assertEquals(URI.create("https://business.aliyuncs.com/"), e.of(Product.BSS));
    }

    @Test
    void theEmulatorOnLoopbackAnswersEveryProductAtOneUrl() {
        URI loopback = URI.create("http://127.0.0.1:18080/");
        ProductEndpoints e = ProductEndpoints.resolve(loopback, "cn-beijing", Map.of());
        for (Product p : Product.values()) {
            assertEquals(loopback, e.of(p), p.code());
        }
    }

    @Test
    void anEndpointsOverrideWinsAndABareHostTakesTheEndpointsScheme() {
        ProductEndpoints e = ProductEndpoints.resolve(URI.create("https://vpc.cn-beijing.aliyuncs.com"),
                "cn-beijing", Map.of("ecs", "ecs.aliyuncs.com", "sts", "http://127.0.0.1:9/", "vpc", " "));
        assertEquals(URI.create("https://ecs.aliyuncs.com/"), e.of(Product.ECS));
        assertEquals(URI.create("http://127.0.0.1:9/"), e.of(Product.STS));
        assertEquals(URI.create("https://vpc.cn-beijing.aliyuncs.com"), e.of(Product.VPC), "a blank value is unset");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> ProductEndpoints
                .resolve(URI.create("http://127.0.0.1:1/"), "cn-beijing", Map.of("ecs", "http://")));
        assertTrue(bad.getMessage().contains("ecs"), bad.getMessage());
    }

    @Test
    void eachCallGoesToItsProductsEndpointUnderItsVersionWithTheSecurityTokenSigned() throws Exception {
        List<String> vpcSide = new CopyOnWriteArrayList<>();
        List<String> ecsSide = new CopyOnWriteArrayList<>();
        HttpServer vpc = recorder(vpcSide);
        HttpServer ecs = recorder(ecsSide);
        try {
            URI main = URI.create("http://127.0.0.1:" + vpc.getAddress().getPort() + "/");
            ProductEndpoints e = ProductEndpoints.resolve(main, "cn-beijing",
                    Map.of("ecs", "127.0.0.1:" + ecs.getAddress().getPort()));
            HttpRpcClient client = new HttpRpcClient(e, "key", "secret", "sts-token", Clock.systemUTC(),
                    Duration.ofSeconds(5), Duration.ofSeconds(5));
            client.call(Map.of("Action", "DescribeSecurityGroups", "RegionId", "cn-beijing"));
            client.call(Map.of("Action", "GetCallerIdentity"));
            assertEquals(1, ecsSide.size(), "the ECS call went to the ECS endpoint: " + ecsSide);
            assertEquals(1, vpcSide.size(), "STS falls back to the main endpoint off the cloud: " + vpcSide);
            Map<String, String> ecsCall = params(ecsSide.get(0));
            assertEquals("2014-05-26", ecsCall.get("Version"));
            Map<String, String> stsCall = params(vpcSide.get(0));
            assertEquals("2015-04-01", stsCall.get("Version"));
            for (Map<String, String> call : List.of(ecsCall, stsCall)) {
                assertEquals("sts-token", call.get("SecurityToken"));
                Map<String, String> unsigned = new TreeMap<>(call);
                String signature = unsigned.remove("Signature");
                assertEquals(RpcSignature.sign("POST", unsigned, "secret"), signature,
                        "the token is part of what is signed");
            }
        } finally {
            vpc.stop(0);
            ecs.stop(0);
        }
    }

    @Test
    void theEmulatorServedOnLoopbackAcceptsEveryProductsVersionAndAToken() throws Exception {
        Emulator emulator = Emulator.inMemory(Seed.defaultWorld(), Emulator.Options.embedded());
        try (EmulatorServer server = new EmulatorServer(emulator, Clock.systemUTC(), 0)) {
            HttpRpcClient client = new HttpRpcClient(ProductEndpoints.resolve(server.uri(), "cn-beijing", Map.of()),
                    Seed.KEY_A, Seed.SECRET_A, "sts-token", Clock.systemUTC(), Duration.ofSeconds(5),
                    Duration.ofSeconds(10));
            ApiResponse who = client.call(Map.of("Action", "GetCallerIdentity", "RegionId", "cn-beijing"));
            assertEquals(200, who.status(), who.body().toString());
            assertEquals(Seed.ACCOUNT_A, who.body().get("AccountId").asText());
            ApiResponse groups = client.call(Map.of("Action", "ListResourceGroups", "RegionId", "cn-beijing"));
            assertEquals(200, groups.status(), groups.body().toString());
            ApiResponse zones = client.call(Map.of("Action", "DescribeZones", "RegionId", "cn-beijing"));
            assertEquals(200, zones.status(), zones.body().toString());
            ApiResponse vpcs = client.call(Map.of("Action", "DescribeVpcs", "RegionId", "cn-beijing"));
            assertEquals(200, vpcs.status(), vpcs.body().toString());
        }
    }

    private static HttpServer recorder(List<String> queries) throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.createContext("/", x -> {
            queries.add(x.getRequestURI().getRawQuery());
            byte[] body = "{\"RequestId\":\"r\",\"AccountId\":\"1\"}".getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        s.start();
        return s;
    }

    private static Map<String, String> params(String query) {
        Map<String, String> out = new TreeMap<>();
        for (String kv : query.split("&")) {
            int eq = kv.indexOf('=');
            out.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
