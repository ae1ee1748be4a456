package dev.peerform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.testing.PostgresServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Team state on a real PostgreSQL server, driven through the CLI as a user drives it. */
class TeamStateTest {

    private static final String DATA = """
            terraform {
              backend "pg" {}
            }
            resource "terraform_data" "peer" {
              count = 3
              input = "peer-${terraform.workspace}-${count.index}"
            }
            output "peer" { value = terraform_data.peer[0].output }
            """;

    @TempDir
    Path dir;
    PostgresServer server;
    String database;
    Map<String, String> env;

    @BeforeEach
    void database() {
        server = PostgresServer.shared();
        database = server.newDatabase();
        env = new HashMap<>(Map.of("PG_CONN_STR", server.connStr(database)));
    }

    private CliRun cli(String... args) {
        return CliRun.in(dir, env, args);
    }

    private CliRun ok(String... args) {
        CliRun r = cli(args);
        assertEquals(0, r.exitCode(), String.join(" ", args) + "\n" + r.out() + r.err());
        return r;
    }

    private void config(String text) throws IOException {
        Files.writeString(dir.resolve("main.tf"), text);
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(database)); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            while (r.next()) out.add(r.getString(1));
        }
        return out;
    }

    @Test
    void everyExampleAppliesReplansCleanAndDestroysOnPgAsOnLocal() throws Exception {
        Path examples = Path.of("..", "examples").toAbsolutePath().normalize();
        List<Path> runnable;
        try (Stream<Path> dirs = Files.list(examples)) {
            runnable = dirs.filter(d -> Files.isRegularFile(d.resolve("main.tf"))).sorted().toList();
        }
        assertFalse(runnable.isEmpty());
        for (Path example : runnable) {
            Path work = dir.resolve(example.getFileName().toString());
            Files.createDirectories(work);
            try (Stream<Path> files = Files.list(example)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".tf") || p.toString().endsWith(".tfvars"))
                        .toList()) {
                    Files.copy(f, work.resolve(f.getFileName()));
                }
            }
            Files.writeString(work.resolve("backend.tf"), "terraform {\n  backend \"pg\" {\n    schema_name = \""
                    + example.getFileName() + "\"\n  }\n}\n");
            String name = example.getFileName().toString();
            step(work, name, 0, "init", "-input=false");
            step(work, name, 0, "apply", "-auto-approve", "-input=false");
            assertFalse(Files.exists(work.resolve("terraform.tfstate")), name + ": the state went to a local file");
            assertEquals(1, rows("SELECT count(*) FROM \"" + name + "\".states WHERE name = 'default' AND data LIKE "
                    + "'%\"resources\"%'").stream().mapToInt(Integer::parseInt).sum(), name);
            step(work, name, 0, "plan", "-detailed-exitcode", "-input=false");
            step(work, name, 0, "destroy", "-auto-approve", "-input=false");
            assertEquals(List.of("0"), rows("SELECT count(*) FROM \"" + name + "\".peerform_steps"), name);
        }
    }

    private void step(Path work, String name, int exit, String... args) {
        CliRun r = CliRun.in(work, env, args);
        assertEquals(exit, r.exitCode(), name + ": " + String.join(" ", args) + "\n" + r.out() + r.err());
    }

    @Test
    void initRecordsTheBackendAsTerraformDoesAndPrintsNoCredential() throws Exception {
        config(DATA);
        env.remove("PG_CONN_STR");
        String secret = server.connStr(database).replace("peerform@", "peerform:s3cret-pw@");
        CliRun init = ok("init", "-backend-config=conn_str=" + secret, "-backend-config=schema_name=team");
        assertFalse((init.out() + init.err()).contains("s3cret"), init.out());
        String recorded = Files.readString(dir.resolve(".terraform/terraform.tfstate"));
        assertTrue(recorded.contains("\"type\" : \"pg\"") || recorded.contains("\"type\": \"pg\""), recorded);
        assertTrue(recorded.contains("\"schema_name\" : \"team\"") || recorded.contains("\"schema_name\": \"team\""));
        assertTrue(recorded.contains("\"skip_table_creation\" : null")
                || recorded.contains("\"skip_table_creation\": null"), recorded);
        CliRun apply = ok("apply", "-auto-approve");
        assertFalse((apply.out() + apply.err()).contains("s3cret"));
        assertEquals(List.of("default"), rows("SELECT name FROM team.states"));
        assertFalse(rows("SELECT data FROM team.states").get(0).contains("s3cret"));
    }

    @Test
    void backendConfigFileArgumentsAreMergedOverTheBlock() throws Exception {
        config(DATA.replace("backend \"pg\" {}", "backend \"pg\" {\n    schema_name = \"from_block\"\n  }"));
        Files.writeString(dir.resolve("team.pg.hcl"), "schema_name = \"from_file\"\nskip_index_creation = true\n");
        ok("init", "-backend-config=team.pg.hcl");
        ok("apply", "-auto-approve");
        assertEquals(List.of("default"), rows("SELECT name FROM from_file.states"));
        assertEquals(List.of(), rows("SELECT indexname FROM pg_indexes WHERE indexname = 'states_by_name'"));
        ok("init"); // again without the file: the recorded configuration stands
        assertEquals(0, cli("plan", "-detailed-exitcode").exitCode());
        Files.writeString(dir.resolve("bad.hcl"), "bucket = \"x\"\n");
        assertEquals(1, cli("init", "-backend-config=bad.hcl").exitCode());
    }

    @Test
    void forceUnlockEndsTheHoldersSessionAndTheNextRunProceeds() throws Exception {
        config(DATA);
        ok("init");
        ok("apply", "-auto-approve");
        Process holder = holder("default", "600");
        try {
            CliRun refused = cli("plan");
            assertEquals(1, refused.exitCode());
            String id = refused.err().lines().filter(l -> l.trim().startsWith("ID:")).findFirst().orElseThrow()
                    .trim().substring(3).trim();
            assertEquals(1, cli("force-unlock", "-force", "not-" + id).exitCode());
            ok("force-unlock", "-force", id);
            ok("plan");
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    @Test
    void aPgBackendWithoutInitIsRefusedButValidates() throws Exception {
        config(DATA);
        assertEquals(0, cli("validate").exitCode());
        CliRun plan = cli("plan");
        assertEquals(1, plan.exitCode());
        assertTrue(plan.err().contains("Backend initialization required"), plan.err());
    }

    @Test
    void anUnsupportedBackendIsAClearErrorNamingTheSupportedOnes() throws Exception {
        config("terraform {\n  backend \"s3\" {}\n}\n");
        CliRun plan = cli("plan");
        assertEquals(1, plan.exitCode());
        assertTrue(plan.err().contains("\"local\" and \"pg\""), plan.err());
    }

    @Test
    void initMigrateStateMovesEveryWorkspaceLocalToPgAndBack() throws Exception {
        config(DATA.replace("backend \"pg\" {}", "backend \"local\" {}"));
        ok("init");
        ok("apply", "-auto-approve");
        ok("workspace", "new", "staging");
        ok("apply", "-auto-approve");
        assertTrue(Files.isRegularFile(dir.resolve("terraform.tfstate.d/staging/terraform.tfstate")));
        assertEquals("staging", Files.readString(dir.resolve(".terraform/environment")));

        config(DATA);
        assertEquals(1, cli("plan").exitCode());
        CliRun migrate = ok("init", "-migrate-state", "-force-copy");
        assertTrue(migrate.out().contains("default, staging"), migrate.out());
        assertEquals(List.of("default", "staging"), rows("SELECT name FROM terraform_remote_state.states ORDER BY name"));
        assertEquals("  default\n* staging\n\n", ok("workspace", "list").out());
        assertEquals(0, cli("plan", "-detailed-exitcode").exitCode());
        assertEquals("peer-staging-0", ok("output", "-raw", "peer").out());

        // changed on pg, then back to local: the local files get pg's states
        config(DATA.replace("-${count.index}", "-${count.index}-v2"));
        ok("apply", "-auto-approve");
        config(DATA.replace("-${count.index}", "-${count.index}-v2").replace("backend \"pg\" {}",
                "backend \"local\" {}"));
        ok("init", "-migrate-state", "-force-copy");
        assertEquals(0, cli("plan", "-detailed-exitcode").exitCode());
        assertTrue(Files.readString(dir.resolve("terraform.tfstate.d/staging/terraform.tfstate"))
                .contains("peer-staging-0-v2"));
        ok("workspace", "select", "default");
        assertEquals("peer-default-0", ok("output", "-raw", "peer").out());
    }

    @Test
    void remoteStateReadsAnotherConfigurationsOutputsFromPgAndLocalWithDefaults() throws Exception {
        config(DATA);
        ok("init");
        ok("workspace", "new", "staging");
        ok("apply", "-auto-approve");
        Path reader = dir.resolve("reader");
        Files.createDirectories(reader);
        Files.writeString(dir.resolve("local.tfstate"), ok("state", "pull").out());
        Files.writeString(reader.resolve("main.tf"), """
                data "terraform_remote_state" "team" {
                  backend   = "pg"
                  workspace = "staging"
                  defaults  = { region = "cn-hangzhou", peer = "unused" }
                }
                data "terraform_remote_state" "file" {
                  backend = "local"
                  config  = { path = "../local.tfstate" }
                }
                data "terraform_remote_state" "empty" {
                  backend = "pg"
                }
                output "peer" { value = data.terraform_remote_state.team.outputs.peer }
                output "region" { value = data.terraform_remote_state.team.outputs.region }
                output "file" { value = data.terraform_remote_state.file.outputs.peer }
                output "none" { value = length(data.terraform_remote_state.empty.outputs) }
                """);
        CliRun apply = CliRun.in(reader, env, "apply", "-auto-approve");
        assertEquals(0, apply.exitCode(), apply.out() + apply.err());
        assertEquals("peer-staging-0", CliRun.in(reader, env, "output", "-raw", "peer").out());
        assertEquals("cn-hangzhou", CliRun.in(reader, env, "output", "-raw", "region").out());
        assertEquals("peer-staging-0", CliRun.in(reader, env, "output", "-raw", "file").out());
        assertEquals("0", CliRun.in(reader, env, "output", "-raw", "none").out());
    }

    @Test
    void changedBackendWithoutMigrateOrReconfigureIsRefused() throws Exception {
        config(DATA.replace("backend \"pg\" {}", "backend \"local\" {}"));
        ok("init");
        ok("apply", "-auto-approve");
        config(DATA);
        ok("init", "-reconfigure");
        assertEquals(List.of(), rows("SELECT name FROM terraform_remote_state.states WHERE data LIKE '%peer-%'"));
        ok("apply", "-auto-approve");
        config(DATA.replace("backend \"pg\" {}", "backend \"local\" {}"));
        CliRun init = cli("init", "-input=false");
        assertEquals(1, init.exitCode());
        assertTrue(init.err().contains("Backend configuration changed"), init.err());
        assertEquals(1, cli("plan").exitCode());
    }

    @Test
    void workspaceDeleteRefusesANonEmptyStateWithoutForceAndRefusesDefault() throws Exception {
        config(DATA);
        ok("init");
        ok("workspace", "new", "blue");
        ok("apply", "-auto-approve");
        CliRun active = cli("workspace", "delete", "blue");
        assertTrue(active.err().contains("is your active workspace"), active.err());
        ok("workspace", "select", "default");
        CliRun tracked = cli("workspace", "delete", "blue");
        assertEquals(1, tracked.exitCode());
        assertTrue(tracked.err().contains("terraform_data.peer[0]"), tracked.err());
        ok("workspace", "delete", "-force", "blue");
        assertEquals(List.of(), rows("SELECT name FROM terraform_remote_state.states"));
        assertEquals(1, cli("workspace", "delete", "default").exitCode());
        assertEquals(1, cli("workspace", "select", "ghost").exitCode());
        env.put("TF_WORKSPACE", "green");
        assertEquals("green\n", ok("workspace", "show").out());
        assertEquals(1, cli("workspace", "select", "default").exitCode());
    }

    @Test
    void secondRunOnTheSameWorkspaceIsRefusedNamingTheHolderAndLockTimeoutWaits() throws Exception {
        config(DATA);
        ok("init");
        ok("apply", "-auto-approve");
        Process holder = holder("default", "4");
        try {
            CliRun refused = cli("apply", "-auto-approve");
            assertEquals(1, refused.exitCode());
            assertTrue(refused.err().contains("Workspace is already locked: default"), refused.err());
            assertTrue(refused.err().contains("Operation: OperationTypeApply"), refused.err());
            assertTrue(refused.err().contains("Who:       holder@"), refused.err());
            long start = System.nanoTime();
            ok("plan", "-lock-timeout=30s");
            assertTrue(System.nanoTime() - start > TimeUnit.SECONDS.toNanos(1), "plan did not wait for the lock");
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    @Test
    void runsOnDifferentWorkspacesProceedInParallel() throws Exception {
        config(DATA);
        ok("init");
        Process holder = holder("blue", "60");
        try {
            env.put("TF_WORKSPACE", "green");
            ok("apply", "-auto-approve");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<CliRun>> runs = new ArrayList<>();
            for (String ws : List.of("w1", "w2", "w3", "w4")) {
                Map<String, String> own = new HashMap<>(env);
                own.put("TF_WORKSPACE", ws);
                runs.add(pool.submit((Callable<CliRun>) () -> CliRun.in(dir, own, "apply", "-auto-approve")));
            }
            for (Future<CliRun> f : runs) {
                CliRun r = f.get(120, TimeUnit.SECONDS);
                assertEquals(0, r.exitCode(), r.out() + r.err());
            }
            pool.shutdown();
            env.put("TF_WORKSPACE", "blue");
            assertEquals(1, cli("plan").exitCode());
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    @Test
    void killNineOfARunHoldingThePgLockLeavesNothingToClean() throws Exception {
        config(DATA);
        ok("init");
        ok("apply", "-auto-approve");
        Process holder = holder("default", "600");
        assertEquals(1, cli("plan").exitCode());
        holder.destroyForcibly().waitFor(); // SIGKILL: no unlock, no cleanup
        CliRun next = ok("apply", "-auto-approve");
        assertTrue(next.out().contains("Recovered an interrupted run"), next.out());
        assertEquals(List.of("0"), rows("SELECT count(*) FROM terraform_remote_state.peerform_steps"));
        assertEquals(0, cli("plan", "-detailed-exitcode").exitCode());
        assertEquals(3, ok("state", "list").out().lines().count());
    }

    /**
     * Another process holding a workspace's lock, as a run would: it locks, appends one step record, says
     * "locked", then sleeps for {@code seconds}.
     */
    private Process holder(String workspace, String seconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), server.connStr(database),
                workspace, seconds).redirectErrorStream(true);
        Process p = pb.start();
        InputStream in = p.getInputStream();
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!seen.toString().contains("locked") && System.nanoTime() < deadline) {
            int c = in.read();
            if (c < 0) break;
            seen.append((char) c);
        }
        assertTrue(seen.toString().contains("locked"), seen.toString());
        return p;
    }

    @Test
    void terraformReadsWhatPeerformWroteWithNothingToChangeAndTheOtherWayRound() throws Exception {
        Assumptions.assumeTrue(Stream.of(System.getenv("PATH").split(":"))
                .anyMatch(p -> Files.isExecutable(Path.of(p, "terraform"))), "terraform is not on the PATH");
        config(DATA);
        ok("init");
        ok("apply", "-auto-approve");
        ok("workspace", "new", "staging");
        ok("apply", "-auto-approve");
        Files.writeString(dir.resolve("terraformrc"), "");
        assertEquals(0, terraform("init", "-input=false"), "terraform init");
        assertEquals(0, terraform("plan", "-detailed-exitcode", "-input=false"), "terraform plan on staging");
        Files.delete(dir.resolve(".terraform/environment"));
        assertEquals(0, terraform("plan", "-detailed-exitcode", "-input=false"), "terraform plan on default");

        // and Terraform's writes, read by peerform
        config(DATA.replace("-${count.index}", "-${count.index}-tf"));
        assertEquals(0, terraform("apply", "-auto-approve", "-input=false"), "terraform apply");
        Files.delete(dir.resolve(".terraform/terraform.tfstate"));
        ok("init");
        assertEquals(0, cli("plan", "-detailed-exitcode").exitCode());
        assertEquals("peer-default-0-tf", ok("output", "-raw", "peer").out());
    }

    private int terraform(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("terraform"));
        command.addAll(List.of(args));
        command.add("-no-color");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("PG_CONN_STR", server.connStr(database));
        pb.environment().put("TF_CLI_CONFIG_FILE", dir.resolve("terraformrc").toString());
        pb.environment().put("CHECKPOINT_DISABLE", "1");
        pb.environment().remove("TF_WORKSPACE");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        if (p.exitValue() != 0) System.err.println(out);
        return p.exitValue();
    }
}
