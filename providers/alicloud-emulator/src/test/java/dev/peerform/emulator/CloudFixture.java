package dev.peerform.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.emulator.cloud.Durations;
import dev.peerform.emulator.cloud.Quotas;
import dev.peerform.vpcapi.errors.ErrorStatus;
import dev.peerform.vpcapi.wire.ApiResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A cloud for tests: an in-memory emulator on a manual clock where every transition takes 10 seconds, and helpers
 * that go through the API exactly as a client would (parameters in, JSON and error codes out).
 */
class CloudFixture {

    static final Duration STEP = Duration.ofSeconds(10);
    static final String A = Seed.ACCOUNT_A;
    static final String B = Seed.ACCOUNT_B;

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-21T00:00:00Z"));
    final Emulator emulator;

    CloudFixture() {
        this(Quotas.DEFAULTS);
    }

    CloudFixture(Quotas quotas) {
        emulator = Emulator.inMemory(Seed.emptyWorld(), new Emulator.Options(clock, Durations.all(STEP), quotas,
                Faults.NONE));
    }

    /** Lets every transition in progress end. */
    void waitTransitions() {
        clock.advance(STEP);
    }

    ApiResponse call(String account, String action, String... kv) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Action", action);
        for (int i = 0; i < kv.length; i += 2) {
            p.put(kv[i], kv[i + 1]);
        }
        String key = account.equals(A) ? Seed.KEY_A : Seed.KEY_B;
        String secret = account.equals(A) ? Seed.SECRET_A : Seed.SECRET_B;
        return emulator.call(key, secret, p);
    }

    JsonNode ok(String account, String action, String... kv) {
        ApiResponse r = call(account, action, kv);
        assertTrue(r.ok(), action + " failed: " + r.body());
        return r.body();
    }

    /** Asserts the call is refused with this code, and with the HTTP status the API gives that code. */
    ApiResponse refused(String code, String account, String action, String... kv) {
        ApiResponse r = call(account, action, kv);
        assertEquals(code, r.code(), action + " answered " + r.body());
        assertEquals(ErrorStatus.of(code), r.status(), action + " answered " + code + " with the wrong HTTP status");
        return r;
    }

    record Vpc(String id, String router, String table) {
    }

    Vpc vpc(String account, String region, String cidr) {
        JsonNode r = ok(account, "CreateVpc", "RegionId", region, "CidrBlock", cidr);
        return new Vpc(r.get("VpcId").asText(), r.get("VRouterId").asText(), r.get("RouteTableId").asText());
    }

    String vbr(String account, int vlan) {
        return ok(account, "CreateVirtualBorderRouter", "RegionId", "cn-beijing", "PhysicalConnectionId",
                Seed.PHYSICAL_CONNECTION, "VlanId", Integer.toString(vlan), "LocalGatewayIp", "10.0.0.1",
                "PeerGatewayIp", "10.0.0.2", "PeeringSubnetMask", "255.255.255.252").get("VbrId").asText();
    }

    String vbrTable(String account, String vbrId) {
        return ok(account, "DescribeVirtualBorderRouters", "RegionId", "cn-beijing", "Filter.1.Key", "VbrId",
                "Filter.1.Value.1", vbrId).get("VirtualBorderRouterSet").get("VirtualBorderRouterType").get(0)
                .get("RouteTableId").asText();
    }

    String initiator(String account, String region, String routerType, String routerId, String spec,
            String oppositeRegion) {
        return ok(account, "CreateRouterInterface", "RegionId", region, "Role", "InitiatingSide", "RouterType",
                routerType, "RouterId", routerId, "Spec", spec, "OppositeRegionId", oppositeRegion)
                .get("RouterInterfaceId").asText();
    }

    String acceptor(String account, String region, String routerId, String oppositeRegion) {
        return ok(account, "CreateRouterInterface", "RegionId", region, "Role", "AcceptingSide", "RouterType",
                "VRouter", "RouterId", routerId, "Spec", "Negative", "OppositeRegionId", oppositeRegion)
                .get("RouterInterfaceId").asText();
    }

    void opposite(String account, String ri, String oppositeRi, String oppositeRouter, String oppositeType,
            String oppositeOwner) {
        ok(account, "ModifyRouterInterfaceAttribute", "RouterInterfaceId", ri, "OppositeInterfaceId", oppositeRi,
                "OppositeRouterId", oppositeRouter, "OppositeRouterType", oppositeType, "OppositeInterfaceOwnerId",
                oppositeOwner);
    }

    String status(String account, String region, String ri) {
        return describe(account, region, ri).get("Status").asText();
    }

    JsonNode describe(String account, String region, String ri) {
        JsonNode set = ok(account, "DescribeRouterInterfaces", "RegionId", region, "Filter.1.Key",
                "RouterInterfaceId", "Filter.1.Value.1", ri).get("RouterInterfaceSet").get("RouterInterfaceType");
        return set.size() == 0 ? null : set.get(0);
    }

    /** A same-account VPC-to-VPC pair, both ends knowing each other, not yet connected. */
    record Pair(Vpc initVpc, Vpc accVpc, String init, String acc) {
    }

    Pair pair(String initAccount, String initRegion, String initCidr, String accAccount, String accRegion,
            String accCidr) {
        Vpc a = vpc(initAccount, initRegion, initCidr);
        Vpc b = vpc(accAccount, accRegion, accCidr);
        String init = initiator(initAccount, initRegion, "VRouter", a.router(), "Large.2", accRegion);
        String acc = acceptor(accAccount, accRegion, b.router(), initRegion);
        opposite(accAccount, acc, init, a.router(), "VRouter", initAccount);
        opposite(initAccount, init, acc, b.router(), "VRouter", accAccount);
        return new Pair(a, b, init, acc);
    }

    Pair connected(String initAccount, String initCidr, String accAccount, String accCidr) {
        Pair p = pair(initAccount, "cn-qingdao", initCidr, accAccount, "cn-beijing", accCidr);
        ok(initAccount, "ConnectRouterInterface", "RouterInterfaceId", p.init());
        waitTransitions();
        return p;
    }
}
