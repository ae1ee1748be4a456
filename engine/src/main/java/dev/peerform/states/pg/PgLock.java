package dev.peerform.states.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/**
 * A workspace's advisory lock, held the way Terraform's pg backend holds it: a session-level
 * pg_try_advisory_lock whose key is the workspace's row id in states. The lock lives on a connection of its own,
 * so it lasts exactly as long as that session: closing the lock closes the connection, and a holder that dies
 * (kill -9, lost machine) loses its session and with it the lock, with nothing left for anyone to clean.
 *
 * <p>Work done through the lock runs on the lock's own connection, so it can only happen while the lock is held:
 * if the session was lost, the statement fails instead of writing unprotected.
 */
public final class PgLock implements AutoCloseable {
    /** Terraform's key for "a workspace is being created": taken with every lock, briefly. */
    static final long CREATION_KEY = -1;

    private final Connection connection;
    private final StatesTable table;
    private final String workspace;
    private final long key;
    private final PgLockInfo info;
    private boolean closed;

    PgLock(Connection connection, StatesTable table, String workspace, long key, PgLockInfo info) {
        this.connection = connection;
        this.table = table;
        this.workspace = workspace;
        this.key = key;
        this.info = info;
    }

    public String workspace() {
        return workspace;
    }

    /** The advisory lock key: the workspace's states.id (or -1 while the workspace is being created). */
    public long key() {
        return key;
    }

    /** The holder's info, its path set to the key as Terraform sets it. */
    public PgLockInfo info() {
        return info;
    }

    /** Whether this session still holds the lock (false once the database ended the session). */
    public synchronized boolean stillHeld() {
        if (closed) return false;
        try (PreparedStatement s = connection.prepareStatement("SELECT count(*) FROM pg_locks WHERE pid = "
                + "pg_backend_pid() AND locktype = 'advisory' AND granted AND " + AdvisoryKeys.match(""))) {
            AdvisoryKeys.bind(s, 1, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getLong(1) > 0;
            }
        } catch (SQLException e) {
            return false;
        }
    }

    public synchronized Optional<byte[]> read() throws SQLException {
        return table.read(open(), workspace);
    }

    public synchronized void write(byte[] state) throws SQLException {
        table.write(open(), workspace, state);
    }

    /** One journal line, committed on its own: the cost does not grow with the state. */
    public synchronized void appendStep(String runId, long seq, String line) throws SQLException {
        table.appendStep(open(), workspace, runId, seq, line);
    }

    public synchronized List<PgStepRecord> steps() throws SQLException {
        return table.steps(open(), workspace);
    }

    /** The new state written and every step record of the workspace cleared, atomically. */
    public synchronized void foldIn(byte[] state) throws SQLException {
        table.foldIn(open(), workspace, state);
    }

    /** Releases the lock. Never fails: closing the session releases it in any case. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            try (PreparedStatement s = connection.prepareStatement(
                    "DELETE FROM " + table.locks() + " WHERE name = ? AND backend_pid = pg_backend_pid()")) {
                s.setString(1, workspace);
                s.executeUpdate();
            } catch (SQLException e) {
                // no holder row to remove (table not made, or the session is gone): nothing to report
            }
            try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                s.setLong(1, key);
                s.execute();
            } catch (SQLException e) {
                // the session is gone, and the lock with it
            }
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                // closed already
            }
        }
    }

    private Connection open() throws SQLException {
        if (closed) throw new SQLException("the lock on workspace " + workspace + " was released", "55000");
        return connection;
    }

    /** Writes who holds the lock beside states; best effort, since the advisory lock is what protects. */
    static void recordHolder(Connection c, StatesTable table, String workspace, PgLockInfo info) {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table.locks()
                + " (name, lock_id, operation, who, version, created, info, backend_pid)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, pg_backend_pid()) ON CONFLICT (name) DO UPDATE SET"
                + " lock_id = EXCLUDED.lock_id, operation = EXCLUDED.operation, who = EXCLUDED.who,"
                + " version = EXCLUDED.version, created = EXCLUDED.created, info = EXCLUDED.info,"
                + " backend_pid = EXCLUDED.backend_pid")) {
            s.setString(1, workspace);
            s.setString(2, info.id());
            s.setString(3, info.operation());
            s.setString(4, info.who());
            s.setString(5, info.version());
            s.setTimestamp(6, Timestamp.from(info.created()));
            s.setString(7, info.info());
            s.executeUpdate();
        } catch (SQLException e) {
            // peerform_locks missing (skip_table_creation without it): refusals will name the session only
        }
    }
}
