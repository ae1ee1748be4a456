package dev.peerform.reliability;

import dev.peerform.emulator.store.FileStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * files: damaged state, journal, lock and world files in a directory that holds a real peering; plan and apply
 * must each stop with a clear error that names the damaged file, exit 1, print no internal error or stack trace,
 * and leave every file that was there byte for byte (the emulator's call log may only grow; a lock a kill left
 * may be released). The small size runs plan, the full size plan and apply. Also: the world file,
 * which holds the accounts' secrets, is owner-only.
 */
final class FilesFigure {

    static final String NAME = "files";
    private static final String STATE = "terraform.tfstate";
    private static final String JOURNAL = "terraform.tfstate.journal";
    private static final String LOCK_INFO = ".terraform.tfstate.lock.info";
    private static final String WORLD = ".peerform/cloud.json";
    private static final String CHANGES = ".peerform/cloud.changes.jsonl";
    private static final String CALL_LOG = ".peerform/cloud.log.jsonl";
    /**
     * plan and apply are given -lock-timeout=2s: a command still running after this has hung. Generous, because a
     * command of 1.5 s of CPU takes 20 s on a machine whose other builds load it 15 times over.
     */
    private static final int HANG_SECONDS = 60;

    private interface Damage {
        void apply(Path dir, Random rnd) throws IOException;
    }

    private record Case(String name, String file, boolean needsJournal, Damage damage) {
    }

    private final Harness h;
    private final Peerform p;
    private final Figure figure = new Figure(NAME, "cases");

    FilesFigure(Harness h) {
        this.h = h;
        this.p = h.slowed();
    }

    private static List<Case> cases() {
        return List.of(
                new Case("truncated state", STATE, false, (d, r) -> truncate(d.resolve(STATE))),
                new Case("garbage state", STATE, false, (d, r) -> Files.write(d.resolve(STATE), garbage(r, 700))),
                new Case("wrong-version state", STATE, false, (d, r) -> replace(d.resolve(STATE), "\"version\": 4",
                        "\"version\": 99")),
                new Case("foreign state (a package.json)", STATE, false, (d, r) -> Files.writeString(d.resolve(STATE),
                        "{\"name\": \"my-app\", \"version\": \"1.0.0\", \"dependencies\": {}}\n")),
                new Case("foreign state (Terraform 0.11, format 3)", STATE, false, (d, r) -> Files.writeString(
                        d.resolve(STATE), "{\"version\": 3, \"terraform_version\": \"0.11.14\", \"serial\": 2, "
                        + "\"lineage\": \"x\", \"modules\": [{\"path\": [\"root\"], \"resources\": {}}]}\n")),
                new Case("state path is a directory", STATE, false, (d, r) -> {
                    Files.delete(d.resolve(STATE));
                    Files.createDirectory(d.resolve(STATE));
                }),
                new Case("torn journal line (middle)", JOURNAL, true, (d, r) -> tearMiddleLine(d.resolve(JOURNAL))),
                new Case("garbage journal", JOURNAL, true, (d, r) -> Files.write(d.resolve(JOURNAL), garbage(r, 500))),
                new Case("journal with invalid UTF-8", JOURNAL, true, (d, r) -> invalidUtf8(d.resolve(JOURNAL))),
                new Case("empty lock file", LOCK_INFO, false, (d, r) -> Files.write(d.resolve(LOCK_INFO), new byte[0])),
                new Case("garbage lock file", LOCK_INFO, false, (d, r) -> Files.write(d.resolve(LOCK_INFO),
                        garbage(r, 100))),
                new Case("truncated world file", "cloud.json", false, (d, r) -> truncate(d.resolve(WORLD))),
                new Case("garbage world file", "cloud.json", false, (d, r) -> Files.write(d.resolve(WORLD),
                        garbage(r, 300))));
    }

    Figure run() throws IOException {
        Path base = h.newDir("files-base");
        Files.writeString(base.resolve("main.tf"), PeeringConfig.generate(2));
        Peerform.Run a = p.run(base, Harness.COMMAND, "apply", "-auto-approve", "-input=false");
        if (!a.ok()) {
            figure.failed("the apply that makes the directory to damage failed: " + a.gist());
            return figure;
        }
        worldFileMode(base);
        Path journalled = journalled(base);
        List<Case> cases = cases();
        for (int c = 0; c < cases.size(); c++) {
            if (!h.selected(c)) {
                continue;
            }
            Case k = cases.get(c);
            if (k.needsJournal() && journalled == null) {
                figure.failed(h.replay(NAME, c) + "\n" + k.name() + ": no kill left a journal to damage");
                continue;
            }
            List<String[]> commands = new ArrayList<>();
            commands.add(new String[] {"plan", "-input=false", "-lock-timeout=2s"});
            if (h.size().name().equals("full")) {
                commands.add(new String[] {"apply", "-auto-approve", "-input=false", "-lock-timeout=2s"});
            }
            for (String[] command : commands) {
                runCase(c, k, command, k.needsJournal() ? journalled : base);
            }
        }
        return figure;
    }

    /** A copy of the directory killed while adding routes, so that a journal with entries is left. */
    private Path journalled(Path base) throws IOException {
        for (String kind : List.of("Connect", "Set the opposite information", "Add the route")) {
            Path d = h.newDir("files-journal");
            Files.writeString(d.resolve("main.tf"), PeeringConfig.generate(3));
            Peerform.Running r = p.start(d, "apply", "-auto-approve", "-input=false");
            String at = r.awaitLine(l -> {
                String k = Moment.kindOf(l);
                return k != null && k.startsWith(kind);
            }, Duration.ofMinutes(5));
            CrashFigure.sleep(100);
            r.kill9();
            r.await(Duration.ofSeconds(30));
            Path j = d.resolve(JOURNAL);
            if (at != null && Files.exists(j) && Files.readAllLines(j).size() >= 3) {
                figure.note("journal to damage: " + Files.readAllLines(j).size() + " lines, left by a kill at \""
                        + at.strip() + "\"");
                return d;
            }
        }
        return null;
    }

    private void worldFileMode(Path base) throws IOException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(base.resolve(WORLD));
        boolean ownerOnly = perms.stream().noneMatch(x -> x.name().startsWith("GROUP") || x.name().startsWith(
                "OTHERS"));
        if (ownerOnly) {
            figure.held();
        } else {
            figure.failed("world file permissions: " + WORLD + " (it holds every account's secret) is "
                    + PosixFilePermissions.toString(perms) + ", not owner-only");
        }
    }

    private void runCase(int c, Case k, String[] command, Path source) throws IOException {
        Path dir = h.newDir("files-" + c);
        Harness.copyTree(source, dir);
        k.damage().apply(dir, new Random(h.caseSeed(NAME, c)));
        Map<String, String> before = digests(dir);
        Peerform.Run r = p.run(dir, Duration.ofSeconds(HANG_SECONDS), command);
        Map<String, String> after = digests(dir);
        List<String> problems = new ArrayList<>();
        if (r.timedOut()) {
            problems.add("hung: still running after " + HANG_SECONDS + " s (killed)");
            figure.count("hung", 1);
        } else if (r.code() != 1) {
            problems.add("exit " + r.code() + ", not 1");
        }
        if (!r.timedOut() && !r.out().contains(k.file())) {
            problems.add("the error does not name " + k.file());
            figure.count("file not named", 1);
        }
        if (r.out().contains("internal error") || r.out().contains("\tat ") || r.out().contains("Exception")) {
            problems.add("internal error or stack trace printed");
            figure.count("internal errors", 1);
        }
        List<String> changed = new ArrayList<>();
        before.forEach((f, digest) -> {
            String now = after.get(f);
            if (f.equals(CALL_LOG) || (f.equals(LOCK_INFO) && !k.file().equals(LOCK_INFO))) {
                return; // the call log only grows; a lock a kill left may be released (a damaged one must stay)
            }
            if (now == null) {
                changed.add(f + " deleted");
            } else if (!now.equals(digest)) {
                changed.add(f + " rewritten");
            }
        });
        if (!changed.isEmpty()) {
            problems.add("files changed: " + changed);
            figure.count("files changed", 1);
        }
        if (problems.isEmpty()) {
            figure.held();
            Harness.delete(dir);
        } else {
            figure.failed(h.replay(NAME, c) + "\n" + k.name() + ", `peerform " + String.join(" ", command)
                    + "`; dir " + dir + "\n" + String.join("\n", problems) + "\noutput: " + r.gist());
        }
    }

    /**
     * Every file's digest, except the world and its change log, which count as one: the world they hold together
     * (every process that opens the world writes the logged changes into the file, which is no loss), or their
     * bytes when the world cannot be read.
     */
    private Map<String, String> digests(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        Predicate<Path> file = Files::isRegularFile;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(file).toList()) {
                String name = dir.relativize(f).toString();
                if (!name.equals(WORLD) && !name.equals(CHANGES)) {
                    m.put(name, sha256(Files.readAllBytes(f)));
                }
            }
        }
        if (Files.exists(dir.resolve(WORLD))) {
            m.put(WORLD + " (the world with its logged changes)", logicalWorld(dir));
        }
        return m;
    }

    /** The world the files hold, read on a copy (reading writes the logged changes into the world file). */
    private String logicalWorld(Path dir) throws IOException {
        Path copy = h.newDir("files-world");
        try {
            Path world = copy.resolve("cloud.json");
            Files.copy(dir.resolve(WORLD), world);
            if (Files.exists(dir.resolve(CHANGES))) {
                Files.copy(dir.resolve(CHANGES), copy.resolve("cloud.changes.jsonl"));
            }
            try {
                new FileStore(world).load();
                return sha256(Audit.JSON.readTree(world.toFile()).toString().getBytes(StandardCharsets.UTF_8));
            } catch (UncheckedIOException | IOException unreadable) {
                // a damaged world must stay as it is, byte for byte
                return sha256(Files.readAllBytes(dir.resolve(WORLD))) + (Files.exists(dir.resolve(CHANGES))
                        ? "+" + sha256(Files.readAllBytes(dir.resolve(CHANGES))) : "");
            }
        } finally {
            Harness.delete(copy);
        }
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] garbage(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    private static void truncate(Path f) throws IOException {
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length / 2));
    }

    private static void replace(Path f, String from, String to) throws IOException {
        String s = Files.readString(f);
        if (!s.contains(from)) {
            throw new IOException(f + " has no " + from);
        }
        Files.writeString(f, s.replace(from, to));
    }

    private static void tearMiddleLine(Path f) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(f));
        int mid = lines.size() / 2;
        lines.set(mid, lines.get(mid).substring(0, lines.get(mid).length() / 2));
        Files.writeString(f, String.join("\n", lines) + "\n");
    }

    private static void invalidUtf8(Path f) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(f));
        int mid = lines.size() / 2;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            b.append(i == mid ? lines.get(i).substring(0, lines.get(i).length() / 2) + "\u0001MARK" : lines.get(i))
                    .append('\n');
        }
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 1) {
                bytes[i] = (byte) 0xC3;
                bytes[i + 1] = (byte) 0x28;
            }
        }
        Files.write(f, bytes);
    }
}
