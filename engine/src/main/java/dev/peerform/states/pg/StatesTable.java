package dev.peerform.states.pg;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The statements on one schema's tables, on whatever connection the caller holds: the store's own for
 * unlocked work, a lock's for work under that lock. The states statements are Terraform's.
 */
final class StatesTable {
    private final String states;
    private final String steps;
    private final String locks;

    StatesTable(String schemaName) {
        String schema = Identifiers.quote(schemaName);
        this.states = schema + "." + Layout.STATES;
        this.steps = schema + "." + Layout.STEPS;
        this.locks = schema + "." + Layout.LOCKS;
    }

    String locks() {
        return locks;
    }

    String states() {
        return states;
    }

    Optional<byte[]> read(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT data FROM " + states + " WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) return Optional.empty();
                String data = r.getString(1);
                return Optional.of(data == null ? new byte[0] : data.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    void write(Connection c, String name, byte[] state) throws SQLException {
        // Terraform's upsert: a new workspace gets its id from the global sequence, an existing one keeps it
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + states + " (name, data) VALUES (?, ?) "
                + "ON CONFLICT (name) DO UPDATE SET data = EXCLUDED.data WHERE " + Layout.STATES + ".name = ?")) {
            s.setString(1, name);
            s.setString(2, text(state));
            s.setString(3, name);
            s.executeUpdate();
        }
    }

    /**
     * A new workspace's row. Never an upsert: another session may have created the workspace since the caller
     * looked, and may have written to it already; its state stands.
     */
    void insertIfAbsent(Connection c, String name, byte[] state) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO " + states + " (name, data) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
            s.setString(1, name);
            s.setString(2, text(state));
            s.executeUpdate();
        }
    }

    /** The default workspace first, always (it exists before its first write), then the others by name. */
    List<String> workspaces(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        names.add(PgStateStore.DEFAULT_WORKSPACE);
        try (PreparedStatement s = c.prepareStatement(
                "SELECT name FROM " + states + " WHERE name != 'default' ORDER BY name");
             ResultSet r = s.executeQuery()) {
            while (r.next()) names.add(r.getString(1));
        }
        return names;
    }

    /** Terraform deletes the row; peerform's rows of that workspace go in the same transaction. */
    void delete(Connection c, String name) throws SQLException {
        inTransaction(c, () -> {
            for (String table : List.of(states, steps, locks)) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE name = ?")) {
                    s.setString(1, name);
                    s.executeUpdate();
                }
            }
        });
    }

    void appendStep(Connection c, String name, String runId, long seq, String line) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO " + steps + " (name, run_id, seq, line) VALUES (?, ?, ?, ?)")) {
            s.setString(1, name);
            s.setString(2, runId);
            s.setLong(3, seq);
            s.setString(4, line);
            s.executeUpdate();
        }
    }

    /** In the order they were appended. */
    List<PgStepRecord> steps(Connection c, String name) throws SQLException {
        List<PgStepRecord> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT run_id, seq, line FROM " + steps + " WHERE name = ? ORDER BY id")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) out.add(new PgStepRecord(r.getString(1), r.getLong(2), r.getString(3)));
            }
        }
        return out;
    }

    /**
     * The state with the steps folded in, and the steps gone, in one transaction: a crash leaves either the old
     * state and all its steps (recovery folds them again) or the new state and none (nothing to do twice).
     */
    void foldIn(Connection c, String name, byte[] state) throws SQLException {
        inTransaction(c, () -> {
            write(c, name, state);
            clearSteps(c, name);
        });
    }

    void clearSteps(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + steps + " WHERE name = ?")) {
            s.setString(1, name);
            s.executeUpdate();
        }
    }

    interface SqlWork {
        void run() throws SQLException;
    }

    static void inTransaction(Connection c, SqlWork work) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            work.run();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** The column is text, as Terraform made it: the bytes must be UTF-8 (state JSON always is). */
    private static String text(byte[] state) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(state)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("a state stored in pg must be UTF-8 text", e);
        }
    }
}
