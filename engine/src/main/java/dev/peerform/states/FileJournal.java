package dev.peerform.states;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peerform.addrs.InstanceAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The local backend's step journal: a file of lines beside the state, appended in order and fsynced before each
 * step calls the cloud (see {@link #append}). After a crash, the
 * next run replays it onto the state; after a clean run it is folded into the state file and removed.
 *
 * <p>Each line is the CRC32 of its record (8 hex digits), a space, and the record as JSON, so that a damaged line
 * is told from a good one: a journal is read only as far as it can be trusted, and one damaged in its middle is
 * refused rather than read short (the entries after the damage would be lost without a word). Lines of journals
 * written before the checksum (bare JSON) are still read. With state encryption configured, each record is
 * sealed as the state is (one envelope a line): the journal holds attribute values, secrets among them, and it
 * outlives the run that wrote it when that run crashes.
 */
public final class FileJournal implements StepJournal {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    /** The records a journal holds, and a note when its torn last line (a crash mid-append) was dropped. */
    public record Contents(List<StepRecord> records, String note) {
    }

    private final Path path;
    private final EncryptionTarget encryption;
    private FileChannel channel;
    /** Bytes written so far, and how many of them an fsync made durable (guarded by this, and by syncLock). */
    private long written;
    private long synced;
    private final Object syncLock = new Object();

    public FileJournal(Path path) {
        this(path, null);
    }

    public FileJournal(Path path, EncryptionTarget encryption) {
        this.path = path;
        this.encryption = encryption;
    }

    public Path path() {
        return path;
    }

    /**
     * Appends a record. An intent is durable when this returns (it is written before the cloud is called); a result
     * or a failure is written at once, so that a crash of the process keeps it, and made durable by the next
     * intent's fsync or by {@link #close}: the file is appended in order, so one fsync covers every line before it.
     * A result an operating-system crash lost leaves its intent without a result, which recovery already handles
     * (the ClientToken is re-issued, or the cloud is read again). Concurrent intents share one fsync (group
     * commit): an apply of N steps pays about N / parallelism fsyncs, not 2N.
     */
    @Override
    public void append(StepRecord e) {
        long end;
        try {
            byte[] json = Envelope.seal(JSON.writeValueAsBytes(e), encryption, path.toString());
            ByteBuffer buf = ByteBuffer.wrap((crc(json) + " " + new String(json, StandardCharsets.UTF_8) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            synchronized (this) {
                if (channel == null) {
                    channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.APPEND);
                    AtomicFiles.ownerOnly(path);
                }
                while (buf.hasRemaining()) {
                    written += channel.write(buf);
                }
                end = written;
            }
            if (e.kind() == StepRecord.Kind.INTENT) {
                syncTo(end);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot append to the journal " + path, ex);
        }
    }

    /** Returns once every byte up to {@code end} is on disk; one caller fsyncs for all those waiting meanwhile. */
    private void syncTo(long end) throws IOException {
        synchronized (syncLock) {
            if (synced >= end) {
                return; // another intent's fsync covered this one
            }
            long upTo;
            FileChannel c;
            synchronized (this) {
                upTo = written;
                c = channel;
            }
            c.force(false);
            synced = upTo;
        }
    }

    /** Every entry a journal file holds (see {@link #load}). */
    public static List<StepRecord> read(Path path) throws IOException {
        return load(path, null).records();
    }

    /**
     * Every entry a journal file holds. A torn last line is what a crash in the middle of an append leaves: the
     * step it records was either not called yet (an intent is written before the call) or its result is learnt
     * again from the cloud, so it is dropped with a note. Any other damaged line, and a file that holds no record
     * at all, is refused naming the file and the line: the journal is then kept as it is.
     */
    public static Contents load(Path path, EncryptionTarget encryption) throws IOException {
        List<StepRecord> out = new ArrayList<>();
        if (!Files.exists(path)) {
            return new Contents(out, null);
        }
        if (!Files.isRegularFile(path)) {
            throw new JournalDamagedException(path + " is not a regular file. peerform keeps the journal of an "
                    + "interrupted apply there; move it away and run the command again.");
        }
        byte[] bytes = Files.readAllBytes(path);
        List<byte[]> lines = lines(bytes);
        String note = null;
        for (int i = 0; i < lines.size(); i++) {
            byte[] line = lines.get(i);
            if (blank(line)) {
                continue;
            }
            String why = null;
            StepRecord r = null;
            try {
                r = parse(line, encryption, path + " (line " + (i + 1) + ")");
            } catch (Damaged d) {
                why = d.getMessage();
            }
            if (r != null) {
                try {
                    InstanceAddress.parse(r.address());
                } catch (RuntimeException bad) {
                    throw new JournalDamagedException("The journal " + path + " is damaged at line " + (i + 1)
                            + ": it names \"" + r.address() + "\", which is not a resource instance address. It "
                            + "was kept as it is and nothing was changed. Correct that line (or restore the journal "
                            + "from a copy) and run the command again.");
                }
                out.add(r);
                continue;
            }
            boolean last = lastNonBlank(lines, i);
            if (last && looksTorn(line)) {
                note = "The last line of the journal " + path + " (line " + (i + 1) + ") was cut short by the "
                        + "crash while it was being written (" + why + "); it was dropped: a step is recorded "
                        + "before it is called, so the cloud never saw that intent, or its result is read again.";
                break;
            }
            if (out.isEmpty() && !looksLikeRecord(line)) {
                throw new JournalDamagedException("The journal " + path + " is not a peerform journal: line "
                        + (i + 1) + " is " + why + ". It was kept as it is and nothing was changed. If it is "
                        + "not yours, move it away; if it is the journal of an interrupted apply, restore it from "
                        + "a copy. Then run the command again.");
            }
            throw new JournalDamagedException("The journal " + path + " is damaged at line " + (i + 1) + " of "
                    + lines.size() + ": " + why + ". It records an apply that was interrupted; reading past a "
                    + "damaged line would lose the steps after it, so it was kept as it is and nothing was "
                    + "changed. Restore it from a copy, or move it away and run `peerform plan` to see what the "
                    + "cloud has (objects it recorded may then need `peerform import`).");
        }
        return new Contents(out, note);
    }

    private static final class Damaged extends Exception {
        Damaged(String why) {
            super(why, null, false, false);
        }
    }

    private static StepRecord parse(byte[] line, EncryptionTarget encryption, String where) throws Damaged,
            IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line)).toString();
        } catch (CharacterCodingException e) {
            throw new Damaged("not valid UTF-8 text");
        }
        String json;
        if (text.startsWith("{")) {
            json = text; // written before lines had a checksum
        } else {
            int space = text.indexOf(' ');
            if (space != 8 || !text.substring(0, 8).chars().allMatch(FileJournal::hexDigit)) {
                throw new Damaged("not a journal record (no checksum)");
            }
            json = text.substring(9);
            if (!crc(json.getBytes(StandardCharsets.UTF_8)).equals(text.substring(0, 8).toLowerCase())) {
                throw new Damaged("its checksum does not match its content");
            }
        }
        byte[] plain = json.getBytes(StandardCharsets.UTF_8);
        if (encryption != null || Envelope.isSealed(plain)) {
            plain = Envelope.open(plain, encryption, where, "journal");
        }
        try {
            StepRecord r = JSON.readValue(plain, StepRecord.class);
            if (r.kind() == null || r.address() == null) {
                throw new Damaged("a record without a kind or an address");
            }
            return r;
        } catch (IOException e) {
            throw new Damaged("not a complete JSON record");
        }
    }

    /** What an append cut short leaves: the start of a record (checksum digits, then JSON), never anything else. */
    private static boolean looksTorn(byte[] line) {
        String text = new String(line, StandardCharsets.ISO_8859_1);
        if (text.startsWith("{")) {
            return true;
        }
        int n = Math.min(8, text.length());
        for (int i = 0; i < n; i++) {
            if (!hexDigit(text.charAt(i))) {
                return false;
            }
        }
        return text.length() <= 8 || text.charAt(8) == ' ' && (text.length() == 9 || text.charAt(9) == '{');
    }

    private static boolean looksLikeRecord(byte[] line) {
        String text = new String(line, StandardCharsets.ISO_8859_1);
        return text.startsWith("{") || text.length() > 9 && text.charAt(8) == ' ' && text.charAt(9) == '{';
    }

    private static boolean hexDigit(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean blank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean lastNonBlank(List<byte[]> lines, int i) {
        for (int j = i + 1; j < lines.size(); j++) {
            if (!blank(lines.get(j))) {
                return false;
            }
        }
        return true;
    }

    private static List<byte[]> lines(byte[] bytes) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                if (i > start || i < bytes.length) {
                    byte[] l = new byte[i - start];
                    System.arraycopy(bytes, start, l, 0, l.length);
                    out.add(l);
                }
                start = i + 1;
            }
        }
        return out;
    }

    private static String crc(byte[] bytes) {
        CRC32 c = new CRC32();
        c.update(bytes);
        return HEX.toHexDigits((int) c.getValue());
    }

    @Override
    public void close() {
        synchronized (syncLock) {
            synchronized (this) {
                if (channel == null) {
                    return;
                }
                try {
                    if (synced < written) {
                        channel.force(false); // the results written since the last intent
                    }
                    channel.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                channel = null;
                synced = written;
            }
        }
    }
}
