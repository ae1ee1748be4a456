package dev.peerform.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerform.graph.InstanceAddress;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The local backend: {@code terraform.tfstate} (or the path a {@code backend "local"} block gives), written
 * atomically and owner-only, with a {@code .backup} of the previous state taken once per run, a lock file
 * recording who holds it, and the apply journal beside it. Every file access goes through {@link Path}, so tests
 * run on an in-memory file system.
 */
public final class LocalBackend {

    private final Path statePath;
    private final Path lockPath;
    private final Path journalPath;
    private final Path backupPath;
    private final Clock clock;
    private final String version;
    private boolean backedUp;

    public LocalBackend(Path statePath, Clock clock, String version) {
        this.statePath = statePath;
        Path dir = statePath.toAbsolutePath().getParent();
        String name = statePath.getFileName().toString();
        this.lockPath = dir.resolve("." + name + ".lock.info");
        this.journalPath = dir.resolve(name + ".journal");
        this.backupPath = dir.resolve(name + ".backup");
        this.clock = clock;
        this.version = version;
    }

    public Path statePath() {
        return statePath;
    }

    public Path journalPath() {
        return journalPath;
    }

    /** A held lock; closing releases it. */
    public interface Lock extends AutoCloseable {
        LockInfo info();

        @Override
        void close();
    }

    /**
     * Takes the state lock, retrying until {@code timeout}. A lock left by a process of this host that no longer
     * runs is stale and taken over; any other holder makes this fail with a message naming it.
     */
    public Lock lock(String operation, Duration timeout) throws StateLockedException, IOException {
        Instant giveUp = clock.instant().plus(timeout);
        LockInfo mine = new LockInfo(UUID.randomUUID().toString(), operation, System.getProperty("user.name", "?")
                + "@" + host(), version, clock.instant().toString(), statePath.toString(),
                ProcessHandle.current().pid(), host());
        while (true) {
            try {
                Files.createDirectories(lockPath.toAbsolutePath().getParent());
                Files.write(lockPath, StateCodec.JSON.writeValueAsBytes(mine.toJson()), StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                AtomicFiles.ownerOnly(lockPath);
                return new Lock() {
                    @Override
                    public LockInfo info() {
                        return mine;
                    }

                    @Override
                    public void close() {
                        try {
                            LockInfo now = readLock();
                            if (now != null && now.id().equals(mine.id())) {
                                Files.deleteIfExists(lockPath);
                            }
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                };
            } catch (FileAlreadyExistsException held) {
                LockInfo holder = readLock();
                if (holder == null) {
                    continue; // released between our attempt and our look
                }
                if (holder.host().equals(host()) && holder.pid() > 0 && holder.pid() != ProcessHandle.current().pid()
                        && !running(holder.pid())) {
                    Files.deleteIfExists(lockPath); // its process is gone: a crash left it
                    continue;
                }
                if (!clock.instant().isBefore(giveUp)) {
                    throw new StateLockedException(holder);
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StateLockedException(holder);
                }
            }
        }
    }

    /**
     * Whether a process runs. A process killed a moment ago may still be a zombie until its parent reaps it: it
     * holds nothing any more, so it counts as gone.
     */
    private static boolean running(long pid) {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            try {
                String stat = Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
                return !stat.substring(stat.lastIndexOf(')') + 1).trim().startsWith("Z");
            } catch (IOException | RuntimeException noProc) {
                return true; // no /proc here: trust ProcessHandle
            }
        }
        return false;
    }

    /** Removes the lock with this ID, whoever holds it; false when no lock has that ID. */
    public boolean forceUnlock(String id) throws IOException {
        LockInfo holder = readLock();
        if (holder == null || !holder.id().equals(id)) {
            return false;
        }
        Files.deleteIfExists(lockPath);
        return true;
    }

    public LockInfo readLock() throws IOException {
        if (!Files.exists(lockPath)) {
            return null;
        }
        try {
            return LockInfo.fromJson((ObjectNode) StateCodec.JSON.readTree(Files.readAllBytes(lockPath)));
        } catch (IOException | ClassCastException e) {
            return null;
        }
    }

    /** The state, or an empty one when there is no state file yet. */
    public State read() throws IOException {
        if (!Files.exists(statePath)) {
            return State.empty();
        }
        return StateCodec.read(Files.readAllBytes(statePath), statePath.getFileName().toString());
    }

    /** Writes the state atomically; the first write of this backend keeps the previous file as the backup. */
    public void write(State state) throws IOException {
        if (!backedUp && Files.exists(statePath)) {
            AtomicFiles.writeAtomically(backupPath, Files.readAllBytes(statePath));
        }
        backedUp = true;
        state.ensureLineage();
        AtomicFiles.writeAtomically(statePath, StateCodec.write(state));
    }

    public Journal openJournal() {
        return new Journal(journalPath);
    }

    /**
     * Folds a journal left by an interrupted run into the state: results replace the instances they name, a create
     * whose result never came is kept with its ClientToken so that the next apply re-issues it rather than
     * creating a duplicate. Returns how many entries were replayed (0 when there was no journal).
     */
    public int recover(State state) throws IOException {
        List<Journal.Entry> entries = Journal.read(journalPath);
        if (entries.isEmpty()) {
            Files.deleteIfExists(journalPath);
            return 0;
        }
        Map<String, Journal.Entry> openCreates = new HashMap<>();
        for (Journal.Entry e : entries) {
            InstanceAddress address = InstanceAddress.parse(e.address());
            switch (e.kind()) {
                case "intent" -> {
                    if (e.creates()) {
                        openCreates.put(e.address(), e);
                    }
                }
                case "result", "failed" -> {
                    openCreates.remove(e.address());
                    if (e.gone()) {
                        state.remove(address);
                    } else {
                        InstanceState before = state.instance(address);
                        InstanceState after = new InstanceState(0, e.attributes(), e.sensitive(), e.dependencies(),
                                e.kind().equals("failed") && (before == null || before.tainted()), false, null);
                        state.put(address, e.provider(), after);
                    }
                }
                default -> { }
            }
        }
        for (Journal.Entry open : openCreates.values()) {
            InstanceAddress address = InstanceAddress.parse(open.address());
            InstanceState before = state.instance(address);
            InstanceState pending = before == null
                    ? new InstanceState(0, StateCodec.JSON.createObjectNode(), null, List.of(), true, false,
                            open.token())
                    : before.withPendingClientToken(open.token());
            state.put(address, open.provider(), pending);
        }
        state.bumpSerial();
        write(state);
        Files.deleteIfExists(journalPath);
        return entries.size();
    }

    /** Called after a run's final state write: the journal's content is in the state now. */
    public void discardJournal() throws IOException {
        Files.deleteIfExists(journalPath);
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
