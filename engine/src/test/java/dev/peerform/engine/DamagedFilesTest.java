package dev.peerform.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.diag.Diagnostics;
import dev.peerform.states.Backend;
import dev.peerform.states.FileJournal;
import dev.peerform.states.JournalDamagedException;
import dev.peerform.states.LocalBackend;
import dev.peerform.states.StateFormatException;
import dev.peerform.states.StateLockedException;
import dev.peerform.states.StateStore;
import dev.peerform.states.StepJournal;
import dev.peerform.states.StepRecord;
import dev.peerform.workspace.Locking;
import dev.peerform.workspace.Run;
import dev.peerform.workspace.StateOperations;
import dev.peerform.workspace.Workspace;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Damaged files beside the state (journal, lock, the state path itself): clear errors, nothing lost or deleted. */
class DamagedFilesTest {

    private static final String PROVIDER = "provider[\"registry.terraform.io/hashicorp/testcloud\"]";

    private final EngineFixture f = new EngineFixture();
    private final Path journal = f.dir.resolve("terraform.tfstate.journal");

    DamagedFilesTest() throws Exception {
        f.config("""
                resource "testcloud_thing" "a" { name = "a" }
                resource "testcloud_thing" "b" { name = "b" }
                resource "testcloud_thing" "c" { name = "c" }
                """);
    }

    /** A journal as a crashed run leaves it: three objects made, their results recorded. */
    private void journalOfThreeCreates() throws Exception {
        try (StepJournal j = new FileJournal(journal)) {
            for (String n : List.of("a", "b", "c")) {
                String id = "id-" + n;
                f.cloud.tokens.put("tok-" + n, id);
                f.cloud.objects.put(id, new dev.peerform.value.ObjectValue(java.util.Map.of("id",
                        dev.peerform.value.Value.of(id), "name", dev.peerform.value.Value.of(n))));
                j.append(StepRecord.intent("testcloud_thing." + n, PROVIDER, "testcloud_thing." + n
                        + "#CREATE#create", true, "tok-" + n));
                com.fasterxml.jackson.databind.node.ObjectNode attrs = dev.peerform.json.TerraformJson.MAPPER
                        .createObjectNode().put("id", id).put("name", n);
                j.append(StepRecord.result("testcloud_thing." + n, PROVIDER, "testcloud_thing." + n
                        + "#CREATE#create", attrs, null, List.of(), false));
            }
        }
    }

    private Diagnostics lockAndRead() {
        Diagnostics diags = new Diagnostics();
        Run run = Run.load(f.workspace, List.of(), true, diags);
        Diagnostics refused = run.lockAndRead("OperationTypeApply", Locking.NOW, diags);
        run.close();
        diags.addAll(refused);
        return diags;
    }

    private List<String> lines() throws Exception {
        return new ArrayList<>(Files.readAllLines(journal, StandardCharsets.ISO_8859_1));
    }

    private void writeLines(List<String> lines, boolean finalNewline) throws Exception {
        Files.write(journal, (String.join("\n", lines) + (finalNewline ? "\n" : "")).getBytes(
                StandardCharsets.ISO_8859_1));
    }

    @Test
    void aDamagedJournalLineBeforeTheLastStopsRecoveryNamingFileAndLineAndKeepsTheJournal() throws Exception {
        journalOfThreeCreates();
        List<String> lines = lines();
        lines.set(1, lines.get(1).replace("\"a\"", "\"x\"")); // one flipped byte: still JSON, checksum wrong
        writeLines(lines, true);
        byte[] before = Files.readAllBytes(journal);
        Diagnostics diags = lockAndRead();
        assertTrue(diags.hasErrors());
        String detail = diags.errors().get(0).detail();
        assertTrue(detail.contains(journal.toString()) && detail.contains("line 2"), detail);
        assertTrue(Files.exists(journal), "the journal is kept");
        assertEquals(new String(before, StandardCharsets.ISO_8859_1), new String(Files.readAllBytes(journal),
                StandardCharsets.ISO_8859_1));
        assertFalse(Files.exists(f.dir.resolve("terraform.tfstate")), "and no state was written from half of it");
    }

    @Test
    void aTornLastJournalLineIsDroppedWithANoteAndEveryEntryBeforeItIsReplayed() throws Exception {
        journalOfThreeCreates();
        List<String> lines = lines();
        String last = lines.remove(lines.size() - 1);
        lines.add(last.substring(0, last.length() / 2)); // the crash cut the last append short
        writeLines(lines, false);
        Diagnostics diags = lockAndRead();
        assertFalse(diags.hasErrors(), diags.toString());
        assertTrue(diags.list().stream().anyMatch(d -> d.summary().equals("Dropped a torn journal line")
                && d.detail().contains("line 6")), diags.toString());
        assertNotNull(f.state().instance(InstanceAddress.parse("testcloud_thing.b")), "entries before it replayed");
        assertEquals("tok-c", f.state().instance(InstanceAddress.parse("testcloud_thing.c")).pendingClientToken(),
                "c's intent stands: its create is re-issued with its token");
        f.apply();
        assertEquals(3, f.cloud.objects.size(), "no duplicate");
    }

    @Test
    void aJournalOfGarbageIsAnErrorNamingTheFileAndIsNotDeleted() throws Exception {
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        garbage[0] = 'Z';
        Files.write(journal, garbage);
        Diagnostics diags = lockAndRead();
        assertTrue(diags.hasErrors());
        String detail = diags.errors().get(0).detail();
        assertTrue(detail.contains(journal.toString()), detail);
        assertTrue(Files.exists(journal), "never deleted silently");
    }

    @Test
    void aJournalWrittenBeforeLinesHadChecksumsIsStillRead() throws Exception {
        journalOfThreeCreates();
        List<String> legacy = lines().stream().map(l -> l.substring(9)).toList();
        writeLines(legacy, true);
        assertEquals(6, FileJournal.read(journal).size());
        assertFalse(lockAndRead().hasErrors());
        assertNotNull(f.state().instance(InstanceAddress.parse("testcloud_thing.c")));
    }

    @Test
    void aJournalLineOfInvalidUtf8NamesTheFileAndTheLine() throws Exception {
        journalOfThreeCreates();
        byte[] bytes = Files.readAllBytes(journal);
        int secondLine = new String(bytes, StandardCharsets.ISO_8859_1).indexOf('\n') + 20;
        bytes[secondLine] = (byte) 0xC3;
        bytes[secondLine + 1] = (byte) 0x28;
        Files.write(journal, bytes);
        JournalDamagedException e = assertThrows(JournalDamagedException.class, () -> FileJournal.read(journal));
        assertTrue(e.getMessage().contains(journal.toString()) && e.getMessage().contains("line 2")
                && e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void aJournalLineWithABadAddressNamesTheFileAndTheLine() throws Exception {
        try (StepJournal j = new FileJournal(journal)) {
            j.append(StepRecord.intent("not an address!", PROVIDER, "x#CREATE#create", true, "t"));
        }
        Diagnostics diags = lockAndRead();
        String detail = diags.errors().get(0).detail();
        assertTrue(detail.contains(journal.toString()) && detail.contains("line 1")
                && detail.contains("not an address!"), detail);
    }

    @Test
    void aStatePathThatIsADirectoryIsADiagnosticNamingIt() throws Exception {
        Files.createDirectories(f.dir.resolve("terraform.tfstate"));
        Diagnostics diags = lockAndRead();
        assertTrue(diags.hasErrors());
        String detail = diags.errors().get(0).detail();
        assertTrue(detail.contains("terraform.tfstate") && detail.contains("is a directory"), detail);
    }

    private StateStore store() {
        return new LocalBackend(f.dir.resolve("terraform.tfstate"), Clock.systemUTC(), "test")
                .workspace(Backend.DEFAULT_WORKSPACE);
    }

    @Test
    void anEmptyLockFileIsReportedAsUnreadableWithTheForceUnlockCommandAfterWaitingWithoutSpinning()
            throws Exception {
        Path lock = f.dir.resolve(".terraform.tfstate.lock.info");
        Files.write(lock, new byte[0]);
        var threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        StateLockedException e = assertThrows(StateLockedException.class,
                () -> store().lock("OperationTypePlan", Duration.ofSeconds(1)));
        long wall = System.nanoTime() - start;
        long used = threads.getCurrentThreadCpuTime() - cpu;
        assertTrue(wall >= 900_000_000L, "it waited for the timeout");
        assertTrue(used < wall / 4, "while waiting it sleeps: " + used / 1_000_000 + " ms of CPU in "
                + wall / 1_000_000 + " ms");
        assertTrue(e.holder().unreadable());
        assertTrue(e.getMessage().contains("cannot be read") && e.getMessage().contains("empty")
                && e.getMessage().contains("peerform force-unlock " + e.holder().id()), e.getMessage());
        Diagnostics diags = new Diagnostics();
        StateOperations ops = f.workspace.stateOperations();
        assertTrue(ops.forceUnlock(e.holder().id(), diags), diags.toString());
        assertFalse(Files.exists(lock));
        store().lock("OperationTypePlan", Duration.ZERO).close();
    }

    @Test
    void aLockFileOfGarbageIsNotTakenOverAndForceUnlockOfAnotherIdIsRefused() throws Exception {
        Path lock = f.dir.resolve(".terraform.tfstate.lock.info");
        Files.writeString(lock, "not json at all");
        StateLockedException e = assertThrows(StateLockedException.class,
                () -> store().lock("OperationTypePlan", Duration.ZERO));
        assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
        assertFalse(store().forceUnlock("some-other-id"));
        assertTrue(Files.exists(lock));
    }

    @Test
    void theLockFileIsCreatedWithItsContentAndNoTemporaryFileIsLeft() throws Exception {
        try (StateStore.Lock held = store().lock("OperationTypeApply", Duration.ZERO)) {
            assertEquals(held.info().id(), store().lockHolder().id());
            try (var files = Files.list(f.dir)) {
                assertEquals(List.of(".terraform.tfstate.lock.info", "main.tf"), files.map(p -> p.getFileName()
                        .toString()).sorted().toList());
            }
        }
    }
}
