package dev.peerform.emulator.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The changes made since the world file was last written, one JSON line each, appended and forced before the call
 * answers. A last line that does not parse is a write torn by a crash (its call never answered): it is ignored and
 * cut off before the next append. A damaged line before the last is reported and the file left as it is.
 * Callers hold the store's lock.
 */
final class ChangeLog {

    private final Path file;
    private final ObjectMapper json;
    /** Bytes of whole records read or written so far: where the next record goes. */
    private long end;

    ChangeLog(Path file, ObjectMapper json) {
        this.file = file;
        this.json = json;
    }

    Path file() {
        return file;
    }

    long size() {
        return end;
    }

    /** Forgets the position: the next {@link #readNew()} reads from the start. */
    void rewind() {
        end = 0;
    }

    /** Records appended (by any process) since the last read or write. */
    List<Change> readNew() throws IOException {
        List<Change> out = new ArrayList<>();
        if (!Files.exists(file)) {
            end = 0;
            return out;
        }
        long size = Files.size(file);
        if (size < end) {
            throw new WorldFileException(file, "the change log is shorter than this process has read (" + size
                    + " < " + end + " bytes): something other than the emulator changed it", null);
        }
        if (size == end) {
            return out;
        }
        byte[] bytes = new byte[Math.toIntExact(size - end)];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining() && ch.read(buf, end + buf.position()) >= 0) {
                // reads until full
            }
        }
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
            Change c;
            try {
                c = json.readValue(line, Change.class);
            } catch (IOException e) {
                if (i == bytes.length - 1) {
                    break; // torn last record
                }
                throw new WorldFileException(file, "the change log's record at byte " + (end + start)
                        + " is damaged (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
            }
            out.add(c);
            start = i + 1;
        }
        end += start;
        return out;
    }

    /** Appends one record, first cutting off a torn tail, and forces it to the disk. */
    void append(Change change) throws IOException {
        byte[] line = (json.writeValueAsString(change) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = OwnerOnly.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            if (ch.size() > end) {
                ch.truncate(end);
            }
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) {
                ch.write(buf, end + buf.position());
            }
            ch.force(false);
        }
        end += line.length;
    }

    /** Empties the log once the world file holds every change in it. */
    void clear() throws IOException {
        if (Files.exists(file)) {
            try (FileChannel ch = OwnerOnly.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(0);
                ch.force(false);
            }
        }
        end = 0;
    }
}
