package dev.peerform.states.pg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Terraform and the store on one database, each reading and locking what the other wrote. Needs terraform. */
class PgTerraformInteropTest {
    private static final String CONFIG = """
            terraform {
              backend "pg" {}
            }
            resource "terraform_data" "peer" {
              input = "peer-${terraform.workspace}"
            }
            output "peer" {
              value = terraform_data.peer.output
            }
            """;

    @TempDir
    Path dir;
    PgTestDatabase db;

    @BeforeEach
    void terraformAndADatabase() throws Exception {
        Assumptions.assumeTrue(onPath("terraform"), "terraform is not on the PATH: the interop tests need it");
        db = new PgTestDatabase();
        Files.writeString(dir.resolve("main.tf"), CONFIG);
        Files.writeString(dir.resolve("terraformrc"), "");
        terraform("init", "-input=false");
    }

    @Test
    void terraformReadsTheStatesTheStoreWroteInEveryWorkspace() throws Exception {
        String rows = PgTestDatabase.resource("pg/terraform/rows.json");
        try (PgStateStore store = db.open()) {
            store.write("default", stateOf(rows, "default"));
            store.write("staging", stateOf(rows, "staging"));
        }
        assertEquals(List.of("default", "staging"), terraform("workspace", "list").lines()
                .map(l -> l.replace("*", "").strip()).filter(l -> !l.isEmpty()).toList());
        assertEquals("peer-default", terraform("output", "-raw", "peer"));
        assertEquals("peer-staging", terraformIn("staging", "output", "-raw", "peer"));
    }

    @Test
    void storeReadsTheStateTerraformWrote() throws Exception {
        terraform("apply", "-auto-approve", "-input=false");
        try (PgStateStore store = db.open()) {
            String state = new String(store.read("default").orElseThrow(), StandardCharsets.UTF_8);
            assertTrue(state.contains("\"peer-default\""), state);
            assertEquals(List.of("default"), store.workspaces());
        }
    }

    @Test
    void terraformIsRefusedWhileTheStoreHoldsTheWorkspaceLock() throws Exception {
        try (PgStateStore store = db.open();
             PgLock lock = store.lock("default", PgTestDatabase.info("OperationTypeApply"), Duration.ZERO,
                     PgTestDatabase.EMPTY_STATE)) {
            Result plan = run(List.of("terraform", "plan", "-input=false", "-lock-timeout=0s", "-no-color"), null);
            assertNotEquals(0, plan.exit());
            assertTrue(plan.output().contains("Workspace is already locked: default"), plan.output());
        }
        assertEquals(0, run(List.of("terraform", "plan", "-input=false", "-no-color"), null).exit());
    }

    @Test
    void storeIsRefusedWhileTerraformHoldsTheWorkspaceLockAndNamesItsSession() throws Exception {
        terraform("apply", "-auto-approve", "-input=false");
        Process apply = start(List.of("terraform", "apply", "-no-color", "-replace=terraform_data.peer"));
        try {
            waitForPrompt(apply);
            try (PgStateStore store = db.open()) {
                PgLockRefused refused = assertThrows(PgLockRefused.class,
                        () -> store.lock("default", PgTestDatabase.info("OperationTypeApply"), Duration.ZERO,
                                PgTestDatabase.EMPTY_STATE));
                assertEquals("Workspace is already locked: default", refused.reason());
                assertTrue(refused.holder().isEmpty());
                assertTrue(refused.holderPid().isPresent());
            }
            try (OutputStream answer = apply.getOutputStream()) {
                answer.write("no\n".getBytes(StandardCharsets.UTF_8));
            }
            assertTrue(apply.waitFor(60, TimeUnit.SECONDS));
        } finally {
            apply.destroyForcibly();
        }
        try (PgStateStore store = db.open();
             PgLock lock = store.lock("default", PgTestDatabase.info("OperationTypeApply"), Duration.ofSeconds(5),
                     PgTestDatabase.EMPTY_STATE)) {
            assertTrue(lock.stillHeld());
        }
    }

    private record Result(int exit, String output) {}

    private String terraform(String... args) throws Exception {
        return terraformIn(null, args);
    }

    private String terraformIn(String workspace, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("terraform"));
        command.addAll(List.of(args));
        command.add("-no-color");
        Result r = run(command, workspace);
        assertEquals(0, r.exit(), String.join(" ", command) + ":\n" + r.output());
        return r.output();
    }

    private Result run(List<String> command, String workspace) throws Exception {
        ProcessBuilder pb = builder(command);
        if (workspace != null) pb.environment().put("TF_WORKSPACE", workspace);
        Process p = pb.redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out);
    }

    private Process start(List<String> command) throws IOException {
        return builder(command).redirectErrorStream(true).start();
    }

    private ProcessBuilder builder(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.put("PG_CONN_STR", db.server.connStr(db.name));
        env.put("TF_CLI_CONFIG_FILE", dir.resolve("terraformrc").toString());
        env.put("TF_IN_AUTOMATION", "1");
        env.put("CHECKPOINT_DISABLE", "1");
        env.remove("TF_WORKSPACE");
        return pb;
    }

    private static void waitForPrompt(Process p) throws Exception {
        InputStream in = p.getInputStream();
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            int b = in.read();
            if (b < 0) break;
            seen.write(b);
            if (seen.toString(StandardCharsets.UTF_8).contains("Enter a value")) return;
        }
        throw new AssertionError("terraform apply never prompted:\n" + seen.toString(StandardCharsets.UTF_8));
    }

    /** One workspace's state from rows.json, as the bytes Terraform stored. */
    private static byte[] stateOf(String rowsJson, String workspace) throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (JsonNode row : json.readTree(rowsJson)) {
            if (row.get("name").asText().equals(workspace)) {
                return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(row.get("data"));
            }
        }
        throw new AssertionError("no row " + workspace + " in rows.json");
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(":")) if (Files.isExecutable(Path.of(d, program))) return true;
        return false;
    }
}
