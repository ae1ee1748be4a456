package dev.peerform.emulator.store;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.peerform.emulator.Emulator;
import dev.peerform.emulator.cloud.Model.CallRecord;
import dev.peerform.emulator.cloud.World;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded world in one JSON file ({@code .peerform/cloud.json} by default), written atomically (temporary
 * file, fsync, rename), and the changes made since in a log beside it ({@code cloud.changes.jsonl}), one forced
 * line per changing call; when the log outgrows the world, the world is written again and the log emptied, so a
 * call costs in proportion to what it changes. A process keeps the world in memory and reads only the changes
 * other processes logged since it last looked. The call log is appended beside them ({@code cloud.log.jsonl}).
 * A lock file serialises the processes that share the world, held per batch of this process's calls. Every file
 * it writes is owner-only ({@code rw-------}): the world holds every account's secret in clear.
 */
public final class FileStore implements WorldStore {

    /** One lock per world file, shared by this JVM's stores: file locks do not exclude threads of the same JVM. */
    private static final Map<Path, PathLock> IN_PROCESS = new ConcurrentHashMap<>();

    /** The log is compacted once it is this large or larger than the world, whichever is more. */
    private static final long MIN_COMPACTION_BYTES = 1 << 20;

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private final Path file;
    private final Path logFile;
    private final Path lockFile;
    private final PathLock lock;
    private final ChangeLog changes;
    private boolean tightened;
    private Object seenKey;
    private long seenModified = -1;
    private long worldBytes;

    public FileStore(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.logFile = this.file.resolveSibling(baseName() + ".log.jsonl");
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
        this.lock = IN_PROCESS.computeIfAbsent(this.file, k -> new PathLock(lockFile));
        this.changes = new ChangeLog(this.file.resolveSibling(baseName() + ".changes.jsonl"), JSON);
    }

    private String baseName() {
        String name = file.getFileName().toString();
        return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }

    public Path file() {
        return file;
    }

    public boolean exists() {
        return Files.exists(file);
    }

    @Override
    public Lock lock() {
        lock.acquire();
        return lock::release;
    }

    @Override
    public Update update() {
        try {
            if (!Files.exists(file)) {
                return null;
            }
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            long modified = attrs.lastModifiedTime().toMillis();
            World base = null;
            if (attrs.fileKey() == null || !attrs.fileKey().equals(seenKey) || modified != seenModified) {
                tightenOnce();
                base = parse();
                seenKey = attrs.fileKey();
                seenModified = modified;
                worldBytes = attrs.size();
                changes.rewind();
            }
            List<Change> news = changes.readNew();
            return base == null && news.isEmpty() ? null : new Update(base, news);
        } catch (WorldFileException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the emulator's world " + file + ": " + e.getMessage(), e);
        }
    }

    private World parse() throws IOException {
        World w;
        try {
            w = JSON.readValue(file.toFile(), World.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new WorldFileException(file, "it is not valid world JSON" + where + " (" + e.getOriginalMessage()
                    + ")", e);
        }
        if (w == null) {
            throw new WorldFileException(file, "it holds no world (the JSON is null)", null);
        }
        try {
            return w.reindex();
        } catch (RuntimeException e) {
            throw new WorldFileException(file, "its objects are inconsistent (" + e + ")", new IOException(e));
        }
    }

    /** An existing world, log or lock file made by an older version may be readable by others: tighten it. */
    private void tightenOnce() throws IOException {
        if (!tightened) {
            OwnerOnly.tighten(file);
            OwnerOnly.tighten(logFile);
            OwnerOnly.tighten(lockFile);
            OwnerOnly.tighten(changes.file());
            tightened = true;
        }
    }

    /** Reads the world as it is now, the logged changes written into it first (null when there is none yet). */
    public World load() {
        if (Files.exists(file) && Files.exists(changes.file()) && changes.file().toFile().length() > 0) {
            Emulator.compact(file);
        }
        seenKey = null;
        seenModified = -1;
        Update u = update();
        return u == null ? null : u.base();
    }

    /** Replaces the world with a new one: the changes logged on the old one are forgotten first. */
    public void replace(World world) {
        try {
            changes.clear();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty the change log " + changes.file(), e);
        }
        save(world);
    }

    @Override
    public void save(World world) {
        try {
            OwnerOnly.directories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            byte[] bytes = JSON.writeValueAsBytes(world);
            // the rename keeps the temporary file's mode: owner-only from its creation, secrets never exposed
            try (FileChannel ch = OwnerOnly.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            // a crash before this leaves changes the world holds already: their numbers say to skip them
            changes.clear();
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            seenKey = attrs.fileKey();
            seenModified = attrs.lastModifiedTime().toMillis();
            worldBytes = bytes.length;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the emulator's world " + file, e);
        }
    }

    @Override
    public void logged(Change change, World after) {
        try {
            changes.append(change);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the change log " + changes.file(), e);
        }
        if (changes.size() > Math.max(MIN_COMPACTION_BYTES, worldBytes)) {
            save(after);
        }
    }

    @Override
    public void append(CallRecord record) {
        try {
            try (FileChannel ch = OwnerOnly.open(logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                ByteBuffer buf = ByteBuffer.wrap((JSON.writeValueAsString(record) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the call log " + logFile, e);
        }
    }

    @Override
    public List<CallRecord> log() {
        List<CallRecord> out = new ArrayList<>();
        if (!Files.exists(logFile)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(logFile, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(JSON.readValue(line, CallRecord.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the call log " + logFile, e);
        }
        return out;
    }

    @Override
    public void close() {
    }
}
