package dev.peerform.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * peerform as a user runs it: the launcher as a process, the apply confirmation typed into a real terminal (tmux),
 * and the plan policy over the plan JSON with jq. CI installs tmux and jq (.ci/run); a machine without them skips
 * those two tests and says why.
 */
class WorkflowProcessTest {

    private static final Path LAUNCHER = Path.of("..", "peerform").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    record Result(int code, String out) {
    }

    private static Result exec(Path cwd, Map<String, String> env, String... cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", cmd));
        }
        return new Result(p.exitValue(), out);
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void launcherRunsFromAnyDirectoryAndHonoursChdir() throws Exception {
        Result version = exec(dir, Map.of(), LAUNCHER.toString(), "version");
        assertEquals(0, version.code(), version.out());
        assertTrue(version.out().contains("peerform v"), version.out());
        Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("conf/main.tf"), "resource \"terraform_data\" \"a\" { input = 1 }\n");
        Result validate = exec(dir, Map.of(), LAUNCHER.toString(), "-chdir=conf", "validate");
        assertEquals(0, validate.code(), validate.out());
        assertTrue(validate.out().contains("Success! The configuration is valid."), validate.out());
        Result plan = exec(dir, Map.of(), LAUNCHER.toString(), "-chdir=conf", "plan", "-detailed-exitcode");
        assertEquals(2, plan.code(), plan.out());
    }

    @Test
    void applyAsksInATerminalAndProceedsOnYes() throws Exception {
        assumeTrue(onPath("tmux"), "tmux is not installed (CI installs it)");
        Files.writeString(dir.resolve("main.tf"), "resource \"terraform_data\" \"a\" { input = \"x\" }\n");
        String session = "peerform-test-" + ProcessHandle.current().pid();
        exec(dir, Map.of(), "tmux", "new-session", "-d", "-s", session, "-x", "160", "-y", "50",
                "cd '" + dir + "' && '" + LAUNCHER + "' apply; echo EXIT=$?; sleep 60");
        try {
            String screen = waitFor(session, "Enter a value:");
            assertTrue(screen.contains("Do you want to perform these actions?"), screen);
            exec(dir, Map.of(), "tmux", "send-keys", "-t", session, "yes", "Enter");
            screen = waitFor(session, "EXIT=");
            assertTrue(screen.contains("Apply complete! Resources: 1 added"), screen);
            assertTrue(screen.contains("EXIT=0"), screen);
        } finally {
            exec(dir, Map.of(), "tmux", "kill-session", "-t", session);
        }
    }

    private String waitFor(String session, String text) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        String screen = "";
        while (System.currentTimeMillis() < deadline) {
            screen = exec(dir, Map.of(), "tmux", "capture-pane", "-p", "-t", session, "-S", "-200").out();
            if (screen.contains(text)) {
                return screen;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("\"" + text + "\" never appeared; the screen:\n" + screen);
    }

    @Test
    void policyOverThePlanJsonRejectsAPlanThatDeletesAConnection() throws Exception {
        assumeTrue(onPath("jq"), "jq is not installed (CI installs it)");
        Scenario s = Scenario.example("vpc-peering-same-account", dir);
        Path policy = Path.of("..", "examples", "ci-drift-check", "policy", "deny-connection-deletes.sh")
                .toAbsolutePath().normalize();
        assertEquals(0, s.run("plan", "-out=create.plan").exitCode());
        Files.writeString(dir.resolve("create.json"), s.run("show", "-json", "create.plan").out());
        Result pass = exec(dir, Map.of(), "bash", policy.toString(), "create.json");
        assertEquals(0, pass.code(), pass.out());
        assertEquals(0, s.run("apply", "create.plan").exitCode());
        assertEquals(0, s.run("plan", "-destroy", "-out=destroy.plan").exitCode());
        Files.writeString(dir.resolve("destroy.json"), s.run("show", "-json", "destroy.plan").out());
        Result deny = exec(dir, Map.of(), "bash", policy.toString(), "destroy.json");
        assertEquals(1, deny.code(), deny.out());
        assertTrue(deny.out().contains("alicloud_router_interface_connection.initiator"), deny.out());
    }

    @Test
    void driftCheckScriptExitsZeroWhenCleanAndTwoOnDrift() throws Exception {
        Path script = Path.of("..", "examples", "ci-drift-check", "drift-check.sh").toAbsolutePath().normalize();
        Scenario s = Scenario.example("vpc-peering-same-account", dir);
        assertEquals(0, s.run("apply", "-auto-approve").exitCode());
        Map<String, String> env = Map.of("PEERFORM", LAUNCHER.toString(), "PEERFORM_EMULATOR_TRANSITION_MS", "20");
        assertEquals(0, exec(dir, env, "bash", script.toString(), ".").code());
        String ri = s.run("output", "-raw", "initiator_interface").out().trim();
        assertEquals(0, s.run("emulator", "suspend", ri).exitCode());
        Thread.sleep(1_200);
        Result drift = exec(dir, env, "bash", script.toString(), ".");
        assertEquals(2, drift.code(), drift.out());
        assertTrue(drift.out().contains("Drift or unapplied changes found"), drift.out());
    }

    /**
     * A service manager or CI runner stops a job with SIGTERM: peerform finishes the running step, records it and
     * releases the lock as for Ctrl-C, exits 1 (not 143, the status of a process the signal killed), and the next
     * apply finishes the work.
     */
    @Test
    void sigtermStopsAnApplyGracefullyLikeCtrlC() throws Exception {
        Scenario s = Scenario.example("vpc-peering-same-account", dir);
        ProcessBuilder pb = new ProcessBuilder(LAUNCHER.toString(), "apply", "-auto-approve", "-input=false")
                .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(Map.of("PEERFORM_EMULATOR_TRANSITION_MS", "1500", "NO_COLOR", "1"));
        Process p = pb.start();
        StringBuilder out = new StringBuilder();
        java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            out.append(line).append('\n');
            if (line.contains(": Connect") && line.endsWith("...")) {
                break;
            }
        }
        assertTrue(line != null, "no connection was being made:\n" + out);
        // as a service manager sends it (Process.destroy would close our end of its output)
        assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor());
        while ((line = lines.readLine()) != null) {
            out.append(line).append('\n');
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "did not stop:\n" + out);
        assertEquals(1, p.exitValue(), out.toString());
        assertTrue(out.toString().contains("Gracefully shutting down"), out.toString());
        assertTrue(!Files.exists(dir.resolve(".terraform.tfstate.lock.info")), "the lock is released:\n" + out);
        assertTrue(!Files.exists(dir.resolve("terraform.tfstate.journal")), "the state holds every step:\n" + out);
        Scenario.Run next = s.run("apply", "-auto-approve", "-input=false");
        assertEquals(0, next.exitCode(), next.out() + next.err());
        assertEquals(0, s.run("plan", "-detailed-exitcode", "-input=false").exitCode());
    }

    /** An interrupt at the approval prompt cancels the apply (the prompt must not outlive it) and frees the lock. */
    @Test
    void sigtermAtTheApprovalPromptCancelsTheApplyAndReleasesTheLock() throws Exception {
        Files.writeString(dir.resolve("main.tf"), "resource \"terraform_data\" \"a\" { input = \"x\" }\n");
        Process p = new ProcessBuilder(LAUNCHER.toString(), "apply").directory(dir.toFile())
                .redirectErrorStream(true).start(); // its standard input stays open: nobody answers
        StringBuilder out = new StringBuilder();
        java.io.InputStream in = p.getInputStream();
        int c;
        while (!out.toString().contains("Enter a value:") && (c = in.read()) >= 0) {
            out.append((char) c);
        }
        assertTrue(out.toString().contains("Enter a value:"), out.toString());
        assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "still waiting for an answer after the signal:\n" + out);
        out.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(1, p.exitValue(), out.toString());
        assertTrue(out.toString().contains("Apply cancelled."), out.toString());
        assertTrue(!Files.exists(dir.resolve(".terraform.tfstate.lock.info")), "the lock is released:\n" + out);
    }
}
