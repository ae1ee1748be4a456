package dev.peerform.emulator.store;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.peerform.emulator.cloud.Model.CallRecord;
import dev.peerform.emulator.cloud.World;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
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
import java.util.concurrent.locks.ReentrantLock;

/**
 * The embedded world in one JSON file ({@code .peerform/cloud.json} by default), written atomically (temporary
 * file, fsync, rename), with the call log appended beside it ({@code cloud.log.jsonl}). A lock file serialises the
 * processes that share the world; within one process a lock per path does, since a JVM may hold a file lock only
 * once. Every file it writes is owner-only ({@code rw-------}): the world holds every account's secret in clear.
 */
public final class FileStore implements WorldStore {

    /** One in-process lock per world file: file locks do not exclude threads of the same JVM. */
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private final Path file;
    private final Path logFile;
    private final Path lockFile;
    private final ReentrantLock threads;
    private boolean tightened;
    private Object seenKey;
    private long seenModified = -1;

    public FileStore(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.logFile = this.file.resolveSibling(baseName() + ".log.jsonl");
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
        this.threads = IN_PROCESS.computeIfAbsent(this.file, k -> new ReentrantLock());
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
        threads.lock();
        try {
            OwnerOnly.directories(file.getParent());
            FileChannel channel = OwnerOnly.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock();
            return () -> {
                try {
                    lock.release();
                    channel.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    threads.unlock();
                }
            };
        } catch (IOException e) {
            threads.unlock();
            throw new UncheckedIOException("cannot lock " + lockFile, e);
        }
    }

    @Override
    public World reloadIfChanged() {
        try {
            if (!Files.exists(file)) {
                return null;
            }
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            long modified = attrs.lastModifiedTime().toMillis();
            if (attrs.fileKey() != null && attrs.fileKey().equals(seenKey) && modified == seenModified) {
                return null;
            }
            tightenOnce();
            World w = parse();
            seenKey = attrs.fileKey();
            seenModified = modified;
            return w;
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
            tightened = true;
        }
    }

    /** Reads the world whether or not it changed (null when there is none yet). */
    public World load() {
        seenKey = null;
        seenModified = -1;
        return reloadIfChanged();
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
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            seenKey = attrs.fileKey();
            seenModified = attrs.lastModifiedTime().toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the emulator's world " + file, e);
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
