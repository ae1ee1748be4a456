package dev.peerform.emulator;

import static dev.peerform.emulator.CloudFixture.A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.emulator.cloud.Durations;
import dev.peerform.emulator.cloud.Quotas;
import dev.peerform.vpcapi.wire.ApiResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultsAndConsoleTest {

    private static Emulator faulty(Faults faults) {
        return Emulator.inMemory(Seed.emptyWorld(), new Emulator.Options(new ManualClock(Instant.EPOCH),
                Durations.INSTANT, Quotas.DEFAULTS, faults));
    }

    private static ApiResponse createVpc(Emulator e, String cidr) {
        return e.call(Seed.KEY_A, Seed.SECRET_A, Map.of("Action", "CreateVpc", "RegionId", "cn-beijing",
                "CidrBlock", cidr));
    }

    private static int vpcCount(Emulator e) {
        return e.read(w -> w.vpcs.size());
    }

    @Test
    void throttledCallIsRefusedWithThrottlingUserAndTakesNoEffect() {
        Emulator e = faulty(new Faults(Duration.ZERO, 1.0, 0, 0, 7));
        assertEquals("Throttling.User", createVpc(e, "10.0.0.0/16").code());
        assertEquals(0, vpcCount(e));
    }

    @Test
    void serverErrorIsA503ServiceUnavailableAndTakesNoEffect() {
        Emulator e = faulty(new Faults(Duration.ZERO, 0, 1.0, 0, 7));
        ApiResponse r = createVpc(e, "10.0.0.0/16");
        assertEquals(503, r.status());
        assertEquals("ServiceUnavailable", r.code());
        assertEquals(0, vpcCount(e));
    }

    @Test
    void lostResponseTakesEffectButTheCallerSeesNoAnswer() {
        Emulator e = faulty(new Faults(Duration.ZERO, 0, 0, 1.0, 7));
        assertThrows(LostResponseException.class, () -> createVpc(e, "10.0.0.0/16"));
        assertEquals(1, vpcCount(e));
    }

    @Test
    void faultsAreDrawnFromTheSeedSoARunReplays() {
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        for (List<String> codes : List.of(first, second)) {
            Emulator e = faulty(new Faults(Duration.ZERO, 0.3, 0.2, 0, 99));
            for (int i = 0; i < 40; i++) {
                codes.add(String.valueOf(createVpc(e, "10." + i + ".0.0/16").code()));
            }
        }
        assertEquals(first, second);
        assertTrue(first.contains("Throttling.User") && first.contains("ServiceUnavailable") && first.contains("null"));
    }

    @Test
    void latencyIsAppliedToEveryCall() {
        Emulator e = faulty(new Faults(Duration.ofMillis(25), 0, 0, 0, 1));
        List<Long> waits = new ArrayList<>();
        e.sleeper(waits::add);
        createVpc(e, "10.0.0.0/16");
        createVpc(e, "10.1.0.0/16");
        assertEquals(List.of(25L, 25L), waits);
    }

    @Test
    void consoleSuspendsResumesChangesSpecAndDeletesAsAPersonWould() {
        CloudFixture f = new CloudFixture();
        CloudFixture.Pair p = f.connected(A, "10.0.0.0/16", A, "10.1.0.0/16");
        f.ok(A, "CreateRouteEntry", "RouteTableId", p.initVpc().table(), "DestinationCidrBlock", "10.1.0.0/16",
                "NextHopId", p.init());
        f.waitTransitions();
        Console console = f.emulator.console();
        console.suspend(p.init());
        f.waitTransitions();
        assertEquals("Inactive", f.status(A, "cn-qingdao", p.init()));
        console.resume(p.init());
        f.waitTransitions();
        assertEquals("Active", f.status(A, "cn-qingdao", p.init()));
        console.modifySpec(p.init(), "Small.5");
        f.waitTransitions();
        assertEquals("Small.5", f.describe(A, "cn-qingdao", p.init()).get("Spec").asText());
        String route = f.ok(A, "DescribeRouteEntryList", "RouteTableId", p.initVpc().table()).get("RouteEntrys")
                .get("RouteEntry").get(0).get("RouteEntryId").asText();
        console.deleteRoute(route);
        f.waitTransitions();
        console.suspend(p.init());
        f.waitTransitions();
        console.deleteInterface(p.init());
        f.waitTransitions();
        assertEquals(null, f.describe(A, "cn-qingdao", p.init()));
    }
}
