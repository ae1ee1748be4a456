package dev.peerform.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerform.json.TerraformJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
    private final EncryptionTarget encryption;
    private boolean backedUp;

    LocalStateStore(Path statePath, Clock clock, String version) {
        this(statePath, clock, version, null);
    }

    private LocalStateStore(Path statePath, Clock clock, String version, EncryptionTarget encryption) {
        this.encryption = encryption;
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
    public StateStore encryptedWith(EncryptionTarget target) {
        return new LocalStateStore(statePath, clock, version, target);
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
            if (create(mine)) {
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
            }
            LockInfo holder = lockHolder();
            if (holder == null) {
                continue; // released between our attempt and our look
            }
            if (!holder.unreadable() && holder.host().equals(host()) && holder.pid() > 0
                    && holder.pid() != ProcessHandle.current().pid() && !running(holder.pid())) {
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

    /**
     * Creates the lock file with its content in one step, so that no crash leaves it empty: the content is written
     * and fsynced under a name of this process, then hard-linked to the lock's name (which fails when it exists).
     * False when another holds the lock.
     */
    private boolean create(LockInfo mine) throws IOException {
        Path dir = lockPath.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(lockPath.getFileName() + "." + mine.id() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                AtomicFiles.ownerOnly(tmp);
                ByteBuffer buf = ByteBuffer.wrap(TerraformJson.MAPPER.writeValueAsBytes(mine.toJson()));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.createLink(lockPath, tmp);
                return true;
            } catch (FileAlreadyExistsException held) {
                return false;
            } catch (UnsupportedOperationException noLinks) {
                try {
                    Files.write(lockPath, Files.readAllBytes(tmp), StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE);
                    AtomicFiles.ownerOnly(lockPath);
                    return true;
                } catch (FileAlreadyExistsException held) {
                    return false;
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
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
        // an unreadable lock's ID is its content's digest: the file is removed only if it is still that one
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
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(lockPath);
        } catch (NoSuchFileException gone) {
            return null;
        }
        String problem;
        try {
            JsonNode n = TerraformJson.MAPPER.readTree(bytes);
            if (n instanceof ObjectNode o && o.hasNonNull("ID") && !o.path("ID").asText().isEmpty()) {
                return LockInfo.fromJson(o);
            }
            problem = bytes.length == 0 ? "the file is empty" : "the file holds no lock ID";
        } catch (IOException notJson) {
            problem = "the file is not JSON";
        }
        return LockInfo.unreadable("unreadable-" + digest(bytes), lockPath.toString(), problem + " ("
                + bytes.length + " bytes)");
    }

    /** The state, or an empty one when there is no state file yet. */
    @Override
    public State read() throws IOException {
        if (!Files.exists(statePath)) {
            return State.empty();
        }
        if (!Files.isRegularFile(statePath)) {
            throw new StateFormatException("The state path " + statePath + " is " + (Files.isDirectory(statePath)
                    ? "a directory" : "not a regular file") + ", not a state file. Point the backend's path at a "
                    + "file (or move what is there away) and run the command again.");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(statePath);
        } catch (IOException e) {
            throw new IOException("Cannot read the state file " + statePath + ": " + e.getMessage() + ".", e);
        }
        return StateCodec.read(Envelope.open(bytes, encryption, statePath.toString(), "state"),
                statePath.toString());
    }

    /** Writes the state atomically; the first write of this backend keeps the previous file as the backup. */
    @Override
    public void write(State state) throws IOException {
        if (!backedUp && Files.exists(statePath)) {
            AtomicFiles.writeAtomically(backupPath, out -> Files.copy(statePath, out));
        }
        backedUp = true;
        state.ensureLineage();
        if (encryption == null) {
            // streamed: the bytes of a large state (66 MB at 50,000 resources) are never held at once
            AtomicFiles.writeAtomically(statePath, out -> StateCodec.write(state, out));
        } else {
            AtomicFiles.writeAtomically(statePath, Envelope.seal(StateCodec.write(state), encryption,
                    statePath.toString()));
        }
    }

    @Override
    public StepJournal openJournal() {
        return new FileJournal(journalPath, encryption);
    }

    /**
     * Folds a journal left by an interrupted run into the state: results replace the instances they name, a create
     * whose result never came is kept with its ClientToken so that the next apply re-issues it rather than
     * creating a duplicate. Returns how many entries were replayed (0 when there was no journal).
     */
    @Override
    public Recovered recover(State state) throws IOException {
        FileJournal.Contents journal = FileJournal.load(journalPath, encryption);
        List<StepRecord> records = journal.records();
        if (!records.isEmpty()) {
            Recovery.fold(state, records);
            write(state);
        }
        Files.deleteIfExists(journalPath);
        return new Recovered(records.size(), journal.note());
    }

    @Override
    public boolean hasJournal() {
        return Files.exists(journalPath);
    }

    /** Called after a run's final state write: the journal's content is in the state now. */
    @Override
    public void discardJournal() throws IOException {
        Files.deleteIfExists(journalPath);
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
