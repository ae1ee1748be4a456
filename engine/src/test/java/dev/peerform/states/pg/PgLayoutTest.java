package dev.peerform.states.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PgLayoutTest {

    /** What Terraform 1.11's pg backend made in a fresh database (engine/src/test/oracle/generate-pg-fixture.sh). */
    static List<String> terraformLayout() {
        return PgTestDatabase.resource("pg/terraform/layout.txt").lines().filter(l -> !l.isBlank()).sorted().toList();
    }

    @Test
    void layoutIsIdenticalToTerraforms() throws Exception {
        PgTestDatabase db = new PgTestDatabase();
        db.open().close();
        assertEquals(terraformLayout(), sorted(db.layout(PgTestDatabase.SCHEMA)));
    }

    @Test
    void openingAgainChangesNothing() throws Exception {
        PgTestDatabase db = new PgTestDatabase();
        try (PgStateStore store = db.open()) {
            store.write("default", "{}".getBytes());
        }
        db.open().close();
        assertEquals(terraformLayout(), sorted(db.layout(PgTestDatabase.SCHEMA)));
        try (PgStateStore store = db.open()) {
            assertEquals("{}", new String(store.read("default").orElseThrow()));
        }
    }

    @Test
    void layoutIsMadeOnceWhenProcessesRaceToMakeIt() throws Exception {
        PgTestDatabase db = new PgTestDatabase();
        int racers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Void>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Callable<Void> racer = () -> {
                    start.await();
                    db.open().close();
                    return null;
                };
                results.add(pool.submit(racer));
            }
            start.countDown();
            for (Future<Void> result : results) result.get(); // rethrows a racer's failure
        } finally {
            pool.shutdownNow();
        }
        assertEquals(terraformLayout(), sorted(db.layout(PgTestDatabase.SCHEMA)));
    }

    @Test
    void skipIndexCreationLeavesOnlyTheIndexOut() throws Exception {
        PgTestDatabase db = new PgTestDatabase();
        PgSettings s = db.settings();
        db.open(new PgSettings(s.connStr(), s.schemaName(), false, false, true)).close();
        List<String> expected = new ArrayList<>(terraformLayout());
        expected.removeIf(l -> l.contains(Layout.STATES_INDEX));
        assertEquals(expected, sorted(db.layout(PgTestDatabase.SCHEMA)));
    }

    @Test
    void skipTableCreationUsesTablesMadeBeforehand() throws Exception {
        PgTestDatabase db = new PgTestDatabase();
        PgSettings s = db.settings();
        PgSettings skipAll = new PgSettings(s.connStr(), s.schemaName(), true, true, true);
        // nothing there: the store makes nothing, so its first statement fails
        try (PgStateStore store = db.open(skipAll)) {
            SQLException missing = assertThrows(SQLException.class, store::workspaces);
            assertEquals("42P01", missing.getSQLState());
        }
        assertFalse(sorted(db.layout(PgTestDatabase.SCHEMA)).stream().anyMatch(l -> l.startsWith("schema ")));
        // an administrator makes the layout; a store that may not make anything then works in it
        db.open().close();
        try (PgStateStore store = db.open(skipAll)) {
            store.write("default", "{}".getBytes());
            assertEquals(List.of("default"), store.workspaces());
        }
    }

    @Test
    void schemaNameIsUsedExactlyAsWrittenWithItsCase() throws Exception {
        PgTestDatabase db = new PgTestDatabase();
        PgSettings s = db.settings();
        try (PgStateStore store = db.open(new PgSettings(s.connStr(), "Team \"A\"", false, false, false))) {
            store.write("default", "{}".getBytes());
        }
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            assertTrue(st.executeQuery("select 1 from \"Team \"\"A\"\"\".states where name = 'default'").next());
            assertFalse(st.executeQuery("select 1 from pg_namespace where nspname = 'team \"a\"'").next());
        }
        List<String> expected = terraformLayout().stream()
                .map(l -> l.replace(PgTestDatabase.SCHEMA, "Team \"A\"")).sorted().toList();
        assertEquals(expected, sorted(db.layout("Team \"A\"")));
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }
}
