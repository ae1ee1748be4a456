package dev.peerform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.opentest4j.TestAbortedException;

/**
 * A real PostgreSQL server for tests: the machine's own initdb and pg_ctl, a cluster in a temporary directory,
 * listening on 127.0.0.1 only, on a free port, with its unix socket in the same directory. One server per test
 * JVM, started on first use and stopped (its directory removed) when the JVM exits. Each caller takes a fresh
 * database with {@link #newDatabase()}, so test classes never see each other's rows.
 *
 * <p>Without PostgreSQL the calling test is skipped with one line saying how to get it, unless
 * PEERFORM_REQUIRE_POSTGRES=1 (CI sets it), in which case it fails.
 */
public final class PostgresServer {
    static final String REQUIRE_VARIABLE = "PEERFORM_REQUIRE_POSTGRES";
    private static final String SUPERUSER = "peerform";

    private final Path root;
    private final Path bin;
    private final int port;
    private final List<String> runAs;
    private final Duration startup;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path root, Path bin, int port, List<String> runAs, Duration startup) {
        this.root = root;
        this.bin = bin;
        this.port = port;
        this.runAs = runAs;
        this.startup = startup;
    }

    /** The shared server; skips (or, in CI, fails) the calling test when PostgreSQL cannot be had. */
    public static PostgresServer shared() {
        Holder.Outcome outcome = Holder.OUTCOME;
        if (outcome.server() != null) return outcome.server();
        throw unavailable(outcome.reason(), System.getenv());
    }

    /** Without a server: a failure when the environment requires one (CI), else a skip saying how to get one. */
    static RuntimeException unavailable(String reason, Map<String, String> env) {
        if ("1".equals(env.get(REQUIRE_VARIABLE))) {
            throw new AssertionError(REQUIRE_VARIABLE + "=1 but no PostgreSQL server could be started: " + reason);
        }
        return new TestAbortedException("PostgreSQL not available (" + reason
                + "); to run these tests: apt-get install postgresql");
    }

    /** Lazy, once per JVM: the class initialiser is the lock. */
    private static final class Holder {
        record Outcome(PostgresServer server, String reason) {}

        static final Outcome OUTCOME = start();

        private static Outcome start() {
            Optional<Path> bin = findBinaries();
            if (bin.isEmpty()) return new Outcome(null, "no initdb and pg_ctl on the PATH, in /usr/local/bin "
                    + "or in /usr/lib/postgresql/*/bin");
            try {
                PostgresServer server = launch(bin.get());
                Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "postgres-stop"));
                return new Outcome(server, null);
            } catch (IOException | RuntimeException e) {
                return new Outcome(null, e.getMessage());
            }
        }
    }

    /** A new, empty database owned by the superuser; its name (see {@link #jdbcUrl} and {@link #connStr}). */
    public String newDatabase() {
        String name = "t" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres")); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("create database " + name + ": " + e.getMessage(), e);
        }
        return name;
    }

    /** The JDBC URL of a database on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + SUPERUSER;
    }

    /** The same database as Terraform's pg backend wants it: a postgres:// URL (lib/pq requires SSL unless told). */
    public String connStr(String database) {
        return "postgres://" + SUPERUSER + "@127.0.0.1:" + port + "/" + database + "?sslmode=disable";
    }

    public int port() {
        return port;
    }

    /** The directory of this server's binaries (psql and pg_dump sit beside initdb in Debian's package). */
    public Path binaries() {
        return bin;
    }

    /** How long initdb and the start took. */
    public Duration startup() {
        return startup;
    }

    private static Optional<Path> findBinaries() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) for (String dir : path.split(":")) if (!dir.isEmpty()) candidates.add(Path.of(dir));
        candidates.add(Path.of("/usr/local/bin"));
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                // newest major version first
                versions.sorted(Comparator.comparing(PostgresServer::majorVersion).reversed())
                        .forEach(v -> candidates.add(v.resolve("bin")));
            } catch (IOException e) {
                // an unreadable directory is as good as a missing one
            }
        }
        return candidates.stream()
                .filter(d -> Files.isExecutable(d.resolve("initdb")) && Files.isExecutable(d.resolve("pg_ctl")))
                .map(d -> d.resolve("initdb"))
                .map(PostgresServer::realParent)
                .findFirst();
    }

    private static int majorVersion(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Path realParent(Path file) {
        try {
            return file.toRealPath().getParent();
        } catch (IOException e) {
            return file.getParent();
        }
    }

    private static PostgresServer launch(Path bin) throws IOException {
        long started = System.nanoTime();
        List<String> runAs = unprivilegedPrefix();
        Path root = Files.createTempDirectory("peerform-pg-");
        // the unprivileged user must reach the directory; nobody else may write to it
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (!runAs.isEmpty()) run(List.of("chown", runAs.get(2), root.toString()), List.of(), root);
        Path data = root.resolve("data");
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER, "-A", "trust",
                "-E", "UTF8", "--no-locale", "--no-sync"), runAs, root);
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            // fsync off: a test server's durability is not under test, its speed is felt on every run
            String options = "-c listen_addresses=127.0.0.1 -p " + port + " -k " + root
                    + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100";
            try {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                        root.resolve("server.log").toString(), "-w", "-t", "60", "-o", options, "start"), runAs, root);
                return new PostgresServer(root, bin, port, runAs, Duration.ofNanos(System.nanoTime() - started));
            } catch (IOException e) {
                last = e; // most likely the port was taken between probing and binding
            }
        }
        deleteTree(root);
        throw last;
    }

    /** initdb refuses root: run the server as an existing unprivileged user. */
    private static List<String> unprivilegedPrefix() throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) return List.of();
        for (String user : List.of("postgres", "nobody")) {
            if (exitCode(List.of("id", "-u", user)) == 0) return List.of("runuser", "-u", user, "--");
        }
        throw new IOException("running as root and neither the user postgres nor nobody exists");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void stop() {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", root.resolve("data").toString(), "-m", "immediate",
                    "-w", "stop"), runAs, root);
        } catch (IOException e) {
            // the JVM is exiting: nothing left to tell
        }
        deleteTree(root);
    }

    private static int exitCode(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void run(List<String> command, List<String> prefix, Path dir) throws IOException {
        List<String> full = new ArrayList<>(prefix);
        full.addAll(command);
        Path output = Files.createTempFile("peerform-pg-cmd-", ".log");
        try {
            Process p = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", full) + ": no answer in 120 s");
            }
            if (p.exitValue() != 0) {
                String log = Files.readString(output, StandardCharsets.UTF_8).strip();
                throw new IOException(command.get(0) + " exited " + p.exitValue() + ": " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // leftovers in the temp directory are harmless
        }
    }
}
