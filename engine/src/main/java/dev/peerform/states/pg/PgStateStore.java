package dev.peerform.states.pg;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Workspaces' states in PostgreSQL, laid out and locked exactly as Terraform's pg backend does, so that Terraform
 * and peerform can share one database. The state bytes are stored as given (the codec is elsewhere).
 *
 * <p>Connections: one for unlocked work (listing, reading, writing with -lock=false), and one per lock held.
 * No pool: a session-level advisory lock belongs to the session that took it, so a pooled connection would carry
 * a lock back into the pool, or unlock on a session that never held it; and a run needs two connections at most.
 */
public final class PgStateStore implements AutoCloseable {
    /** Terraform's name for the workspace that exists before anything is written. */
    public static final String DEFAULT_WORKSPACE = "default";

    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(2);
    /**
     * How long a refusal for the creation lock is retried even without -lock-timeout. Every lock attempt,
     * Terraform's or ours, holds key -1 for the length of one statement, so two runs locking different workspaces
     * at the same instant may refuse each other; that is contention, not a holder, and must not fail a run.
     */
    private static final Duration CREATION_LOCK_GRACE = Duration.ofSeconds(2);

    private final PgConnStr connStr;
    private final StatesTable table;
    private final Connection connection;

    private PgStateStore(PgConnStr connStr, StatesTable table, Connection connection) {
        this.connStr = connStr;
        this.table = table;
        this.connection = connection;
    }

    /**
     * Connects and makes the schema, tables and index that are missing, as Terraform's backend does on configure.
     *
     * @param env the environment, for the PG* variables a conn_str may leave to it
     * @throws IllegalArgumentException for a conn_str or schema name that cannot be used (the message never
     *                                  repeats the conn_str)
     */
    public static PgStateStore open(PgSettings settings, Map<String, String> env) throws SQLException {
        PgConnStr connStr = PgConnStr.parse(settings.connStr(), env, System.getProperty("user.name", ""));
        StatesTable table = new StatesTable(settings.schemaName());
        Connection connection = connect(connStr);
        try {
            Layout.prepare(connection, settings);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return new PgStateStore(connStr, table, connection);
    }

    private static Connection connect(PgConnStr connStr) throws SQLException {
        Connection c = DriverManager.getConnection(connStr.jdbcUrl(), connStr.properties());
        c.setAutoCommit(true);
        return c;
    }

    public synchronized List<String> workspaces() throws SQLException {
        return table.workspaces(connection);
    }

    /** The stored state; empty when the workspace has no row (the default workspace before its first write). */
    public synchronized Optional<byte[]> read(String workspace) throws SQLException {
        return table.read(connection, workspace);
    }

    /** Writes without a lock (-lock=false); under a lock, write through the {@link PgLock}. */
    public synchronized void write(String workspace, byte[] state) throws SQLException {
        table.write(connection, workspace, state);
    }

    /** Step records left by runs that did not fold them in (what recovery reads), oldest first. */
    public synchronized List<PgStepRecord> steps(String workspace) throws SQLException {
        return table.steps(connection, workspace);
    }

    /** One step record without a lock (-lock=false): committed on its own, the state untouched. */
    public synchronized void appendStep(String workspace, String runId, long seq, String line) throws SQLException {
        table.appendStep(connection, workspace, runId, seq, line);
    }

    /** Without a lock (-lock=false): the state written and the workspace's step records cleared, atomically. */
    public synchronized void foldIn(String workspace, byte[] state) throws SQLException {
        table.foldIn(connection, workspace, state);
    }

    /**
     * The live holder of a workspace's lock: its peerform lock info, believed only while the session that wrote
     * it still holds the advisory key; empty when nobody holds it or the holder is not peerform.
     */
    public synchronized Optional<PgLockInfo> holder(String workspace) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT k.lock_id, k.operation, k.who, k.version,"
                + " k.created, k.info, t.id FROM " + table.locks() + " k JOIN " + table.states() + " t ON t.name ="
                + " k.name JOIN pg_locks l ON l.pid = k.backend_pid AND l.locktype = 'advisory' AND l.granted"
                + " AND l.objsubid = 1 AND l.classid::bigint = (t.id >> 32) AND l.objid::bigint = (t.id & 4294967295)"
                + " WHERE k.name = ?")) {
            s.setString(1, workspace);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) return Optional.empty();
                return Optional.of(new PgLockInfo(r.getString(1), Long.toString(r.getLong(7)), r.getString(2),
                        r.getString(3), r.getString(4), r.getTimestamp(5).toInstant(), r.getString(6)));
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) return Optional.empty(); // no peerform_locks: no peerform holder
            throw e;
        }
    }

    /**
     * Ends the PostgreSQL session of the peerform run whose lock has this ID, which releases its advisory lock
     * (a session's advisory locks can be released only by that session, or by its end). False when no live
     * holder of this workspace has that ID. Needs the right to signal that session (same role, or
     * pg_signal_backend).
     */
    public synchronized boolean forceUnlock(String workspace, String lockId) throws SQLException {
        Optional<PgLockInfo> holder = holder(workspace);
        if (holder.isEmpty() || !holder.get().id().equals(lockId)) return false;
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_terminate_backend(backend_pid) FROM "
                + table.locks() + " WHERE name = ? AND lock_id = ?")) {
            s.setString(1, workspace);
            s.setString(2, lockId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    /**
     * Deletes a workspace's row, and peerform's rows for it. Locking it first is the caller's business, as in
     * Terraform.
     *
     * @throws IllegalArgumentException for the default workspace, which Terraform never deletes
     */
    public synchronized void delete(String workspace) throws SQLException {
        if (workspace.isEmpty() || workspace.equals(DEFAULT_WORKSPACE)) {
            throw new IllegalArgumentException("can't delete default state");
        }
        table.delete(connection, workspace);
    }

    /**
     * Locks a workspace as Terraform does, retrying until {@code timeout} while another session holds it (zero:
     * one attempt). A refusal for the creation lock alone is retried for a few seconds whatever the timeout:
     * see CREATION_LOCK_GRACE.
     *
     * <p>A workspace without a row is first created as Terraform creates it: under the creation lock (key -1)
     * its row is written with {@code emptyState}, then the creation lock is released and the row's own lock is
     * taken. So the lock returned is always on the row id, and the database-wide creation lock is never held
     * for longer than one insert (Terraform takes it with every lock and would be refused while it is held).
     *
     * @throws PgLockRefused when another session still holds it at the deadline, naming that session
     */
    public PgLock lock(String workspace, PgLockInfo info, Duration timeout, byte[] emptyState)
            throws SQLException, PgLockRefused, InterruptedException {
        Connection c = connect(connStr);
        try {
            long started = System.nanoTime();
            long deadline = started + timeout.toNanos();
            long creationDeadline = started + Math.max(timeout.toNanos(), CREATION_LOCK_GRACE.toNanos());
            Duration delay = FIRST_RETRY;
            while (true) {
                try {
                    return attempt(c, workspace, info, emptyState);
                } catch (PgLockRefused refused) {
                    long left = (refused.creationLock() ? creationDeadline : deadline) - System.nanoTime();
                    if (left <= 0) throw refused;
                    Thread.sleep(Math.max(1, Math.min(delay.toMillis(), left / 1_000_000)));
                    delay = delay.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay.multipliedBy(2);
                }
            }
        } catch (SQLException | PgLockRefused | InterruptedException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private PgLock attempt(Connection c, String workspace, PgLockInfo info, byte[] emptyState)
            throws SQLException, PgLockRefused {
        PgLock lock = attemptOnRow(c, workspace, info);
        if (lock != null) return lock;
        createUnderCreationLock(c, workspace, emptyState);
        lock = attemptOnRow(c, workspace, info);
        // deleted again between its creation and our look: as refused as any other contention, retried as such
        if (lock == null) throw new PgLockRefused("Already locked for workspace creation: " + workspace, true,
                Optional.empty(), OptionalInt.empty(), "");
        return lock;
    }

    /** Terraform's lock on an existing row; null when the workspace has no row. */
    private PgLock attemptOnRow(Connection c, String workspace, PgLockInfo info) throws SQLException, PgLockRefused {
        // Terraform's single statement: the row's lock and the creation lock together
        try (PreparedStatement s = c.prepareStatement("SELECT " + Layout.STATES + ".id, pg_try_advisory_lock("
                + Layout.STATES + ".id), pg_try_advisory_lock(-1) FROM " + table.states() + " WHERE "
                + Layout.STATES + ".name = ?")) {
            s.setString(1, workspace);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) return null;
                long id = r.getLong(1);
                boolean row = r.getBoolean(2);
                boolean creation = r.getBoolean(3);
                if (!row) {
                    if (creation) unlock(c, PgLock.CREATION_KEY);
                    throw refused(c, "Workspace is already locked: " + workspace, id, workspace);
                }
                if (!creation) {
                    unlock(c, id);
                    throw refused(c, "Cannot lock workspace; already locked for workspace creation: " + workspace,
                            PgLock.CREATION_KEY, workspace);
                }
                unlock(c, PgLock.CREATION_KEY);
                PgLockInfo held = info.withPath(Long.toString(id));
                PgLock.recordHolder(c, table, workspace, held);
                return new PgLock(c, table, workspace, id, held);
            }
        }
    }

    private void createUnderCreationLock(Connection c, String workspace, byte[] emptyState)
            throws SQLException, PgLockRefused {
        if (!tryLock(c, PgLock.CREATION_KEY)) {
            throw refused(c, "Already locked for workspace creation: " + workspace, PgLock.CREATION_KEY, workspace);
        }
        try {
            table.insertIfAbsent(c, workspace, emptyState);
        } finally {
            unlock(c, PgLock.CREATION_KEY);
        }
    }

    private static boolean tryLock(Connection c, long key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            s.setLong(1, key);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection c, long key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            s.setLong(1, key);
            s.execute();
        }
    }

    /** The refusal, naming the session that holds {@code key} and, if it is peerform's, its lock info. */
    private PgLockRefused refused(Connection c, String reason, long key, String workspace) throws SQLException {
        OptionalInt pid = OptionalInt.empty();
        String session = "";
        try (PreparedStatement s = c.prepareStatement("SELECT l.pid, coalesce(a.application_name, ''),"
                + " coalesce(a.usename::text, ''), coalesce(host(a.client_addr), ''), a.backend_start"
                + " FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND " + AdvisoryKeys.match("l"))) {
            AdvisoryKeys.bind(s, 1, key);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    pid = OptionalInt.of(r.getInt(1));
                    session = describeSession(r.getString(2), r.getString(3), r.getString(4), r.getTimestamp(5));
                }
            }
        }
        Optional<PgLockInfo> holder = Optional.empty();
        if (pid.isPresent() && key != PgLock.CREATION_KEY) holder = holderInfo(c, workspace, pid.getAsInt(), key);
        return new PgLockRefused(reason, key == PgLock.CREATION_KEY, holder, pid, session);
    }

    private static String describeSession(String application, String user, String address, Timestamp since) {
        StringBuilder out = new StringBuilder();
        if (!application.isEmpty()) out.append("application ").append(application);
        if (!user.isEmpty()) out.append(out.isEmpty() ? "" : ", ").append("user ").append(user);
        if (!address.isEmpty()) out.append(out.isEmpty() ? "" : ", ").append("from ").append(address);
        if (since != null) out.append(out.isEmpty() ? "" : ", ").append("connected since ").append(since.toInstant());
        return out.toString();
    }

    /** The holder's row, trusted only if it belongs to the session holding the lock (else it is stale). */
    private Optional<PgLockInfo> holderInfo(Connection c, String workspace, int pid, long key) {
        try (PreparedStatement s = c.prepareStatement("SELECT lock_id, operation, who, version, created, info FROM "
                + table.locks() + " WHERE name = ? AND backend_pid = ?")) {
            s.setString(1, workspace);
            s.setInt(2, pid);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) return Optional.empty();
                return Optional.of(new PgLockInfo(r.getString(1), Long.toString(key), r.getString(2), r.getString(3),
                        r.getString(4), r.getTimestamp(5).toInstant(), r.getString(6)));
            }
        } catch (SQLException e) {
            return Optional.empty(); // no peerform_locks table: the session is all there is to say
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }
}
