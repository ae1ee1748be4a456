package dev.peerform.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.emulator.cloud.Model.CallRecord;
import dev.peerform.emulator.store.FileStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A kill -9 of an apply at a chosen moment, in process: while the apply runs (transitions slowed so that the
 * moment lands inside a wait), the cloud is held still and the directory copied as the dead process would leave
 * it (journal, world, no final state write, the lock of a process that is gone). The copy must then converge with
 * one apply that the cloud refuses nothing of, with no duplicate and no orphan, and plan clean.
 */
class CrashRecoveryTest {

    @TempDir
    Path dir;

    @TempDir
    Path crashed;

    /** The copy of {@code dir} at the moment the journal first has a line matching both parts. */
    private void killWhen(Scenario s, String kind, String step) throws Exception {
        Path journal = dir.resolve("terraform.tfstate.journal");
        AtomicReference<Scenario.Run> first = new AtomicReference<>();
        Thread apply = new Thread(() -> first.set(s.run("apply", "-auto-approve")));
        apply.start();
        long deadline = System.currentTimeMillis() + 60_000;
        boolean copied = false;
        while (!copied && System.currentTimeMillis() < deadline && apply.isAlive()) {
            try (var still = new FileStore(dir.resolve(".peerform/cloud.json")).lock()) {
                if (Files.exists(journal) && Files.readAllLines(journal, StandardCharsets.ISO_8859_1).stream()
                        .anyMatch(l -> l.contains("\"kind\":\"" + kind + "\"") && l.contains("\"step\":\"" + step
                                + "\""))) {
                    copy(dir, crashed);
                    copied = true;
                }
            }
            Thread.sleep(5);
        }
        apply.join();
        assertTrue(copied, "the apply reached " + kind + " of " + step + ": " + first.get());
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                String name = p.getFileName().toString();
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!name.endsWith(".lock.info") && !name.endsWith(".tmp") && !name.equals("terraform.tfstate")
                        && !name.endsWith(".lock")) {
                    Files.copy(p, target);
                }
            }
        }
    }

    @ParameterizedTest(name = "killed at the {0} of {1}")
    @CsvSource({
        "intent, alicloud_router_interface.acceptor#CREATE#create",
        "result, alicloud_router_interface_connection.acceptor#CREATE#set-opposite",
        "intent, alicloud_router_interface_connection.initiator#CREATE#connect",
        "intent, alicloud_route_entry.qingdao_to_beijing#CREATE#create",
        "intent, alicloud_route_entry.beijing_to_qingdao#CREATE#create"})
    void aKillAtAnyMomentOfAnApplyIsRecoveredByTheNextApplyWithNothingRefusedDuplicatedOrLost(String kind,
            String step) throws Exception {
        Scenario s = Scenario.example("vpc-peering-same-account", dir);
        s.env.put("PEERFORM_EMULATOR_TRANSITION_MS", "600");
        killWhen(s, kind, step);
        Scenario after = new Scenario(crashed);
        int before = after.log().size();
        Scenario.Run apply = after.run("apply", "-auto-approve");
        List<CallRecord> calls = after.log().subList(before, after.log().size());
        assertEquals(0, apply.exitCode(), apply.out() + apply.err());
        List<String> refused = calls.stream().filter(c -> c.result != null && !c.result.equals("OK")
                ).map(c -> c.action + " " + c.result).toList();
        assertEquals(List.of(), refused, "the cloud refused nothing of the recovering apply: " + apply.out());
        Scenario.Run plan = after.run("plan", "-detailed-exitcode");
        assertEquals(0, plan.exitCode(), "plan clean after the recovering apply: " + plan.out() + plan.err());
        var world = new FileStore(crashed.resolve(".peerform/cloud.json")).load();
        assertEquals(2, world.interfaces.size(), "no duplicate interface");
        assertEquals(2, world.routes.values().stream().filter(r -> r.nextHopType.equals("RouterInterface")).count(),
                "no duplicate route");
        assertEquals(after.run("state", "list").out().lines().count(), 8L, "every object in the state");
    }

    /**
     * A state in which the acceptor's connection is taken as made though the cloud has it Idle (what the previous
     * version recorded after a kill or an interrupt in the connect phase): its repair waits for the initiator, it
     * never connects from the accepting side.
     */
    @org.junit.jupiter.api.Test
    void anAcceptorsConnectionFoundIdleAwaitsTheInitiatorAndIsNeverConnectedFromTheAcceptingSide() throws Exception {
        Scenario s = Scenario.example("vpc-peering-same-account", dir);
        s.env.put("PEERFORM_EMULATOR_TRANSITION_MS", "600");
        killWhen(s, "result", "alicloud_router_interface_connection.acceptor#CREATE#set-opposite");
        Scenario after = new Scenario(crashed);
        assertEquals(0, after.run("state", "list").exitCode()); // folds the journal into the state
        Path state = crashed.resolve("terraform.tfstate");
        if (Files.exists(crashed.resolve("terraform.tfstate.journal"))) {
            after.run("plan");
        }
        Files.writeString(state, Files.readString(state).replaceAll(
                "(?s),\\s*\"peerform_completed_steps\"\\s*:\\s*\\[[^\\]]*\\]", ""));
        int before = after.log().size();
        Scenario.Run apply = after.run("apply", "-auto-approve");
        List<CallRecord> calls = after.log().subList(before, after.log().size());
        assertEquals(0, apply.exitCode(), apply.out() + apply.err());
        assertEquals(List.of(), calls.stream().filter(c -> !"OK".equals(c.result)).map(c -> c.action + " "
                + c.result).toList(), apply.out());
        assertEquals(0, after.run("plan", "-detailed-exitcode").exitCode());
    }
}
