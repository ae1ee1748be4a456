package dev.peerform.alicloud.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.addrs.InstanceAddress;
import dev.peerform.alicloud.transport.Api;
import dev.peerform.alicloud.transport.VpcClient;
import dev.peerform.emulator.Emulator;
import dev.peerform.emulator.Seed;
import dev.peerform.emulator.cloud.Durations;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.Phase;
import dev.peerform.spi.StepContext;
import dev.peerform.spi.StepException;
import dev.peerform.spi.StepSpec;
import dev.peerform.spi.StepView;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Value;
import dev.peerform.vpcapi.wire.ApiResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The connection's steps at apply: what they refuse by name, and a wait that could never end. */
class ConnectionStepsTest {

    private final Emulator emulator = Emulator.inMemory(Seed.defaultWorld(), Emulator.Options.embedded()
            .with(Durations.all(Duration.ofMillis(20))));
    private final Api api = new Api(new VpcClient() {
        @Override
        public ApiResponse call(Map<String, String> params) {
            return emulator.call(Seed.KEY_B, Seed.SECRET_B, params);
        }

        @Override
        public String describe() {
            return "emulator";
        }
    }, "cn-hangzhou", 3, Duration.ofMillis(1));

    private static StepContext context(List<StepView> behind) {
        return new StepContext() {
            @Override
            public String clientToken() {
                return "t";
            }

            @Override
            public Instant deadline() {
                return Instant.now().plusSeconds(60);
            }

            @Override
            public boolean cancelled() {
                return false;
            }

            @Override
            public void progress(String message) {
            }

            @Override
            public Clock clock() {
                return Clock.systemUTC();
            }

            @Override
            public void sleep(Duration d) throws InterruptedException {
                Thread.sleep(Math.min(d.toMillis(), 20));
            }

            @Override
            public List<StepView> waitingForThis() {
                return behind;
            }
        };
    }

    private static StepView step(String address, ConnectionStep kind, ObjectValue values) {
        return new StepView(InstanceAddress.parse(address), ConnectionResource.TYPE, ChangeAction.CREATE,
                StepSpec.of(kind, Phase.CREATE, kind.name()), null, values, Map.of());
    }

    private static ObjectValue ends(String interfaceId, String opposite) {
        return new ObjectValue(Map.of("interface_id", interfaceId == null ? Value.NULL : Value.of(interfaceId),
                "opposite_interface_id", Value.of(opposite)));
    }

    @Test
    void aConnectionWhoseInterfaceIdIsNullIsRefusedByNameNeverWithANullPointer() {
        ObjectValue current = ends(null, "ri-peer");
        StepException e = assertThrows(StepException.class, () -> new ConnectionResource().execute(api,
                new CloudResource.Account(Seed.ACCOUNT_B), context(List.of()), step(
                        "alicloud_router_interface_connection.a", ConnectionStep.SET_OPPOSITE, current), current));
        assertTrue(e.getMessage().contains("interface_id"), e.getMessage());
    }

    @Test
    void anIdleAcceptorWhoseInitiatorsConnectWaitsBehindItLeavesTheWaitToTheInitiator() throws Exception {
        JsonNode a = api.call("CreateVpc", "CidrBlock", "10.1.0.0/16", "VpcName", "vpc-a");
        JsonNode b = api.call("CreateVpc", "CidrBlock", "10.2.0.0/16", "VpcName", "vpc-b");
        String ri = api.call("CreateRouterInterface", "Role", "InitiatingSide", "RouterType", "VRouter", "RouterId",
                a.get("VRouterId").asText(), "Spec", "Large.2", "OppositeRegionId", "cn-hangzhou")
                .get("RouterInterfaceId").asText();
        String peer = api.call("CreateRouterInterface", "Role", "AcceptingSide", "RouterType", "VRouter",
                "RouterId", b.get("VRouterId").asText(), "Spec", "Negative", "OppositeRegionId", "cn-hangzhou")
                .get("RouterInterfaceId").asText();
        api.call("ModifyRouterInterfaceAttribute", "RouterInterfaceId", peer, "OppositeInterfaceId", ri,
                "OppositeRouterId", a.get("VRouterId").asText(), "OppositeRouterType", "VRouter",
                "OppositeInterfaceOwnerId", Seed.ACCOUNT_B);
        ObjectValue acceptor = ends(peer, ri);
        StepView initiatorsConnect = step("alicloud_router_interface_connection.i", ConnectionStep.CONNECT,
                ends(ri, peer));
        ObjectValue after = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> new ConnectionResource()
                .execute(api, new CloudResource.Account(Seed.ACCOUNT_B), context(List.of(initiatorsConnect)),
                        step("alicloud_router_interface_connection.a", ConnectionStep.CONNECT, acceptor), acceptor));
        assertEquals("Idle", ObjectValues.str(after, "status"));
        assertEquals("Idle", InterfaceReader.status(api, ri, "cn-hangzhou"), "the acceptor's end never connects");
    }
}
