package dev.peerform.states.pg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PgStateStoreTest {
    private static final Duration NO_WAIT = Duration.ZERO;

    @Test
    void defaultWorkspaceIsListedBeforeItsFirstWrite() throws Exception {
        PgTestDatabase db = new PgTestDatabase();
        try (PgStateStore store = db.open()) {
            assertEquals(List.of("default"), store.workspaces());
            assertEquals(Optional.empty(), store.read("default"));
        }
    }

    @Test
    void workspacesAreListedDefaultFirstThenByName() throws Exception {
        PgTestDatabase db = new PgTestDatabase();
        try (PgStateStore store = db.open()) {
            for (String name : List.of("zeta", "default", "alpha", "mid")) store.write(name, bytes("{}"));
            assertEquals(List.of("default", "alpha", "mid", "zeta"), store.workspaces());
        }
    }

    @Test
    void workspacesAreIsolated() throws Exception {
        PgTestDatabase db = new PgTestDatabase();
        try (PgStateStore store = db.open()) {
            store.write("default", bytes("{\"serial\":1}"));
            store.write("staging", bytes("{\"serial\":7}"));
            try (PgLock lock = store.lock("staging", PgTestDatabase.info("OperationTypeApply"), NO_WAIT,
                    PgTestDatabase.EMPTY_STATE)) {
                lock.appendStep("run-1", 1, "{\"step\":\"staging\"}");
                lock.write(bytes("{\"serial\":8}"));
            }
            assertEquals("{\"serial\":1}", text(store.read("default")));
            assertEquals("{\"serial\":8}", text(store.read("staging")));
            assertEquals(List.of(), store.steps("default"));
            assertEquals(1, store.steps("staging").size());
        }
    }

    @Test
    void stateBytesAreStoredExactlyAsGiven() throws Exception {
        PgTestDatabase db = new PgTestDatabase();
        byte[] state = PgTestDatabase.resource("pg/terraform/new-workspace-row.json").getBytes(StandardCharsets.UTF_8);
        byte[] unicode = bytes("{\n  \"outputs\": {\"name\": {\"value\": \"p\u00e9er \u2192 \ud83d\ude80\"}}\n}\n");
        try (PgStateStore store = db.open()) {
            store.write("default", state);
            store.write("other", unicode);
            assertArrayEquals(state, store.read("default").orElseThrow());
            assertArrayEquals(unicode, store.read("other").orElseThrow());
            assertThrows(IllegalArgumentException.class, () -> store.write("bad", new byte[] {(byte) 0xff, 0x7b}));
        }
    }

    @Test
    void rewritingAWorkspaceKeepsItsRowIdAndSoItsLockKey() throws Exception {
        PgTestDatabase db = new PgTestDatabase();
        try (PgStateStore store = db.open()) {
            store.write("default", bytes("{}"));
            long id = db.rowId("default");
            store.write("default", bytes("{\"serial\":2}"));
            assertEquals(id, db.rowId("default"));
        }
    }

    @Test
    void defaultWorkspaceCannotBeDeleted() throws Exception {
        PgTestDatabase db = new PgTestDatabase();
        try (PgStateStore store = db.open()) {
            store.write("default", bytes("{}"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.delete("default"));
            assertEquals("can't delete default state", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> store.delete(""));
            assertEquals("{}", text(store.read("default")));
        }
    }

    @Test
    void deletingAWorkspaceRemovesItsStateAndItsStepRecordsOnly() throws Exception {
        PgTestDatabase db = new PgTestDatabase();
        try (PgStateStore store = db.open()) {
            for (String name : List.of("a", "b")) {
                try (PgLock lock = store.lock(name, PgTestDatabase.info("OperationTypeApply"), NO_WAIT,
                        PgTestDatabase.EMPTY_STATE)) {
                    lock.appendStep("run-1", 1, "{}");
                }
            }
            store.delete("a");
            assertEquals(List.of("default", "b"), store.workspaces());
            assertEquals(List.of(), store.steps("a"));
            assertEquals(1, store.steps("b").size());
        }
    }

    @Test
    void stepsAreReadBackInAppendOrderAndClearedWhenFoldedIn() throws Exception {
        PgTestDatabase db = new PgTestDatabase();
        try (PgStateStore store = db.open()) {
            try (PgLock lock = store.lock("default", PgTestDatabase.info("OperationTypeApply"), NO_WAIT,
                    PgTestDatabase.EMPTY_STATE)) {
                lock.write(bytes("{\"serial\":1}"));
                lock.appendStep("run-1", 1, "{\"before\":\"create ri\"}");
                lock.appendStep("run-1", 2, "{\"after\":\"create ri\"}");
                lock.appendStep("run-1", 3, "{\"before\":\"connect\"}");
            }
            // the holder died before folding: recovery reads the steps back, state untouched
            assertEquals(List.of(new PgStepRecord("run-1", 1, "{\"before\":\"create ri\"}"),
                    new PgStepRecord("run-1", 2, "{\"after\":\"create ri\"}"),
                    new PgStepRecord("run-1", 3, "{\"before\":\"connect\"}")), store.steps("default"));
            assertEquals("{\"serial\":1}", text(store.read("default")));
            try (PgLock lock = store.lock("default", PgTestDatabase.info("OperationTypeApply"), NO_WAIT,
                    PgTestDatabase.EMPTY_STATE)) {
                assertEquals(3, lock.steps().size());
                lock.foldIn(bytes("{\"serial\":2}"));
                assertEquals(List.of(), lock.steps());
            }
            assertEquals("{\"serial\":2}", text(store.read("default")));
        }
    }

    @Test
    void aStepIsNeverStoredTwice() throws Exception {
        PgTestDatabase db = new PgTestDatabase();
        try (PgStateStore store = db.open();
             PgLock lock = store.lock("default", PgTestDatabase.info("OperationTypeApply"), NO_WAIT,
                     PgTestDatabase.EMPTY_STATE)) {
            lock.appendStep("run-1", 1, "{}");
            SQLException duplicate = assertThrows(SQLException.class, () -> lock.appendStep("run-1", 1, "{}"));
            assertEquals("23505", duplicate.getSQLState());
            assertEquals(1, lock.steps().size());
        }
    }

    @Test
    void foldingInIsAtomic() throws Exception {
        PgTestDatabase db = new PgTestDatabase();
        try (PgStateStore store = db.open();
             PgLock lock = store.lock("default", PgTestDatabase.info("OperationTypeApply"), NO_WAIT,
                     PgTestDatabase.EMPTY_STATE)) {
            lock.write(bytes("{\"serial\":1}"));
            lock.appendStep("run-1", 1, "{}");
            // a state the column refuses (not UTF-8) fails the fold: the steps must survive it
            assertThrows(IllegalArgumentException.class, () -> lock.foldIn(new byte[] {(byte) 0xc3}));
            assertEquals(1, lock.steps().size());
            assertEquals("{\"serial\":1}", text(lock.read()));
        }
    }

    /**
     * Persisting one step costs the same with 100 and with 10,000 resources in state: it appends a row and never
     * rewrites the state. (A rewrite of the 10,000-resource state per step would cost about 100 times more.)
     */
    @Test
    void stepAppendCostIsFlatInStateSize() throws Exception {
        PgTestDatabase db = new PgTestDatabase();
        try (PgStateStore store = db.open()) {
            double small = medianAppendMicros(store, "small", 100);
            double large = medianAppendMicros(store, "large", 10_000);
            System.out.printf("pg step append, median of 200: %.0f us with 100 resources, %.0f us with 10,000%n",
                    small, large);
            assertTrue(large < small * 3 + 500, "append cost grew with the state: " + small + " us -> " + large + " us");
        }
    }

    private static double medianAppendMicros(PgStateStore store, String workspace, int resources) throws Exception {
        store.write(workspace, stateWith(resources));
        try (PgLock lock = store.lock(workspace, PgTestDatabase.info("OperationTypeApply"), NO_WAIT,
                PgTestDatabase.EMPTY_STATE)) {
            for (int i = 0; i < 50; i++) lock.appendStep("warm-up", i, "{\"n\":" + i + "}");
            long[] micros = new long[200];
            for (int i = 0; i < micros.length; i++) {
                long t = System.nanoTime();
                lock.appendStep("run", i, "{\"before\":{\"address\":\"terraform_data.r[" + i + "]\",\"token\":\"t-" + i + "\"}}");
                micros[i] = (System.nanoTime() - t) / 1_000;
            }
            Arrays.sort(micros);
            return micros[micros.length / 2];
        }
    }

    private static byte[] stateWith(int resources) {
        StringBuilder json = new StringBuilder("{\"version\":4,\"serial\":1,\"resources\":[");
        for (int i = 0; i < resources; i++) {
            if (i > 0) json.append(',');
            json.append("{\"mode\":\"managed\",\"type\":\"terraform_data\",\"name\":\"r").append(i)
                    .append("\",\"instances\":[{\"attributes\":{\"id\":\"00000000-0000-0000-0000-")
                    .append(String.format("%012d", i)).append("\",\"input\":{\"value\":\"peer-").append(i)
                    .append("\",\"type\":\"string\"}}}]}");
        }
        return bytes(json.append("]}").toString());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Optional<byte[]> state) {
        return new String(state.orElseThrow(), StandardCharsets.UTF_8);
    }
}
