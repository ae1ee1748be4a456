package dev.peerform.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.addrs.InstanceAddress;
import dev.peerform.apply.ApplyListener;
import dev.peerform.apply.Interrupt;
import dev.peerform.diag.Diagnostics;
import dev.peerform.json.TerraformJson;
import dev.peerform.planner.Planner;
import dev.peerform.plans.PlannedStep;
import dev.peerform.states.Backend;
import dev.peerform.states.FileJournal;
import dev.peerform.states.InstanceState;
import dev.peerform.states.LocalBackend;
import dev.peerform.states.State;
import dev.peerform.states.StateCodec;
import dev.peerform.states.StateLockedException;
import dev.peerform.states.StateStore;
import dev.peerform.states.StepJournal;
import dev.peerform.states.StepRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class StateAndRecoveryTest {

    private final EngineFixture f = new EngineFixture();

    StateAndRecoveryTest() throws Exception {
    }

    @Test
    void stateProducedByTerraformRoundTripsThroughTheV4Layout() throws Exception {
        byte[] original = getClass().getResourceAsStream("/terraform/terraform_data/terraform.tfstate").readAllBytes();
        State s = StateCodec.read(original, "terraform.tfstate");
        assertEquals(5, s.serial());
        assertEquals(4, s.instanceCount());
        assertNotNull(s.instance(InstanceAddress.parse("terraform_data.s[\"x\"]")));
        JsonNode before = TerraformJson.MAPPER.readTree(original);
        JsonNode after = StateCodec.encode(s);
        assertEquals(before.get("resources"), after.get("resources"));
        assertEquals(before.get("lineage"), after.get("lineage"));
        assertEquals(before.get("outputs"), after.get("outputs"));
        assertEquals(new String(original, java.nio.charset.StandardCharsets.UTF_8),
                TerraformJson.MAPPER.writeValueAsString(after) + "\n", "written byte for byte as Terraform writes it");
    }

    @Test
    void stateFilesAreOwnerOnlyAndTheBackupIsThePreviousState() throws Exception {
        f.config("resource \"testcloud_thing\" \"a\" { name = \"a\" }\n");
        f.apply();
        f.config("resource \"testcloud_thing\" \"a\" {\n  name = \"a\"\n  size = 1\n}\n");
        f.apply();
        Path state = f.dir.resolve("terraform.tfstate");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state)));
        State backup = StateCodec.read(Files.readAllBytes(f.dir.resolve("terraform.tfstate.backup")), "backup");
        assertEquals(f.state().serial() - 1, backup.serial());
    }

    @Test
    void secondRunTryingToLockGetsAClearErrorNamingTheHolder() throws Exception {
        StateStore backend = new LocalBackend(f.dir.resolve("terraform.tfstate"), Clock.systemUTC(), "test").workspace(Backend.DEFAULT_WORKSPACE);
        try (StateStore.Lock held = backend.lock("OperationTypeApply", Duration.ZERO)) {
            StateLockedException e = assertThrows(StateLockedException.class,
                    () -> backend.lock("OperationTypePlan", Duration.ofMillis(300)));
            assertEquals(held.info().id(), e.holder().id());
            assertTrue(e.getMessage().contains("OperationTypeApply"), e.getMessage());
            assertTrue(e.getMessage().contains("peerform force-unlock " + held.info().id()), e.getMessage());
        }
        backend.lock("OperationTypePlan", Duration.ZERO).close();
    }

    @Test
    void forceUnlockReleasesALockLeftBehind() throws Exception {
        StateStore backend = new LocalBackend(f.dir.resolve("terraform.tfstate"), Clock.systemUTC(), "test").workspace(Backend.DEFAULT_WORKSPACE);
        StateStore.Lock left = backend.lock("OperationTypeApply", Duration.ZERO);
        assertFalse(backend.forceUnlock("not-the-id"));
        assertTrue(backend.forceUnlock(left.info().id()));
        backend.lock("OperationTypeApply", Duration.ZERO).close();
    }

    @Test
    void crashBetweenIntentAndResultLeavesNoDuplicateAndNoOrphan() throws Exception {
        f.config("resource \"testcloud_thing\" \"a\" { name = \"a\" }\n");
        // the process dies after the cloud created the object but before the result reached the journal
        String token = "token-from-the-crashed-run";
        String id = "id-created-before-the-crash";
        f.cloud.tokens.put(token, id);
        f.cloud.objects.put(id, new dev.peerform.value.ObjectValue(java.util.Map.of("id",
                dev.peerform.value.Value.of(id), "name", dev.peerform.value.Value.of("a"))));
        try (StepJournal j = new FileJournal(f.dir.resolve("terraform.tfstate.journal"))) {
            j.append(StepRecord.intent("testcloud_thing.a", "provider[\"registry.terraform.io/hashicorp/testcloud\"]",
                    "testcloud_thing.a#CREATE#create", true, token));
        }
        EngineFixture.Run r = f.apply(Planner.Options.DEFAULT, new Interrupt(), ApplyListener.NONE);
        assertTrue(r.diags().list().stream().anyMatch(d -> d.summary().equals("Recovered an interrupted run")));
        assertEquals(1, f.cloud.objects.size(), "the create was re-issued with its token: no duplicate");
        InstanceState is = f.state().instance(InstanceAddress.parse("testcloud_thing.a"));
        assertEquals(id, is.attributes().get("id").asText(), "and the state holds the object: no orphan");
        assertFalse(Files.exists(f.dir.resolve("terraform.tfstate.journal")));
    }

    @Test
    void journalRecordsIntentBeforeTheCallAndResultAfter() throws Exception {
        f.config("resource \"testcloud_thing\" \"a\" { name = \"a\" }\n");
        f.cloud.gated = "a";
        f.cloud.gate = new CountDownLatch(1);
        Thread apply = new Thread(() -> {
            try {
                f.apply();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        apply.start();
        Path journal = f.dir.resolve("terraform.tfstate.journal");
        long deadline = System.currentTimeMillis() + 5000;
        while (FileJournal.read(journal).isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(StepRecord.Kind.INTENT, FileJournal.read(journal).get(0).kind(), "recorded while the call is in flight");
        f.cloud.gate.countDown();
        apply.join();
        assertFalse(Files.exists(journal), "folded into the state at the end");
    }

    @Test
    void firstInterruptFinishesRunningStepsStartsNoNewOnesAndPersists() throws Exception {
        f.config("""
                resource "testcloud_thing" "a" { name = "a" }
                resource "testcloud_thing" "b" {
                  name      = "b"
                  parent_id = testcloud_thing.a.id
                }
                """);
        f.cloud.gated = "a";
        f.cloud.gate = new CountDownLatch(1);
        Interrupt interrupt = new Interrupt();
        ApplyListener listener = new ApplyListener() {
            @Override
            public void started(PlannedStep step) {
                if (step.spec().name().equals("create") && step.change().address().toString().endsWith(".a")) {
                    interrupt.interrupt();
                    f.cloud.gate.countDown();
                }
            }
        };
        EngineFixture.Run r = f.apply(Planner.Options.DEFAULT, interrupt, listener);
        assertTrue(r.result().interrupted());
        assertFalse(f.cloud.calls.stream().anyMatch(c -> c.contains("testcloud_thing.b")));
        assertNotNull(f.state().instance(InstanceAddress.parse("testcloud_thing.a")), "the finished create is kept");
        assertTrue(r.diags().list().stream().anyMatch(d -> d.summary().equals("Apply interrupted")));
        f.cloud.gated = null;
        f.apply();
        assertEquals(2, f.cloud.objects.size(), "the next run finishes the work");
    }

    @Test
    void secondInterruptCancelsWaitingSteps() {
        Interrupt i = new Interrupt();
        i.interrupt();
        assertTrue(i.stopStarting());
        assertFalse(i.stopNow());
        i.interrupt();
        assertTrue(i.stopNow());
    }

    @Test
    void planOfAStateCorruptedByHandIsAClearError() throws Exception {
        f.config("");
        Files.writeString(f.dir.resolve("terraform.tfstate"), "{\"version\": 3}");
        Diagnostics diags = new Diagnostics();
        dev.peerform.workspace.Workspace.Loaded l = f.workspace.load(java.util.List.of(), true, diags);
        dev.peerform.states.StateFormatException e = assertThrows(dev.peerform.states.StateFormatException.class,
                () -> f.workspace.readState(l, diags));
        assertTrue(e.getMessage().contains("version 3"), e.getMessage());
    }

    /** A lock file naming this host and a process id, as a crashed (or a running) peerform would leave it. */
    private StateStore lockedBy(long pid) throws Exception {
        Path state = f.dir.resolve("terraform.tfstate");
        String host = java.net.InetAddress.getLocalHost().getHostName();
        Files.writeString(f.dir.resolve(".terraform.tfstate.lock.info"), TerraformJson.MAPPER.writeValueAsString(
                TerraformJson.MAPPER.createObjectNode().put("ID", "held-1").put("Operation", "OperationTypeApply")
                        .put("Info", "").put("Who", "someone@" + host).put("Version", "0")
                        .put("Created", "2026-11-21T00:00:00Z").put("Path", state.toString()).put("Pid", pid)
                        .put("Host", host)));
        return new LocalBackend(state, Clock.systemUTC(), "test").workspace(Backend.DEFAULT_WORKSPACE);
    }

    @Test
    void aLockLeftByAProcessThatIsGoneOrAZombieIsTakenOverAndALiveHolderIsNot() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        try (var lock = lockedBy(gone.pid()).lock("OperationTypePlan", Duration.ZERO)) {
            assertFalse(lock.info().id().equals("held-1"), "the dead holder's lock is taken over");
        }
        // a child that exits while its parent does not reap it stays a zombie: it holds nothing any more
        Process parent = new ProcessBuilder("sh", "-c", "sleep 0 & echo $!; exec sleep 5").start();
        long zombie = Long.parseLong(new java.io.BufferedReader(new java.io.InputStreamReader(
                parent.getInputStream())).readLine().trim());
        Thread.sleep(300);
        try (var lock = lockedBy(zombie).lock("OperationTypePlan", Duration.ZERO)) {
            assertFalse(lock.info().id().equals("held-1"), "a zombie holder's lock is taken over");
        }
        StateLockedException held = assertThrows(StateLockedException.class,
                () -> lockedBy(parent.pid()).lock("OperationTypePlan", Duration.ZERO));
        assertTrue(held.getMessage().contains("held-1"), "a live holder is named: " + held.getMessage());
        parent.destroyForcibly();
    }

    private static final String LINKS = """
            resource "testcloud_thing" "a" { name = "a" }
            resource "testcloud_thing" "b" { name = "b" }
            resource "testcloud_link" "from_a" {
              thing_id      = testcloud_thing.a.id
              peer_thing_id = testcloud_thing.b.id
              initiator     = true
            }
            resource "testcloud_link" "from_b" {
              thing_id      = testcloud_thing.b.id
              peer_thing_id = testcloud_thing.a.id
            }
            """;

    /** Stops the apply once from_a's first step is recorded, keeping a copy of the journal as it was then. */
    private byte[] applyStoppedAfterTheFirstStepOfFromA(Interrupt interrupt) throws Exception {
        byte[][] journal = new byte[1][];
        ApplyListener listener = new ApplyListener() {
            @Override
            public void finished(PlannedStep step, java.time.Duration elapsed, dev.peerform.value.ObjectValue r) {
                if (step.id().equals("testcloud_link.from_a#CREATE#prepare")) {
                    try {
                        journal[0] = Files.readAllBytes(f.dir.resolve("terraform.tfstate.journal"));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    interrupt.interrupt();
                }
            }
        };
        f.parallelism = 1;
        EngineFixture.Run r = f.apply(Planner.Options.DEFAULT, interrupt, listener);
        assertTrue(r.result().interrupted(), r.diags().toString());
        return journal[0];
    }

    private void resumesFromA() throws Exception {
        Diagnostics diags = new Diagnostics();
        var plan = f.plan(Planner.Options.DEFAULT, diags).plan();
        assertFalse(diags.hasErrors(), diags.toString());
        var fromA = plan.changes().stream().filter(c -> c.address().toString().equals("testcloud_link.from_a"))
                .findFirst().orElseThrow();
        assertEquals(dev.peerform.spi.ChangeAction.CREATE, fromA.action(), "its create is not done");
        assertEquals(java.util.List.of("testcloud_link.from_a#CREATE#connect"), plan.steps().steps().stream()
                .filter(s -> s.change().address().equals(fromA.address())).map(PlannedStep::id).toList(),
                "only the remaining step");
        f.cloud.calls.clear();
        f.apply();
        assertEquals(1, f.cloud.calls.stream().filter(c -> c.equals("connect testcloud_link.from_a")).count(),
                f.cloud.calls.toString());
        assertFalse(f.cloud.calls.stream().anyMatch(c -> c.equals("prepare testcloud_link.from_a")),
                "what was done is not done again: " + f.cloud.calls);
        assertTrue(f.cloud.calls.indexOf("prepare testcloud_link.from_b")
                < f.cloud.calls.indexOf("connect testcloud_link.from_a"), "with the same ordering edge: "
                + f.cloud.calls);
        Diagnostics again = new Diagnostics();
        assertTrue(f.plan(Planner.Options.DEFAULT, again).plan().changes().stream()
                .allMatch(c -> c.action() == dev.peerform.spi.ChangeAction.NO_OP), "and then the plan is clean");
    }

    @Test
    void aCreateInterruptedAfterSomeOfItsStepsResumesWithTheRemainingStepsInTheSameOrder() throws Exception {
        f.config(LINKS);
        applyStoppedAfterTheFirstStepOfFromA(new Interrupt());
        assertEquals(java.util.List.of("prepare"), f.state().instance(InstanceAddress.parse(
                "testcloud_link.from_a")).completedSteps());
        resumesFromA();
    }

    @Test
    void aCrashAfterSomeStepsOfACreateIsRecoveredAsThatCreateResumedNotAsTheObjectMade() throws Exception {
        f.config(LINKS);
        byte[] journal = applyStoppedAfterTheFirstStepOfFromA(new Interrupt());
        // as if the process had died at that moment: no final state write, the journal as it was
        Files.delete(f.dir.resolve("terraform.tfstate"));
        Files.write(f.dir.resolve("terraform.tfstate.journal"), journal);
        resumesFromA();
    }
}
