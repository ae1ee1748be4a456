package dev.peerform.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.emulator.Emulator;
import dev.peerform.emulator.Seed;
import dev.peerform.emulator.cloud.Durations;
import dev.peerform.emulator.store.FileStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connections that a replacement suspends are brought back by the cloud's own call, not left to a deadline. */
class ConnectionRepairTest {

    @TempDir
    Path dir;

    @Test
    void replacingAConnectionResumesItsSuspendedInterfaceInsteadOfWaitingForTheDeadline() throws Exception {
        Scenario s = Scenario.example("vpc-peering-same-account", dir);
        assertEquals(0, s.run("apply", "-auto-approve").exitCode());
        int before = s.actions().size();
        Scenario.Run replace = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> s.run("apply",
                "-auto-approve", "-replace=alicloud_router_interface_connection.initiator"));
        assertEquals(0, replace.exitCode(), replace.out() + replace.err());
        var calls = s.actions().subList(before, s.actions().size());
        assertTrue(calls.indexOf("DeactivateRouterInterface") >= 0
                && calls.indexOf("DeactivateRouterInterface") < calls.indexOf("ActivateRouterInterface"), calls
                .toString());
        Scenario.Run clean = s.run("plan", "-detailed-exitcode");
        assertEquals(0, clean.exitCode(), clean.out());
    }

    @Test
    void afterADestroyThatDeletedOneEndOfAPairTheSurvivingEndIsReplacedAndThePeeringComesBack() throws Exception {
        Scenario s = Scenario.example("vpc-peering-same-account", dir);
        assertEquals(0, s.run("apply", "-auto-approve").exitCode());
        String initiator = s.run("output", "-raw", "initiator_interface").out().trim();
        Path worldFile = dir.resolve(".peerform/cloud.json");
        var world = new FileStore(worldFile).load();
        String table = world.vpcs.values().stream().filter(v -> v.vrouterId.equals(world.interfaces.get(initiator)
                .routerId)).findFirst().orElseThrow().routeTableId;
        var emulator = Emulator.onFile(worldFile, Seed.defaultWorld(), Emulator.Options.embedded()
                .with(Durations.all(Duration.ofMillis(20))));
        // a route made outside peerform over the initiator's end stops the destroy at that end's delete
        Map<String, String> route = Map.of("Action", "CreateRouteEntry", "RegionId", "cn-qingdao", "RouteTableId",
                table, "DestinationCidrBlock", "10.99.0.0/16", "NextHopType", "RouterInterface", "NextHopId",
                initiator);
        assertTrue(emulator.call(Seed.KEY_B, Seed.SECRET_B, route).ok());
        Scenario.Run half = s.run("destroy", "-auto-approve");
        assertEquals(1, half.exitCode(), "the destroy stops half-way: " + half.out());
        assertEquals(List.of("alicloud_router_interface.initiator", "alicloud_vpc.qingdao"),
                s.run("state", "list").out().lines().sorted().toList(), "one end of the pair survived");
        Thread.sleep(100);
        assertTrue(emulator.call(Seed.KEY_B, Seed.SECRET_B, Map.of("Action", "DeleteRouteEntry", "RegionId",
                "cn-qingdao", "RouteTableId", table, "DestinationCidrBlock", "10.99.0.0/16", "NextHopId",
                initiator)).ok());
        Thread.sleep(100);
        Scenario.Run apply = s.run("apply", "-auto-approve");
        assertEquals(0, apply.exitCode(), apply.out() + apply.err());
        assertTrue(apply.out().contains("Replacing alicloud_router_interface.initiator"), apply.out());
        Scenario.Run clean = s.run("plan", "-detailed-exitcode");
        assertEquals(0, clean.exitCode(), clean.out());
    }
}
