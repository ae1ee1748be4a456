package dev.peerform.alicloud.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.addrs.InstanceAddress;
import dev.peerform.alicloud.transport.Api;
import dev.peerform.alicloud.transport.CallLostException;
import dev.peerform.alicloud.transport.VpcClient;
import dev.peerform.emulator.Emulator;
import dev.peerform.emulator.Seed;
import dev.peerform.emulator.cloud.Durations;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.Phase;
import dev.peerform.spi.StepContext;
import dev.peerform.spi.StepSpec;
import dev.peerform.spi.StepView;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Value;
import dev.peerform.vpcapi.wire.ApiResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A call that took effect but whose answer was lost: its retry's refusal is not taken as final. */
class LostAnswersTest {

    private final Emulator emulator = Emulator.inMemory(Seed.defaultWorld(), Emulator.Options.embedded()
            .with(Durations.all(Duration.ofMillis(20))));

    /** Loses the answer of the first call of {@code action}, after the cloud has carried it out. */
    private final class Lossy implements VpcClient {
        private final String action;
        private boolean lost;

        Lossy(String action) {
            this.action = action;
        }

        @Override
        public ApiResponse call(Map<String, String> params) throws CallLostException {
            ApiResponse r = emulator.call(Seed.KEY_B, Seed.SECRET_B, params);
            if (!lost && action.equals(params.get("Action"))) {
                lost = true;
                throw new CallLostException("no answer within 10s", null);
            }
            return r;
        }

        @Override
        public String describe() {
            return "lossy";
        }
    }

    private static final StepContext CONTEXT = new StepContext() {
        @Override
        public String clientToken() {
            return "t";
        }

        @Override
        public Instant deadline() {
            return Instant.now().plusSeconds(20);
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
    };

    @Test
    void aConnectWhoseAnswerWasLostIsFoundConnectingAndWaitedForNotTaintedAsRefused() throws Exception {
        Api setup = new Api(new Lossy("none"), "cn-hangzhou", 3, Duration.ofMillis(1));
        JsonNode a = setup.call("CreateVpc", "CidrBlock", "10.1.0.0/16", "VpcName", "vpc-a");
        JsonNode b = setup.call("CreateVpc", "CidrBlock", "10.2.0.0/16", "VpcName", "vpc-b");
        String ri = setup.call("CreateRouterInterface", "Role", "InitiatingSide", "RouterType", "VRouter", "RouterId",
                a.get("VRouterId").asText(), "Spec", "Large.2", "OppositeRegionId", "cn-hangzhou")
                .get("RouterInterfaceId").asText();
        String peer = setup.call("CreateRouterInterface", "Role", "AcceptingSide", "RouterType", "VRouter",
                "RouterId", b.get("VRouterId").asText(), "Spec", "Negative", "OppositeRegionId", "cn-hangzhou")
                .get("RouterInterfaceId").asText();
        setup.call("ModifyRouterInterfaceAttribute", "RouterInterfaceId", ri, "OppositeInterfaceId", peer,
                "OppositeRouterId", b.get("VRouterId").asText(), "OppositeRouterType", "VRouter",
                "OppositeInterfaceOwnerId", Seed.ACCOUNT_B);
        setup.call("ModifyRouterInterfaceAttribute", "RouterInterfaceId", peer, "OppositeInterfaceId", ri,
                "OppositeRouterId", a.get("VRouterId").asText(), "OppositeRouterType", "VRouter",
                "OppositeInterfaceOwnerId", Seed.ACCOUNT_B);

        Api api = new Api(new Lossy("ConnectRouterInterface"), "cn-hangzhou", 3, Duration.ofMillis(1));
        ObjectValue current = new ObjectValue(Map.of("interface_id", Value.of(ri), "opposite_interface_id",
                Value.of(peer), "id", Value.of(ri)));
        StepView step = new StepView(InstanceAddress.parse("alicloud_router_interface_connection.i"),
                ConnectionResource.TYPE, ChangeAction.CREATE, StepSpec.of(ConnectionStep.CONNECT, Phase.CREATE,
                "connect"), null, current, Map.of());
        ObjectValue after = new ConnectionResource().execute(api, new CloudResource.Account(Seed.ACCOUNT_B),
                CONTEXT, step, current);
        assertEquals("Active", ObjectValues.str(after, "status"));
        assertEquals("Active", InterfaceReader.status(api, peer, "cn-hangzhou"));
    }
}
