package dev.peerform.states.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PgLockTest {
    private static final Duration NO_WAIT = Duration.ZERO;

    /**
     * locks.txt: what pg_locks showed while Terraform held its lock on a workspace, in terms of that workspace's
     * row id: "key is|objsubid|mode|granted".
     */
    static List<String> terraformLocks() {
        return PgTestDatabase.resource("pg/terraform/locks.txt").lines()
                .filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.substring(l.indexOf('|') + 1))
                .toList();
    }

    @Test
    void heldLockIsTheAdvisoryLockOnTheRowIdExactlyAsTerraformHoldsIt() throws Exception {
        PgTestDatabase db = new PgTestDatabase();
        try (PgStateStore store = db.open();
             PgLock lock = store.lock("staging", PgTestDatabase.info("OperationTypeApply"), NO_WAIT,
                     PgTestDatabase.EMPTY_STATE)) {
            long id = db.rowId("staging");
            assertEquals(id, lock.key());
            assertEquals(Long.toString(id), lock.info().path());
            List<String> seen = db.advisoryLocks().stream()
                    .map(l -> {
                        String key = l.substring(0, l.indexOf('|'));
                        return (key.equals(Long.toString(id)) ? "states.id of staging" : "other key " + key)
                                + l.substring(l.indexOf('|'));
                    })
                    .toList();
            assertEquals(terraformLocks(), seen);
        }
        assertEquals(List.of(), db.advisoryLocks());
    }

    @Test
    void lockIsRefusedWhileHeldByAnotherConnectionNamingTheHolder() throws Exception {
        PgTestDatabase db = new PgTestDatabase();
        try (PgStateStore store = db.open();
             PgLock held = store.lock("default", PgTestDatabase.info("OperationTypeApply"), NO_WAIT,
                     PgTestDatabase.EMPTY_STATE)) {
            PgLockRefused refused = assertThrows(PgLockRefused.class, () -> store.lock("default",
                    PgTestDatabase.info("OperationTypePlan"), NO_WAIT, PgTestDatabase.EMPTY_STATE));
            assertEquals("Workspace is already locked: default", refused.reason());
            assertEquals(held.info(), refused.holder().orElseThrow());
            assertEquals(backendPid(db, held), refused.holderPid().orElseThrow());
            assertTrue(refused.getMessage().contains("ID:        " + held.info().id()), refused.getMessage());
            assertTrue(refused.getMessage().contains("application peerform"), refused.getMessage());
            assertTrue(held.stillHeld());
        }
    }

    @Test
    void lockHeldByATerraformSessionIsRefusedNamingTheSessionOnly() throws Exception {
        PgTestDatabase db = new PgTestDatabase();
        try (PgStateStore store = db.open(); Connection terraform = db.connect()) {
            store.write("default", PgTestDatabase.EMPTY_STATE);
            long id = db.rowId("default");
            int pid = tryLockAsTerraform(terraform, "default");
            PgLockRefused refused = assertThrows(PgLockRefused.class, () -> store.lock("default",
                    PgTestDatabase.info("OperationTypeApply"), NO_WAIT, PgTestDatabase.EMPTY_STATE));
            assertEquals("Workspace is already locked: default", refused.reason());
            assertTrue(refused.holder().isEmpty());
            assertEquals(pid, refused.holderPid().orElseThrow());
            assertTrue(refused.getMessage().contains("the holder is not peerform"), refused.getMessage());
            assertTrue(id > 0);
        }
    }

    @Test
    void lockIsRefusedWhileAnotherSessionCreatesAWorkspace() throws Exception {
        PgTestDatabase db = new PgTestDatabase();
        try (PgStateStore store = db.open(); Connection creator = db.connect()) {
            store.write("default", PgTestDatabase.EMPTY_STATE);
            try (Statement s = creator.createStatement()) {
                s.execute("select pg_advisory_lock(-1)");
            }
            PgLockRefused refused = assertThrows(PgLockRefused.class, () -> store.lock("default",
                    PgTestDatabase.info("OperationTypeApply"), NO_WAIT, PgTestDatabase.EMPTY_STATE));
            assertEquals("Cannot lock workspace; already locked for workspace creation: default", refused.reason());
            PgLockRefused creating = assertThrows(PgLockRefused.class, () -> store.lock("new",
                    PgTestDatabase.info("OperationTypeApply"), NO_WAIT, PgTestDatabase.EMPTY_STATE));
            assertEquals("Already locked for workspace creation: new", creating.reason());
            // the refused attempt left no lock of its own behind
            assertEquals(List.of("-1|1|ExclusiveLock|t"), db.advisoryLocks());
        }
    }

    @Test
    void lockIsReleasedWhenTheHoldersConnectionDies() throws Exception {
        PgTestDatabase db = new PgTestDatabase();
        try (PgStateStore store = db.open()) {
            PgLock killed = store.lock("default", PgTestDatabase.info("OperationTypeApply"), NO_WAIT,
                    PgTestDatabase.EMPTY_STATE);
            int pid = backendPid(db, killed);
            try (Connection admin = db.connect(); PreparedStatement s =
                    admin.prepareStatement("select pg_terminate_backend(?, 10000)")) {
                s.setInt(1, pid);
                s.execute();
            }
            assertFalse(killed.stillHeld());
            assertThrows(SQLException.class, () -> killed.appendStep("run-1", 1, "{}"));
            try (PgLock next = store.lock("default", PgTestDatabase.info("OperationTypeApply"),
                    Duration.ofSeconds(5), PgTestDatabase.EMPTY_STATE)) {
                assertTrue(next.stillHeld());
            }
            killed.close();
        }
    }

    @Test
    void staleHolderInfoOfAKilledHolderIsNeverReported() throws Exception {
        PgTestDatabase db = new PgTestDatabase();
        try (PgStateStore store = db.open(); Connection terraform = db.connect()) {
            PgLock killed = store.lock("default", PgTestDatabase.info("OperationTypeApply"), NO_WAIT,
                    PgTestDatabase.EMPTY_STATE);
            try (Connection admin = db.connect(); PreparedStatement s =
                    admin.prepareStatement("select pg_terminate_backend(?, 10000)")) {
                s.setInt(1, backendPid(db, killed));
                s.execute();
            }
            // its peerform_locks row is still there, but the lock now belongs to someone else
            tryLockAsTerraform(terraform, "default");
            PgLockRefused refused = assertThrows(PgLockRefused.class, () -> store.lock("default",
                    PgTestDatabase.info("OperationTypePlan"), NO_WAIT, PgTestDatabase.EMPTY_STATE));
            assertTrue(refused.holder().isEmpty(), refused.getMessage());
            killed.close();
        }
    }

    @Test
    void lockTimeoutWaitsUntilTheHolderReleases() throws Exception {
        PgTestDatabase db = new PgTestDatabase();
        try (PgStateStore store = db.open()) {
            PgLock held = store.lock("default", PgTestDatabase.info("OperationTypeApply"), NO_WAIT,
                    PgTestDatabase.EMPTY_STATE);
            CompletableFuture<Void> release = CompletableFuture.runAsync(held::close,
                    CompletableFuture.delayedExecutor(600, TimeUnit.MILLISECONDS));
            long started = System.nanoTime();
            try (PgLock next = store.lock("default", PgTestDatabase.info("OperationTypeApply"),
                    Duration.ofSeconds(20), PgTestDatabase.EMPTY_STATE)) {
                long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
                assertTrue(waited >= 500, "waited " + waited + " ms");
                assertTrue(waited < 10_000, "waited " + waited + " ms");
                assertTrue(next.stillHeld());
            }
            release.get();
        }
    }

    @Test
    void lockTimeoutGivesUpAtItsDeadline() throws Exception {
        PgTestDatabase db = new PgTestDatabase();
        try (PgStateStore store = db.open();
             PgLock held = store.lock("default", PgTestDatabase.info("OperationTypeApply"), NO_WAIT,
                     PgTestDatabase.EMPTY_STATE)) {
            long started = System.nanoTime();
            assertThrows(PgLockRefused.class, () -> store.lock("default", PgTestDatabase.info("OperationTypePlan"),
                    Duration.ofMillis(700), PgTestDatabase.EMPTY_STATE));
            long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertTrue(waited >= 650 && waited < 5_000, "waited " + waited + " ms");
            assertTrue(held.stillHeld());
        }
    }

    @Test
    void lockingANewWorkspaceCreatesItsRowThenLocksTheRow() throws Exception {
        PgTestDatabase db = new PgTestDatabase();
        try (PgStateStore store = db.open();
             PgLock lock = store.lock("staging", PgTestDatabase.info("init"), NO_WAIT, PgTestDatabase.EMPTY_STATE)) {
            assertEquals(List.of("default", "staging"), store.workspaces());
            assertEquals(new String(PgTestDatabase.EMPTY_STATE), new String(store.read("staging").orElseThrow()));
            assertEquals(db.rowId("staging"), lock.key());
            // the database-wide creation lock is not kept
            assertEquals(List.of(lock.key() + "|1|ExclusiveLock|t"), db.advisoryLocks());
        }
    }

    /**
     * As in Terraform, every attempt also takes the creation lock for a moment, so racers without a timeout may
     * all be refused; with one, each gets the workspace in turn, never two at once, and the workspace is made once.
     */
    @Test
    void sessionsRacingToLockANewWorkspaceHoldItOneAtATimeAndMakeOneRow() throws Exception {
        PgTestDatabase db = new PgTestDatabase();
        int racers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        AtomicInteger holding = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        try (PgStateStore store = db.open()) {
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    try (PgLock lock = store.lock("new", PgTestDatabase.info("OperationTypeApply"),
                            Duration.ofSeconds(60), PgTestDatabase.EMPTY_STATE)) {
                        mostAtOnce.accumulateAndGet(holding.incrementAndGet(), Math::max);
                        Thread.sleep(50);
                        holding.decrementAndGet();
                        assertTrue(lock.stillHeld());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> result : results) result.get(); // every racer got the lock in the end
            assertEquals(1, mostAtOnce.get());
            assertEquals(List.of("default", "new"), store.workspaces());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs on different workspaces never refuse each other, even when they lock at the same instant. */
    @Test
    void differentWorkspacesLockedAtTheSameInstantWithoutATimeoutAreAllGranted() throws Exception {
        PgTestDatabase db = new PgTestDatabase();
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<PgLock> held = new CopyOnWriteArrayList<>();
        try (PgStateStore store = db.open()) {
            for (int i = 0; i < racers; i++) store.write("w" + i, PgTestDatabase.EMPTY_STATE);
            for (int round = 0; round < 3; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> results = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    String workspace = "w" + i;
                    results.add(pool.submit(() -> {
                        start.await();
                        held.add(store.lock(workspace, PgTestDatabase.info("OperationTypeApply"), NO_WAIT,
                                PgTestDatabase.EMPTY_STATE));
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> result : results) result.get(); // a refusal fails the test here
                assertEquals(racers, held.size());
                held.forEach(PgLock::close);
                held.clear();
            }
        } finally {
            held.forEach(PgLock::close);
            pool.shutdownNow();
        }
    }

    @Test
    void differentWorkspacesAreLockedIndependently() throws Exception {
        PgTestDatabase db = new PgTestDatabase();
        try (PgStateStore store = db.open();
             PgLock a = store.lock("a", PgTestDatabase.info("OperationTypeApply"), NO_WAIT, PgTestDatabase.EMPTY_STATE);
             PgLock b = store.lock("b", PgTestDatabase.info("OperationTypeApply"), NO_WAIT, PgTestDatabase.EMPTY_STATE)) {
            assertTrue(a.stillHeld() && b.stillHeld());
            assertTrue(a.key() != b.key());
        }
    }

    /** Terraform's lock statement, on a session of its own; returns that session's backend pid. */
    private static int tryLockAsTerraform(Connection c, String workspace) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT states.id, pg_try_advisory_lock(states.id), "
                + "pg_try_advisory_lock(-1), pg_backend_pid() FROM terraform_remote_state.states WHERE states.name = ?")) {
            s.setString(1, workspace);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                assertTrue(r.getBoolean(2) && r.getBoolean(3), "terraform's lock was refused");
                int pid = r.getInt(4);
                try (Statement u = c.createStatement()) {
                    u.execute("SELECT pg_advisory_unlock(-1)");
                }
                return pid;
            }
        }
    }

    /** The backend process holding the lock, as another session sees it in pg_locks. */
    private static int backendPid(PgTestDatabase db, PgLock lock) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(
                "select pid from pg_locks where locktype = 'advisory' and granted and "
                        + AdvisoryKeys.match(""))) {
            AdvisoryKeys.bind(s, 1, lock.key());
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), "nobody holds key " + lock.key());
                return r.getInt(1);
            }
        }
    }
}
