package dev.peerform.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * The apply journal: every step that changes the cloud is appended (and fsynced) before it is called, with its
 * ClientToken, and again with its result. Appending costs in proportion to the change, not to the state. After a
 * crash, the next run replays it onto the state; after a clean run it is folded into the state file and removed.
 */
public final class Journal implements AutoCloseable {

    /** One line of the journal. {@code attributes} is the state after the step; null with {@code gone}. */
    public record Entry(String kind, String address, String provider, String step, boolean creates, String token,
            ObjectNode attributes, JsonNode sensitive, List<String> dependencies, boolean gone) {

        public static Entry intent(String address, String provider, String step, boolean creates, String token) {
            return new Entry("intent", address, provider, step, creates, token, null, null, List.of(), false);
        }

        public static Entry result(String address, String provider, String step, ObjectNode attributes,
                JsonNode sensitive, List<String> dependencies, boolean gone) {
            return new Entry("result", address, provider, step, false, null, attributes, sensitive, dependencies,
                    gone);
        }

        public static Entry failed(String address, String provider, String step, ObjectNode attributes,
                JsonNode sensitive, List<String> dependencies) {
            return new Entry("failed", address, provider, step, false, null, attributes, sensitive, dependencies,
                    false);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;
    private FileChannel channel;

    public Journal(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    public synchronized void append(Entry e) {
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
    public static List<Entry> read(Path path) throws IOException {
        List<Entry> out = new ArrayList<>();
        if (!Files.exists(path)) {
            return out;
        }
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(JSON.readValue(line, Entry.class));
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
