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
}
