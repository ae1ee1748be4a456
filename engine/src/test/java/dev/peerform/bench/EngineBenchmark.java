package dev.peerform.bench;

import dev.peerform.apply.Applier;
import dev.peerform.apply.ApplyListener;
import dev.peerform.apply.Interrupt;
import dev.peerform.apply.RetryPolicy;
import dev.peerform.builtin.TerraformProvider;
import dev.peerform.diag.Diagnostics;
import dev.peerform.engine.TestCloud;
import dev.peerform.planner.Planner;
import dev.peerform.providers.ProviderSet;
import dev.peerform.states.FileJournal;
import dev.peerform.states.State;
import dev.peerform.states.StepJournal;
import dev.peerform.states.StepRecord;
import dev.peerform.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The engine benchmark (README, "Benchmarks"). Part 1, whole processes side by side with Terraform when it is on
 * the PATH: plan from empty state, apply of that plan, and a no-op plan of N terraform_data resources in chains of
 * 10, for N = 1,000, 5,000 and 10,000. Part 2, in process with the in-memory test cloud: read calls per refresh,
 * apply time against the critical-path bound with injected latency, and the cost of persisting one step as the
 * state grows. Run with {@code bench/run.sh engine}; {@code bench/run.sh engine growth [sizes]} measures every command
 * from 1,000 to 50,000 resources instead ({@link EngineGrowth}).
 */
public final class EngineBenchmark {

    private static final Path JAR = Path.of("engine/target/peerform.jar").toAbsolutePath();
    private static final Path LAUNCHER = Path.of("peerform").toAbsolutePath();

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("growth")) {
            EngineGrowth.run(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        int[] sizes = args.length > 0 ? java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
                : new int[] {1_000, 5_000, 10_000};
        boolean terraform = LanguageBenchmark.onPath("terraform");
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("build the jar first: ./peerform version");
        }
        System.out.println("Part 1: whole processes (seconds; max RSS in MB where /usr/bin/time exists)");
        System.out.printf("%-7s %-10s %10s %10s %12s %10s%n", "N", "tool", "plan", "apply", "no-op plan",
                "RSS(MB)");
        for (int n : sizes) {
            Path dir = Files.createTempDirectory("peerform-bench-engine");
            Files.writeString(dir.resolve("main.tf"), GeneratedConfig.chains(n));
            double[] ours = run(dir, List.of(LAUNCHER.toString()), 600);
            print(n, "peerform", ours);
            if (terraform) {
                Path tf = Files.createTempDirectory("peerform-bench-terraform");
                Files.writeString(tf.resolve("main.tf"), GeneratedConfig.chains(n));
                exec(tf, List.of("terraform", "init", "-input=false", "-no-color"), 120);
                long applyLimit = n <= 1_000 ? 600 : 120;
                double[] theirs = run(tf, List.of("terraform"), applyLimit);
                print(n, "terraform", theirs);
                System.out.printf("%-7s %-10s %9.1fx %9.1fx %11.1fx%n", "", "speed-up", theirs[0] / ours[0],
                        theirs[1] / ours[1], theirs[2] / ours[2]);
            }
        }
        System.out.println();
        inProcess();
    }

    private static void print(int n, String tool, double[] r) {
        System.out.printf("%-7d %-10s %10s %10s %12s %10s%n", n, tool, fmt(r[0]), fmt(r[1]), fmt(r[2]),
                r[3] > 0 ? String.format("%.0f", r[3]) : "-");
    }

    private static String fmt(double s) {
        return Double.isNaN(s) ? "timeout" : String.format("%.2f", s);
    }

    /** plan -out, apply of it, no-op plan; seconds each (NaN on timeout), and the largest RSS seen. */
    private static double[] run(Path dir, List<String> cmd, long applyLimitSeconds) throws Exception {
        double[] plan = exec(dir, concat(cmd, "plan", "-out=p.plan", "-input=false", "-no-color"), 600);
        double[] apply = exec(dir, concat(cmd, "apply", "-input=false", "-no-color", "p.plan"), applyLimitSeconds);
        double[] noop = Double.isNaN(apply[0]) ? new double[] {Double.NaN, 0}
                : exec(dir, concat(cmd, "plan", "-detailed-exitcode", "-input=false", "-no-color"), 600);
        return new double[] {plan[0], apply[0], noop[0], Math.max(plan[1], Math.max(apply[1], noop[1]))};
    }

    private static List<String> concat(List<String> cmd, String... more) {
        List<String> out = new ArrayList<>(cmd);
        out.addAll(List.of(more));
        return out;
    }

    /** Runs a command; seconds taken (NaN when it timed out) and max RSS in MB (0 when unknown). */
    private static double[] exec(Path dir, List<String> cmd, long limitSeconds) throws Exception {
        List<String> full = new ArrayList<>();
        Path rss = Files.createTempFile("rss", ".txt");
        boolean timed = Files.isExecutable(Path.of("/usr/bin/time"));
        if (timed) {
            full.addAll(List.of("/usr/bin/time", "-f", "%M", "-o", rss.toString()));
        }
        full.addAll(cmd);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("last-command.log").toFile()).start();
        if (!p.waitFor(limitSeconds, TimeUnit.SECONDS)) {
            // /usr/bin/time's child must go too: a timed-out run left running would slow every later measurement
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
            return new double[] {Double.NaN, 0};
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        int code = p.exitValue();
        if (code != 0 && code != 2) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed (" + code + "): "
                    + Files.readString(dir.resolve("last-command.log")));
        }
        double mb = 0;
        if (timed) {
            String text = Files.readString(rss).trim();
            String[] lines = text.split("\n");
            try {
                mb = Long.parseLong(lines[lines.length - 1].trim()) / 1024.0;
            } catch (NumberFormatException ignored) {
                mb = 0;
            }
        }
        return new double[] {seconds, mb};
    }

    // ---- part 2: in process, with the in-memory test cloud -----------------------------------------------

    private static void inProcess() throws Exception {
        System.out.println("Part 2: in process, in-memory test cloud");
        refreshCalls(10_000);
        latencyBound(40, 5, 10, Duration.ofMillis(40));
        persistCost();
    }

    private static Workspace workspace(Path dir, TestCloud cloud) {
        return new Workspace(dir, Map.of(), Clock.systemUTC(), "bench",
                ProviderSet.of(List.of(cloud, new TerraformProvider()), Map.of()));
    }

    private static String things(int n, int chainLength) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("resource \"testcloud_thing\" \"t").append(i).append("\" {\n  name = \"t").append(i).append("\"\n");
            if (chainLength > 1 && i % chainLength != 0) {
                b.append("  parent_id = testcloud_thing.t").append(i - 1).append(".id\n");
            }
            b.append("}\n");
        }
        return b.toString();
    }

    private static Applier.Result apply(Workspace w, int parallelism) throws IOException {
        Diagnostics diags = new Diagnostics();
        Workspace.Loaded l = w.load(List.of(), true, diags);
        State s = w.readState(l, diags);
        Planner.Result p = w.plan(l, s, Planner.Options.DEFAULT, diags);
        if (diags.hasErrors()) {
            throw new IllegalStateException(diags.toString());
        }
        return w.apply(l, p.plan(), p.refreshed(), new Applier.Options(parallelism, Duration.ofMinutes(5),
                RetryPolicy.DEFAULT, Clock.systemUTC(), 1, Duration.ofSeconds(10)), ApplyListener.NONE,
                new Interrupt(), diags);
    }

    private static void refreshCalls(int n) throws Exception {
        Path dir = Files.createTempDirectory("peerform-bench-refresh");
        Files.writeString(dir.resolve("main.tf"), things(n, 1));
        TestCloud cloud = new TestCloud();
        Workspace w = workspace(dir, cloud);
        apply(w, 10);
        cloud.readCalls.set(0);
        Diagnostics diags = new Diagnostics();
        Workspace.Loaded l = w.load(List.of(), true, diags);
        long t0 = System.nanoTime();
        w.plan(l, w.readState(l, diags), Planner.Options.DEFAULT, diags);
        double ms = (System.nanoTime() - t0) / 1e6;
        System.out.printf("  refresh of %,d instances: %d read calls (%.1f instances per call; target >= 50), "
                + "no-op plan %.0f ms%n", n, cloud.readCalls.get(), n / (double) cloud.readCalls.get(), ms);
    }

    private static void latencyBound(int chains, int length, int parallelism, Duration latency) throws Exception {
        Path dir = Files.createTempDirectory("peerform-bench-latency");
        Files.writeString(dir.resolve("main.tf"), things(chains * length, length));
        TestCloud cloud = new TestCloud();
        cloud.latency = latency;
        long t0 = System.nanoTime();
        apply(workspace(dir, cloud), parallelism);
        double seconds = (System.nanoTime() - t0) / 1e9;
        int stepsPerResource = 2; // create, then wait
        double bound = Math.ceil(chains / (double) parallelism) * length * stepsPerResource
                * latency.toMillis() / 1000.0;
        System.out.printf("  %d chains x %d resources, %d steps each, %d ms per call, parallelism %d: %.2f s; "
                + "critical-path bound %.2f s; ratio %.2f (target <= 1.2)%n", chains, length, stepsPerResource,
                latency.toMillis(), parallelism, seconds, bound, seconds / bound);
    }

    private static void persistCost() throws Exception {
        for (int n : new int[] {100, 10_000}) {
            Path dir = Files.createTempDirectory("peerform-bench-persist");
            Files.writeString(dir.resolve("main.tf"), things(n, 1));
            TestCloud cloud = new TestCloud();
            Workspace w = workspace(dir, cloud);
            apply(w, 10);
            Path journalPath = dir.resolve("bench.journal");
            int steps = 2_000;
            try (StepJournal j = new FileJournal(journalPath)) {
                j.append(StepRecord.intent("testcloud_thing.t0", "p", "warm", true, "t"));
                long t0 = System.nanoTime();
                for (int i = 0; i < steps; i++) {
                    j.append(StepRecord.intent("testcloud_thing.t0", "p", "s" + i, false, "tok" + i));
                }
                double us = (System.nanoTime() - t0) / 1e3 / steps;
                System.out.printf("  persisting one step (journal append + fsync) with %,6d resources in state: "
                        + "%.1f us%n", n, us);
            }
        }
    }
}
