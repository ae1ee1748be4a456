package dev.peerform.emulator.sdk;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.aliyuncs.RpcAcsRequest;
import com.aliyuncs.vpc.model.v20160428.ConnectRouterInterfaceRequest;
import com.aliyuncs.vpc.model.v20160428.CreateRouteEntryRequest;
import com.aliyuncs.vpc.model.v20160428.CreateRouterInterfaceRequest;
import com.aliyuncs.vpc.model.v20160428.CreateVirtualBorderRouterRequest;
import com.aliyuncs.vpc.model.v20160428.CreateVpcRequest;
import com.aliyuncs.vpc.model.v20160428.CreateVpcResponse;
import com.aliyuncs.vpc.model.v20160428.DeleteRouteEntryRequest;
import com.aliyuncs.vpc.model.v20160428.DescribeRouteEntryListRequest;
import com.aliyuncs.vpc.model.v20160428.DescribeRouteEntryListResponse;
import com.aliyuncs.vpc.model.v20160428.DescribeRouterInterfacesRequest;
import com.aliyuncs.vpc.model.v20160428.DescribeRouterInterfacesResponse;
import com.aliyuncs.vpc.model.v20160428.DescribeRouterInterfacesResponse.RouterInterfaceType;
import com.aliyuncs.vpc.model.v20160428.ModifyRouterInterfaceAttributeRequest;
import dev.peerform.emulator.Emulator;
import dev.peerform.emulator.Faults;
import dev.peerform.emulator.ManualClock;
import dev.peerform.emulator.Seed;
import dev.peerform.emulator.cloud.Durations;
import dev.peerform.emulator.cloud.Quotas;
import dev.peerform.emulator.wire.EmulatorServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The emulator's HTTP server on loopback, driven only through Alibaba Cloud's official Java SDK: two accounts
 * (12345678 and 87654321, the seed's demonstration keys), each with its own SDK client.
 *
 * <p>Transitions last {@link #STEP} on a manual clock, so a test polls as a real client does and sees the
 * intermediate statuses, without waiting: each poll moves the clock by {@link #POLL}. The server checks the SDK's
 * timestamps against the real clock (the SDK stamps requests with the machine's time).
 */
final class SdkCloud implements AutoCloseable {

    static final String HOME_REGION = "cn-beijing";
    static final String INIT_REGION = "cn-qingdao";
    static final String ACC_REGION = "cn-beijing";
    static final Duration STEP = Duration.ofSeconds(10);
    static final Duration POLL = Duration.ofSeconds(2);
    private static final int MAX_POLLS = 30;

    final ManualClock clock = new ManualClock(Instant.now());
    private final EmulatorServer server;
    private final List<SdkAccount> clients = new ArrayList<>();
    final SdkAccount a;
    final SdkAccount b;

    SdkCloud() {
        this(Quotas.DEFAULTS);
    }

    SdkCloud(Quotas quotas) {
        Emulator emulator = Emulator.inMemory(Seed.emptyWorld(), new Emulator.Options(clock, Durations.all(STEP),
                quotas, Faults.NONE));
        try {
            server = new EmulatorServer(emulator, Clock.systemUTC(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("the emulator's server could not listen on loopback", e);
        }
        a = client(Seed.ACCOUNT_A, Seed.KEY_A, Seed.SECRET_A);
        b = client(Seed.ACCOUNT_B, Seed.KEY_B, Seed.SECRET_B);
    }

    /** Another SDK client, for a second caller of the same account or for keys the cloud does not know. */
    SdkAccount client(String account, String accessKeyId, String secret) {
        SdkAccount c = new SdkAccount(account, accessKeyId, secret, server.uri().getHost() + ":"
                + server.uri().getPort());
        clients.add(c);
        return c;
    }

    /** Lets every transition in progress end. */
    void settle() {
        clock.advance(STEP);
    }

    @Override
    public void close() {
        clients.forEach(SdkAccount::close);
        server.close();
    }

    static <R extends RpcAcsRequest<?>> R in(String region, R request) {
        request.setSysRegionId(region);
        return request;
    }

    // ---- VPCs ----------------------------------------------------------------------------------------------

    record Vpc(String region, String id, String router, String table) {
    }

    Vpc vpc(SdkAccount account, String region, String cidr) {
        CreateVpcRequest r = in(region, new CreateVpcRequest());
        r.setCidrBlock(cidr);
        CreateVpcResponse v = account.ok(r);
        return new Vpc(region, v.getVpcId(), v.getVRouterId(), v.getRouteTableId());
    }

    /** A VBR of account A on the seed's physical connection in cn-beijing. */
    String vbr(int vlan) {
        CreateVirtualBorderRouterRequest r = in(ACC_REGION, new CreateVirtualBorderRouterRequest());
        r.setPhysicalConnectionId(Seed.PHYSICAL_CONNECTION);
        r.setVlanId(vlan);
        r.setLocalGatewayIp("10.100." + vlan + ".1");
        r.setPeerGatewayIp("10.100." + vlan + ".2");
        r.setPeeringSubnetMask("255.255.255.252");
        return a.ok(r).getVbrId();
    }

    // ---- router interfaces ---------------------------------------------------------------------------------

    static CreateRouterInterfaceRequest newInterface(String region, String role, String routerType, String routerId,
            String spec, String oppositeRegion) {
        CreateRouterInterfaceRequest r = in(region, new CreateRouterInterfaceRequest());
        r.setRole(role);
        r.setRouterType(routerType);
        r.setRouterId(routerId);
        r.setSpec(spec);
        r.setOppositeRegionId(oppositeRegion);
        return r;
    }

    String initiator(SdkAccount account, Vpc vpc, String spec, String oppositeRegion) {
        return account.ok(newInterface(vpc.region(), "InitiatingSide", "VRouter", vpc.router(), spec,
                oppositeRegion)).getRouterInterfaceId();
    }

    String acceptor(SdkAccount account, Vpc vpc, String oppositeRegion) {
        return account.ok(newInterface(vpc.region(), "AcceptingSide", "VRouter", vpc.router(), "Negative",
                oppositeRegion)).getRouterInterfaceId();
    }

    static ModifyRouterInterfaceAttributeRequest oppositeInfo(String region, String ri, String oppositeRi,
            String oppositeRouter, SdkAccount oppositeOwner) {
        ModifyRouterInterfaceAttributeRequest r = in(region, new ModifyRouterInterfaceAttributeRequest());
        r.setRouterInterfaceId(ri);
        r.setOppositeInterfaceId(oppositeRi);
        r.setOppositeRouterId(oppositeRouter);
        r.setOppositeRouterType("VRouter");
        r.setOppositeInterfaceOwnerId(oppositeOwner.idAsLong());
        return r;
    }

    static ConnectRouterInterfaceRequest connect(String region, String ri) {
        ConnectRouterInterfaceRequest r = in(region, new ConnectRouterInterfaceRequest());
        r.setRouterInterfaceId(ri);
        return r;
    }

    static DescribeRouterInterfacesRequest describeInterfaces(String region, String key, String... values) {
        DescribeRouterInterfacesRequest r = in(region, new DescribeRouterInterfacesRequest());
        if (key != null) {
            DescribeRouterInterfacesRequest.Filter f = new DescribeRouterInterfacesRequest.Filter();
            f.setKey(key);
            f.setValues(List.of(values));
            r.setFilters(List.of(f));
        }
        return r;
    }

    /** The interface as its owner sees it, or null once it is gone. */
    RouterInterfaceType describe(SdkAccount account, String region, String ri) {
        DescribeRouterInterfacesResponse r = account.ok(describeInterfaces(region, "RouterInterfaceId", ri));
        return r.getRouterInterfaceSet().isEmpty() ? null : r.getRouterInterfaceSet().get(0);
    }

    /** Polls DescribeRouterInterfaces until the interface has {@code status}; answers every status seen. */
    List<String> pollUntil(SdkAccount account, String region, String ri, String status) {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < MAX_POLLS; i++) {
            RouterInterfaceType t = describe(account, region, ri);
            String now = t == null ? "(gone)" : t.getStatus();
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(now)) {
                seen.add(now);
            }
            if (now.equals(status)) {
                return seen;
            }
            clock.advance(POLL);
        }
        return fail(ri + " never became " + status + "; statuses seen: " + seen);
    }

    /** Polls until the interface is gone. */
    void pollUntilGone(SdkAccount account, String region, String ri) {
        pollUntil(account, region, ri, "(gone)");
    }

    /** A cross-account, cross-region pair: A's initiator in cn-qingdao, B's acceptor in cn-beijing. */
    record Peering(Vpc initVpc, Vpc accVpc, String init, String acc) {
    }

    /** Both ends created; opposite information set on neither. */
    Peering ends() {
        Vpc initVpc = vpc(a, INIT_REGION, "10.0.0.0/16");
        Vpc accVpc = vpc(b, ACC_REGION, "10.1.0.0/16");
        String acc = acceptor(b, accVpc, INIT_REGION);
        String init = initiator(a, initVpc, "Large.2", ACC_REGION);
        return new Peering(initVpc, accVpc, init, acc);
    }

    /** Both ends knowing each other, not connected. */
    Peering pair() {
        Peering p = ends();
        b.ok(oppositeInfo(ACC_REGION, p.acc(), p.init(), p.initVpc().router(), a));
        a.ok(oppositeInfo(INIT_REGION, p.init(), p.acc(), p.accVpc().router(), b));
        return p;
    }

    /** Connected, both ends Active. */
    Peering connected() {
        Peering p = pair();
        a.ok(connect(INIT_REGION, p.init()));
        pollUntil(a, INIT_REGION, p.init(), "Active");
        pollUntil(b, ACC_REGION, p.acc(), "Active");
        return p;
    }

    // ---- route entries -------------------------------------------------------------------------------------

    static CreateRouteEntryRequest newRoute(String region, String table, String destination, String nextHop) {
        CreateRouteEntryRequest r = in(region, new CreateRouteEntryRequest());
        r.setRouteTableId(table);
        r.setDestinationCidrBlock(destination);
        r.setNextHopType("RouterInterface");
        r.setNextHopId(nextHop);
        return r;
    }

    static DeleteRouteEntryRequest deleteRoute(String region, String table, String destination, String nextHop) {
        DeleteRouteEntryRequest r = in(region, new DeleteRouteEntryRequest());
        r.setRouteTableId(table);
        r.setDestinationCidrBlock(destination);
        r.setNextHopId(nextHop);
        return r;
    }

    static DescribeRouteEntryListRequest routes(String region, String table) {
        DescribeRouteEntryListRequest r = in(region, new DescribeRouteEntryListRequest());
        r.setRouteTableId(table);
        return r;
    }

    /** Adds a route and polls DescribeRouteEntryList until it is Available; answers its id. */
    String route(SdkAccount account, Vpc vpc, String destination, String nextHop) {
        String id = account.ok(newRoute(vpc.region(), vpc.table(), destination, nextHop)).getRouteEntryId();
        assertTrue(id != null && id.startsWith("rte-"), "a route entry id: " + id);
        pollRoute(account, vpc, destination, "Available");
        return id;
    }

    /** Polls the route to {@code destination} until it has {@code status} ("(gone)" once deleted). */
    List<String> pollRoute(SdkAccount account, Vpc vpc, String destination, String status) {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < MAX_POLLS; i++) {
            DescribeRouteEntryListRequest r = routes(vpc.region(), vpc.table());
            r.setDestinationCidrBlock(destination);
            List<DescribeRouteEntryListResponse.RouteEntry> found = account.ok(r).getRouteEntrys();
            String now = found.isEmpty() ? "(gone)" : found.get(0).getStatus();
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(now)) {
                seen.add(now);
            }
            if (now.equals(status)) {
                return seen;
            }
            clock.advance(POLL);
        }
        return fail("the route to " + destination + " never became " + status + "; statuses seen: " + seen);
    }
}
