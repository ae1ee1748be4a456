package dev.peerform.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peerform.emulator.cloud.Durations;
import dev.peerform.emulator.cloud.Quotas;
import dev.peerform.emulator.wire.EmulatorServer;
import dev.peerform.vpcapi.wire.RpcRequest;
import dev.peerform.vpcapi.wire.RpcSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The RPC protocol on loopback: signature version 1.0, timestamps, nonces, JSON answers. */
class WireTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-21T08:00:00Z"));
    private final Emulator emulator = Emulator.inMemory(Seed.emptyWorld(),
            new Emulator.Options(clock, Durations.INSTANT, Quotas.DEFAULTS, Faults.NONE));
    private final EmulatorServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WireTest() throws Exception {
        server = new EmulatorServer(emulator, clock, 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method, Map<String, String> params, boolean inBody) throws Exception {
        String query = RpcRequest.query(params);
        HttpRequest.Builder b = HttpRequest.newBuilder();
        if (method.equals("GET")) {
            b.uri(URI.create(server.uri() + "?" + query)).GET();
        } else if (inBody) {
            b.uri(server.uri()).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(query));
        } else {
            b.uri(URI.create(server.uri() + "?" + query)).POST(HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, String> signed(String method, Map<String, String> action, String secret) {
        return RpcRequest.signed(method, action, "2016-04-28", Seed.KEY_A, secret, clock.instant(),
                UUID.randomUUID().toString());
    }

    private static Map<String, String> createVpc() {
        return new LinkedHashMap<>(Map.of("Action", "CreateVpc", "RegionId", "cn-beijing", "CidrBlock",
                "10.0.0.0/16"));
    }

    @Test
    void signedGetAndPostAsTheSdkSendsItAndFormBodyAreAllAccepted() throws Exception {
        for (String[] way : new String[][] {{"GET", "query"}, {"POST", "query"}, {"POST", "body"}}) {
            HttpResponse<String> r = send(way[0], signed(way[0], createVpc(), Seed.SECRET_A), way[1].equals("body"));
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            JsonNode body = new ObjectMapper().readTree(r.body());
            assertTrue(body.get("VpcId").asText().startsWith("vpc-"));
        }
    }

    @Test
    void eachActionIsAnsweredUnderItsProductsVersionAndRegionsAndZonesUnderTheVpcApisToo() throws Exception {
        Map<String, String[]> versions = Map.of("GetCallerIdentity", new String[] {"2015-04-01"},
                "ListResourceGroups", new String[] {"2020-03-31"}, "DescribeZones",
                new String[] {"2014-05-26", "2016-04-28"}, "DescribeRegions", new String[] {"2014-05-26",
                    "2016-04-28"});
        for (Map.Entry<String, String[]> e : versions.entrySet()) {
            for (String version : e.getValue()) {
                Map<String, String> p = RpcRequest.signed("GET", Map.of("Action", e.getKey(), "RegionId",
                        "cn-beijing"), version, Seed.KEY_A, Seed.SECRET_A, clock.instant(), UUID.randomUUID()
                        .toString());
                HttpResponse<String> r = send("GET", p, false);
                assertEquals(200, r.statusCode(), e.getKey() + " " + version + ": " + r.body());
            }
        }
        Map<String, String> stsUnderVpc = RpcRequest.signed("GET", Map.of("Action", "GetCallerIdentity"),
                "2016-04-28", Seed.KEY_A, Seed.SECRET_A, clock.instant(), "n-sts");
        assertEquals("InvalidVersion", new ObjectMapper().readTree(send("GET", stsUnderVpc, false).body())
                .get("Code").asText());
    }

    @Test
    void wrongSignatureIsRefusedWithSignatureDoesNotMatch() throws Exception {
        HttpResponse<String> r = send("GET", signed("GET", createVpc(), "not-the-secret"), false);
        assertEquals(400, r.statusCode());
        assertEquals("SignatureDoesNotMatch", new ObjectMapper().readTree(r.body()).get("Code").asText());
    }

    @Test
    void unknownAccessKeyIsRefusedWith404() throws Exception {
        Map<String, String> p = RpcRequest.signed("GET", createVpc(), "2016-04-28", "LTAInobody", "x",
                clock.instant(), "n1");
        HttpResponse<String> r = send("GET", p, false);
        assertEquals(404, r.statusCode());
        assertEquals("InvalidAccessKeyId.NotFound", new ObjectMapper().readTree(r.body()).get("Code").asText());
    }

    @Test
    void timestampMoreThanFifteenMinutesOffIsRefused() throws Exception {
        Map<String, String> p = RpcRequest.signed("GET", createVpc(), "2016-04-28", Seed.KEY_A, Seed.SECRET_A,
                clock.instant().minus(Duration.ofMinutes(16)), "n2");
        HttpResponse<String> r = send("GET", p, false);
        assertEquals("InvalidTimeStamp.Expired", new ObjectMapper().readTree(r.body()).get("Code").asText());
    }

    @Test
    void reusedSignatureNonceIsRefused() throws Exception {
        Map<String, String> p = signed("GET", Map.of("Action", "DescribeVpcs", "RegionId", "cn-beijing"),
                Seed.SECRET_A);
        assertEquals(200, send("GET", p, false).statusCode());
        HttpResponse<String> again = send("GET", p, false);
        assertEquals("SignatureNonceUsed", new ObjectMapper().readTree(again.body()).get("Code").asText());
    }

    @Test
    void errorsOnTheWireCarryTheApiErrorBody() throws Exception {
        HttpResponse<String> r = send("GET", signed("GET", Map.of("Action", "DeleteVpc", "VpcId", "vpc-none"),
                Seed.SECRET_A), false);
        assertEquals(404, r.statusCode());
        JsonNode body = new ObjectMapper().readTree(r.body());
        assertEquals("InvalidVpcID.NotFound", body.get("Code").asText());
        assertTrue(body.has("RequestId") && body.has("HostId") && body.has("Message"));
    }
}
