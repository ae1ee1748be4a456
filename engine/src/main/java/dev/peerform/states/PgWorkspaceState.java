package dev.peerform.states;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peerform.states.pg.PgLock;
import dev.peerform.states.pg.PgLockInfo;
import dev.peerform.states.pg.PgLockRefused;
import dev.peerform.states.pg.PgStateStore;
import dev.peerform.states.pg.PgStepRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One workspace of the pg backend as a {@link StateStore}. While this store holds the workspace's lock, every
 * read and write goes through the lock's own session, so nothing is written once the lock is lost. A step
 * record is one committed insert into peerform_steps (the state row is not touched); the final write folds the
 * state in and clears the step records in one transaction, and so does recovery: a crash leaves either the old
 * state with all its records or the new state with none.
 */
final class PgWorkspaceState implements StateStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PgBackend backend;
    private final String name;
    private final Clock clock;
    private final String version;
    private final EncryptionTarget encryption;
    private PgLock held;

    PgWorkspaceState(PgBackend backend, String name, Clock clock, String version) {
        this(backend, name, clock, version, null);
    }

    private PgWorkspaceState(PgBackend backend, String name, Clock clock, String version,
            EncryptionTarget encryption) {
        this.encryption = encryption;
        this.backend = backend;
        this.name = name;
        this.clock = clock;
        this.version = version;
    }

    @Override
    public StateStore encryptedWith(EncryptionTarget target) {
        return new PgWorkspaceState(backend, name, clock, version, target);
    }

    @Override
    public String location() {
        return "workspace \"" + name + "\" in " + backend.describe();
    }

    @Override
    public State read() throws IOException {
        try {
            Optional<byte[]> bytes = held != null ? held.read() : backend.store().read(name);
            if (bytes.isEmpty() || bytes.get().length == 0) {
                return State.empty();
            }
            return StateCodec.read(Envelope.open(bytes.get(), encryption, location(), "state"), location());
        } catch (SQLException e) {
            throw io("Failed to read the state of " + location(), e);
        }
    }

    /** Writes the state and clears the workspace's step records with it (they are in the state now). */
    @Override
    public void write(State state) throws IOException {
        state.ensureLineage();
        byte[] bytes = Envelope.seal(StateCodec.write(state), encryption, location());
        try {
            if (held != null) {
                held.foldIn(bytes);
            } else {
                backend.store().foldIn(name, bytes);
            }
        } catch (SQLException e) {
            throw io("Failed to write the state of " + location(), e);
        }
    }

    @Override
    public Lock lock(String operation, Duration timeout) throws StateLockedException, IOException {
        PgLockInfo mine = new PgLockInfo(UUID.randomUUID().toString(), "", operation,
                System.getProperty("user.name", "?") + "@" + host(), version, clock.instant(), "");
        State sentinel = State.empty();
        sentinel.ensureLineage();
        sentinel.bumpSerial();
        try {
            PgLock lock = backend.store().lock(name, mine, timeout, StateCodec.write(sentinel));
            held = lock;
            LockInfo info = info(lock.info());
            return new Lock() {
                @Override
                public LockInfo info() {
                    return info;
                }

                @Override
                public void close() {
                    if (held == lock) {
                        held = null;
                    }
                    lock.close();
                }
            };
        } catch (PgLockRefused refused) {
            throw new StateLockedException(refused.holder().map(PgWorkspaceState::info).orElse(null),
                    "Error acquiring the state lock\n" + refused.getMessage() + "\n\npeerform acquires a state lock "
                    + "to protect the state from being written by multiple users at the same time. Wait for that "
                    + "operation to finish, or retry with -lock-timeout=DURATION. A holder that was killed loses its "
                    + "lock with its database session: there is nothing to clean up.");
        } catch (SQLException e) {
            throw io("Failed to lock " + location(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the lock on " + location());
        }
    }

    private static LockInfo info(PgLockInfo i) {
        return new LockInfo(i.id(), i.operation(), i.who(), i.version(), i.created().toString(), i.path(), -1, "");
    }

    @Override
    public boolean forceUnlock(String id) throws IOException {
        try {
            return backend.store().forceUnlock(name, id);
        } catch (SQLException e) {
            throw io("Failed to force-unlock " + location(), e);
        }
    }

    @Override
    public LockInfo lockHolder() throws IOException {
        try {
            return backend.store().holder(name).map(PgWorkspaceState::info).orElse(null);
        } catch (SQLException e) {
            throw io("Failed to read the lock of " + location(), e);
        }
    }

    @Override
    public StepJournal openJournal() {
        String runId = UUID.randomUUID().toString();
        return new StepJournal() {
            private long seq;

            @Override
            public synchronized void append(StepRecord record) {
                try {
                    String line = new String(Envelope.seal(JSON.writeValueAsBytes(record), encryption, location()),
                            StandardCharsets.UTF_8);
                    if (held != null) {
                        held.appendStep(runId, seq++, line);
                    } else {
                        backend.store().appendStep(name, runId, seq++, line);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (SQLException e) {
                    throw new UncheckedIOException(io("Failed to record a step in " + location(), e));
                }
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public Recovered recover(State state) throws IOException {
        List<PgStepRecord> rows;
        try {
            rows = held != null ? held.steps() : backend.store().steps(name);
        } catch (SQLException e) {
            throw io("Failed to read the step records of " + location(), e);
        }
        if (rows.isEmpty()) {
            return Recovered.NOTHING;
        }
        List<StepRecord> records = new ArrayList<>();
        for (PgStepRecord row : rows) {
            byte[] line = row.line().getBytes(StandardCharsets.UTF_8);
            records.add(JSON.readValue(encryption != null || Envelope.isSealed(line)
                    ? Envelope.open(line, encryption, "a step record of " + location(), "journal") : line,
                    StepRecord.class));
        }
        Recovery.fold(state, records);
        write(state);
        return new Recovered(records.size(), null);
    }

    /** The final write cleared the records already, in the same transaction. */
    @Override
    public void discardJournal() {
    }

    /** A database failure as a message: the SQL state and the server's words, never the conn_str. */
    static IOException io(String what, SQLException e) {
        return new IOException(what + ": " + e.getMessage() + (e.getSQLState() == null ? ""
                : " (SQLSTATE " + e.getSQLState() + ")"), e);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
