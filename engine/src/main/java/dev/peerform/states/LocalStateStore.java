package dev.peerform.states;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerform.json.TerraformJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One workspace's state in the local backend: {@code terraform.tfstate} (or the path a {@code backend "local"} block gives), written
 * atomically and owner-only, with a {@code .backup} of the previous state taken once per run, a lock file
 * recording who holds it, and the apply journal beside it. Every file access goes through {@link Path}, so tests
 * run on an in-memory file system.
 */
final class LocalStateStore implements StateStore {

    private final Path statePath;
    private final Path lockPath;
    private final Path journalPath;
    private final Path backupPath;
    private final Clock clock;
    private final String version;
    private boolean backedUp;

    LocalStateStore(Path statePath, Clock clock, String version) {
        this.statePath = statePath;
        Path dir = statePath.toAbsolutePath().getParent();
        String name = statePath.getFileName().toString();
        this.lockPath = dir.resolve("." + name + ".lock.info");
        this.journalPath = dir.resolve(name + ".journal");
        this.backupPath = dir.resolve(name + ".backup");
        this.clock = clock;
        this.version = version;
    }

    @Override
    public String location() {
        return statePath.toString();
    }

    /**
     * Takes the state lock, retrying until {@code timeout}. A lock left by a process of this host that no longer
     * runs is stale and taken over; any other holder makes this fail with a message naming it.
     */
    @Override
    public Lock lock(String operation, Duration timeout) throws StateLockedException, IOException {
        Instant giveUp = clock.instant().plus(timeout);
        LockInfo mine = new LockInfo(UUID.randomUUID().toString(), operation, System.getProperty("user.name", "?")
                + "@" + host(), version, clock.instant().toString(), statePath.toString(),
                ProcessHandle.current().pid(), host());
        while (true) {
            try {
                Files.createDirectories(lockPath.toAbsolutePath().getParent());
                Files.write(lockPath, TerraformJson.MAPPER.writeValueAsBytes(mine.toJson()), StandardOpenOption.CREATE_NEW,
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
                            LockInfo now = lockHolder();
                            if (now != null && now.id().equals(mine.id())) {
                                Files.deleteIfExists(lockPath);
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                };
            } catch (FileAlreadyExistsException held) {
                LockInfo holder = lockHolder();
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
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                return !stat.substring(stat.lastIndexOf(')') + 1).trim().startsWith("Z");
            } catch (IOException | RuntimeException noProc) {
                return true; // no /proc here: trust ProcessHandle
            }
        }
        return false;
    }

    /** Removes the lock with this ID, whoever holds it; false when no lock has that ID. */
    @Override
    public boolean forceUnlock(String id) throws IOException {
        LockInfo holder = lockHolder();
        if (holder == null || !holder.id().equals(id)) {
            return false;
        }
        Files.deleteIfExists(lockPath);
        return true;
    }

    @Override
    public LockInfo lockHolder() throws IOException {
        if (!Files.exists(lockPath)) {
            return null;
        }
        try {
            return LockInfo.fromJson((ObjectNode) TerraformJson.MAPPER.readTree(Files.readAllBytes(lockPath)));
        } catch (IOException | ClassCastException e) {
            return null;
        }
    }

    /** The state, or an empty one when there is no state file yet. */
    @Override
    public State read() throws IOException {
        if (!Files.exists(statePath)) {
            return State.empty();
        }
        return StateCodec.read(Files.readAllBytes(statePath), statePath.getFileName().toString());
    }

    /** Writes the state atomically; the first write of this backend keeps the previous file as the backup. */
    @Override
    public void write(State state) throws IOException {
        if (!backedUp && Files.exists(statePath)) {
            AtomicFiles.writeAtomically(backupPath, Files.readAllBytes(statePath));
        }
        backedUp = true;
        state.ensureLineage();
        AtomicFiles.writeAtomically(statePath, StateCodec.write(state));
    }

    @Override
    public StepJournal openJournal() {
        return new FileJournal(journalPath);
    }

    /**
     * Folds a journal left by an interrupted run into the state: results replace the instances they name, a create
     * whose result never came is kept with its ClientToken so that the next apply re-issues it rather than
     * creating a duplicate. Returns how many entries were replayed (0 when there was no journal).
     */
    @Override
    public int recover(State state) throws IOException {
        List<StepRecord> records = FileJournal.read(journalPath);
        if (!records.isEmpty()) {
            Recovery.fold(state, records);
            write(state);
        }
        Files.deleteIfExists(journalPath);
        return records.size();
    }

    /** Called after a run's final state write: the journal's content is in the state now. */
    @Override
    public void discardJournal() throws IOException {
        Files.deleteIfExists(journalPath);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
