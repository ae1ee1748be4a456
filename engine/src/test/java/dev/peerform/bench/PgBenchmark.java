package dev.peerform.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerform.addrs.InstanceAddress;
import dev.peerform.diag.Diagnostics;
import dev.peerform.json.TerraformJson;
import dev.peerform.states.FileJournal;
import dev.peerform.states.InstanceState;
import dev.peerform.states.State;
import dev.peerform.states.StateCodec;
import dev.peerform.states.StateStore;
import dev.peerform.states.StepJournal;
import dev.peerform.states.StepRecord;
import dev.peerform.testing.PostgresServer;
import dev.peerform.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The pg backend's benchmark (README, "Team state"), on a private PostgreSQL server started like the tests' one:
 * 8 processes applying to 8 workspaces at once and 2 to the same workspace (serialized, nothing lost); the cost
 * of persisting one step with 100 and 10,000 resources in state, pg beside the local journal; plan and apply of
 * 1,000 terraform_data on pg beside local, as whole processes. Run with {@code bench/run.sh pg}.
 */
public final class PgBenchmark {

    private static final Path LAUNCHER = Path.of("peerform").toAbsolutePath();
    private static final String PROVIDER = "provider[\"terraform.io/builtin/terraform\"]";

    private PgBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        PostgresServer server = PostgresServer.shared();
        concurrency(server);
        persistCost(server);
        sideBySide(server, 1_000);
    }

    /** 8 workspaces at once; then 2 runs on one workspace, each changing it: both land (serial + 2). */
    private static void concurrency(PostgresServer server) throws Exception {
        String db = server.newDatabase();
        Path dir = Files.createTempDirectory("peerform-bench-pg");
        Files.writeString(dir.resolve("main.tf"), "terraform {\n  backend \"pg\" {}\n}\nvariable \"v\" {\n"
                + "  default = \"a\"\n}\nresource \"terraform_data\" \"r\" {\n  count = 50\n"
                + "  input = \"${terraform.workspace}-${var.v}-${count.index}\"\n}\n");
        Map<String, String> env = Map.of("PG_CONN_STR", server.connStr(db));
        exec(dir, env, List.of(LAUNCHER.toString(), "init", "-input=false"));
        System.out.println("Part 1: concurrent runs (whole processes, 50 terraform_data each)");
        long t0 = System.nanoTime();
        List<Process> runs = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            runs.add(start(dir, withWorkspace(env, "w" + i), "apply", "-auto-approve", "-input=false"));
        }
        int failed = waitAll(runs);
        double parallel = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        exec(dir, withWorkspace(env, "w9"), List.of(LAUNCHER.toString(), "apply", "-auto-approve", "-input=false"));
        double single = (System.nanoTime() - t1) / 1e9;
        System.out.printf("  8 workspaces at once: %.1f s wall (one run alone: %.1f s), %d failed, %d workspaces "
                + "with 50 resources%n", parallel, single, failed, count(server, db,
                "SELECT count(*) FROM terraform_remote_state.states WHERE "
                + "json_array_length(data::json->'resources'->0->'instances') = 50"));

        Map<String, String> shared = withWorkspace(env, "shared");
        exec(dir, shared, List.of(LAUNCHER.toString(), "apply", "-auto-approve", "-input=false"));
        long before = serial(server, db, "shared");
        long t2 = System.nanoTime();
        List<Process> pair = List.of(
                start(dir, shared, "apply", "-auto-approve", "-input=false", "-lock-timeout=120s", "-var", "v=b"),
                start(dir, shared, "apply", "-auto-approve", "-input=false", "-lock-timeout=120s", "-var", "v=c"));
        int pairFailed = waitAll(pair);
        double pairTime = (System.nanoTime() - t2) / 1e9;
        long after = serial(server, db, "shared");
        System.out.printf("  2 runs on one workspace: %.1f s wall, %d failed, serial %d -> %d (%s)%n", pairTime,
                pairFailed, before, after, after - before == 2 ? "serialized, nothing lost"
                        : "LOST AN UPDATE");
    }

    /** The time to record one step (intent, then result) with N resources in state: pg and the local journal. */
    private static void persistCost(PostgresServer server) throws Exception {
        System.out.println("Part 2: persisting one step (intent + result), mean of 200, ms");
        System.out.printf("  %-10s %10s %10s%n", "resources", "pg", "local");
        for (int n : new int[] {100, 10_000}) {
            String db = server.newDatabase();
            Path dir = Files.createTempDirectory("peerform-bench-pg-step");
            Files.writeString(dir.resolve("main.tf"), "terraform {\n  backend \"pg\" {}\n}\n");
            Map<String, String> env = Map.of("PG_CONN_STR", server.connStr(db));
            exec(dir, env, List.of(LAUNCHER.toString(), "init", "-input=false"));
            Workspace ws = new Workspace(dir, env, Clock.systemUTC(), "bench");
            Workspace.Loaded loaded = ws.load(List.of(), false, new Diagnostics());
            StateStore store = loaded.store();
            State state = state(n);
            double pg;
            try (StateStore.Lock lock = store.lock("bench", Duration.ZERO)) {
                store.write(state);
                pg = steps(store.openJournal());
            }
            Path local = Files.createTempDirectory("peerform-bench-local-step");
            Files.write(local.resolve("terraform.tfstate"), StateCodec.write(state));
            double file = steps(new FileJournal(local.resolve("terraform.tfstate.journal")));
            System.out.printf("  %-10d %10.2f %10.2f%n", n, pg, file);
            if (loaded.backend() instanceof AutoCloseable c) {
                c.close();
            }
        }
    }

    private static double steps(StepJournal journal) {
        ObjectNode attrs = TerraformJson.MAPPER.createObjectNode().put("id", "x").put("input", "y");
        for (int i = 0; i < 20; i++) {
            record(journal, attrs, i); // warm-up
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            record(journal, attrs, i);
        }
        double ms = (System.nanoTime() - t0) / 1e6 / 200;
        journal.close();
        return ms;
    }

    private static void record(StepJournal journal, ObjectNode attrs, int i) {
        String address = "terraform_data.r" + i;
        journal.append(StepRecord.intent(address, PROVIDER, "update", false, "t" + i));
        journal.append(StepRecord.result(address, PROVIDER, "update", attrs, null, List.of(), false));
    }

    private static State state(int n) {
        State s = State.empty();
        s.ensureLineage();
        for (int i = 0; i < n; i++) {
            ObjectNode attrs = TerraformJson.MAPPER.createObjectNode().put("id", "id-" + i)
                    .put("input", "value-" + i).put("output", "value-" + i);
            attrs.putNull("triggers_replace");
            s.put(InstanceAddress.parse("terraform_data.r" + i), PROVIDER,
                    new InstanceState(0, attrs, null, List.of(), false, false, null));
        }
        return s;
    }

    /** Plan, apply and a no-op plan of N terraform_data in chains of 10, pg beside local. */
    private static void sideBySide(PostgresServer server, int n) throws Exception {
        System.out.println("Part 3: " + n + " terraform_data, whole processes, seconds");
        System.out.printf("  %-8s %8s %8s %12s%n", "backend", "plan", "apply", "no-op plan");
        for (String backend : List.of("local", "pg")) {
            Path dir = Files.createTempDirectory("peerform-bench-pg-side");
            Files.writeString(dir.resolve("main.tf"), GeneratedConfig.chains(n));
            Map<String, String> env = Map.of();
            if (backend.equals("pg")) {
                Files.writeString(dir.resolve("backend.tf"), "terraform {\n  backend \"pg\" {}\n}\n");
                env = Map.of("PG_CONN_STR", server.connStr(server.newDatabase()));
                exec(dir, env, List.of(LAUNCHER.toString(), "init", "-input=false"));
            }
            double plan = exec(dir, env, List.of(LAUNCHER.toString(), "plan", "-out=p.plan", "-input=false"));
            double apply = exec(dir, env, List.of(LAUNCHER.toString(), "apply", "-input=false", "p.plan"));
            double noop = exec(dir, env, List.of(LAUNCHER.toString(), "plan", "-detailed-exitcode", "-input=false"));
            System.out.printf("  %-8s %8.2f %8.2f %12.2f%n", backend, plan, apply, noop);
        }
    }

    private static Map<String, String> withWorkspace(Map<String, String> env, String name) {
        Map<String, String> out = new HashMap<>(env);
        out.put("TF_WORKSPACE", name);
        return out;
    }

    private static Process start(Path dir, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(LAUNCHER.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(Files.createTempFile(dir, "run", ".log").toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    private static int waitAll(List<Process> runs) throws Exception {
        int failed = 0;
        for (Process p : runs) {
            if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
                failed++;
            }
        }
        return failed;
    }

    private static double exec(Path dir, Map<String, String> env, List<String> cmd) throws Exception {
        long t0 = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("last-command.log").toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new IllegalStateException(String.join(" ", cmd) + " timed out");
        }
        if (p.exitValue() != 0 && p.exitValue() != 2) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: "
                    + Files.readString(dir.resolve("last-command.log")));
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static long serial(PostgresServer server, String db, String workspace) throws Exception {
        return count(server, db, "SELECT (data::json->>'serial')::bigint FROM terraform_remote_state.states WHERE "
                + "name = '" + workspace + "'");
    }

    private static long count(PostgresServer server, String db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(db)); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getLong(1) : -1;
        }
    }
}
