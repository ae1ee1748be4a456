package dev.peerform.states;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The local backend's step journal: a file of JSON lines beside the state, each appended and fsynced. After a
 * crash, the next run replays it onto the state; after a clean run it is folded into the state file and removed.
 */
public final class FileJournal implements StepJournal {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;
    private FileChannel channel;

    public FileJournal(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    @Override
    public synchronized void append(StepRecord e) {
        try {
            if (channel == null) {
                channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
                AtomicFiles.ownerOnly(path);
            }
            ByteBuffer buf = ByteBuffer.wrap((JSON.writeValueAsString(e) + "\n").getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            channel.force(false);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot append to the journal " + path, ex);
        }
    }

    /** Every entry a journal file holds; a torn last line (a crash mid-write) is ignored. */
    public static List<StepRecord> read(Path path) throws IOException {
        List<StepRecord> out = new ArrayList<>();
        if (!Files.exists(path)) {
            return out;
        }
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(JSON.readValue(line, StepRecord.class));
            } catch (IOException torn) {
                break;
            }
        }
        return out;
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            channel = null;
        }
    }
}
