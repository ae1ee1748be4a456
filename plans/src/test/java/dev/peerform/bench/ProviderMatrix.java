package dev.peerform.bench;

import dev.peerform.emulator.Emulator;
import dev.peerform.emulator.Faults;
import dev.peerform.emulator.Seed;
import dev.peerform.emulator.cloud.Cloud;
import dev.peerform.emulator.cloud.Durations;
import dev.peerform.emulator.cloud.Model;
import dev.peerform.emulator.cloud.Quotas;
import dev.peerform.emulator.cloud.World;
import dev.peerform.emulator.store.FileStore;
import dev.peerform.emulator.wire.EmulatorServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The provider benchmark's matrix (README, "Benchmarks"): for each size and mode (embedded with zero transition
 * time; over HTTP with the emulator's default transition times and a latency on every call), N peerings with
 * routes both ways: plan from empty state (the VPCs exist), apply, a no-op plan after that real apply, destroy;
 * whole processes, calls counted by the emulator. Apply is set against the critical-path bound of issue 18 and
 * against the bound of the slots' work. {@code PEERFORM_BENCH_BEFORE} runs another build's launcher on the same
 * world before this build's.
 */
final class ProviderMatrix {

    private ProviderMatrix() {
    }

    /** Embedded (latency null, zero transition time) or over HTTP with {@code latencyMs} on every call. */
    record Mode(String name, Long latencyMs) {
        static final Mode EMBEDDED = new Mode("embedded", null);
        static final List<Mode> DEFAULTS = List.of(EMBEDDED, new Mode("HTTP 0 ms", 0L), new Mode("HTTP 100 ms", 100L));

        boolean embedded() {
            return latencyMs == null;
        }

        /** The transitions the cloud takes in this mode. */
        Durations transitions() {
            return embedded() ? Durations.INSTANT : Durations.EMBEDDED_DEFAULTS;
        }

        long latency() {
            return embedded() ? 0 : latencyMs;
        }
    }

    /** One command's figures. */
    record Step(double seconds, int calls, Map<String, Long> byAction, int exit, Map<String, String> timeline,
            double beforeCalls, double afterCalls) {

        /** Where the wall time went: before the first call reached the cloud, between the calls, after the last. */
        String phases() {
            return calls == 0 ? "no calls" : String.format("%.2f s before the first call, %.2f s of calls, %.2f s "
                    + "after the last", beforeCalls, seconds - beforeCalls - afterCalls, afterCalls);
        }
    }

    /** A launcher's plan from empty, apply, no-op plan and destroy. */
    record Result(Step plan, Step apply, Step noop, Step destroy) {
    }

    /**
     * The calls one peering's apply needs one after another: create the interfaces (both at once), set the
     * opposite information (both at once), connect, the read that sees Active, create the routes (both tables at
     * once), the read that sees them Available. Between them the connect's and the route's transition times.
     */
    static final int CHAIN = 6;

    /** The changing calls a peering's apply makes, each holding a slot: 2 creates, 2 opposites, connect, 2 routes. */
    static final int WORK = 7;

    static final int PARALLELISM = 10;

    /** Runs of a combination predicted longer than this are skipped, and say so. */
    private static final double LONGEST_SECONDS = 600;

    static List<Integer> sizes(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    static List<Mode> modes(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).map(m -> m.equals("embedded") ? Mode.EMBEDDED
                : new Mode("HTTP " + Long.parseLong(m) + " ms", Long.parseLong(m))).toList();
    }

    static void run(List<Integer> sizes, List<Mode> modes) throws Exception {
        List<String> launchers = launchers();
        List<String> table = new ArrayList<>();
        for (Mode mode : modes) {
            for (int n : sizes) {
                double predicted = predicted(mode, n) * launchers.size();
                if (predicted > LONGEST_SECONDS) {
                    String line = String.format("%s, %,d peerings: skipped, predicted %.0f s (over %.0f)", mode.name(),
                            n, predicted, LONGEST_SECONDS);
                    System.out.println(line);
                    table.add("| " + mode.name() + " | " + n + " | skipped: predicted " + Math.round(predicted)
                            + " s | | | | | |");
                    continue;
                }
                for (String launcher : launchers) {
                    Result r = one(mode, n, launcher);
                    print(mode, n, launcher, r);
                    table.add(row(mode, n, launcher, r));
                }
            }
        }
        System.out.println();
        System.out.println("| mode | peerings | launcher | plan from empty | apply (calls per peering) | apply / bound "
                + "| apply / work bound | no-op plan after apply | destroy (calls per peering) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        table.forEach(System.out::println);
    }

    /** Seconds the four commands of one launcher are expected to take: a guess to skip the longest. */
    static double predicted(Mode mode, int n) {
        double perCall = mode.latency() / 1000.0 + 0.003;
        return n * 30 * perCall / PARALLELISM + n * 0.02 + 8;
    }

    private static List<String> launchers() {
        List<String> out = new ArrayList<>();
        if (System.getenv("PEERFORM_BENCH_BEFORE") != null) {
            out.add(System.getenv("PEERFORM_BENCH_BEFORE"));
        }
        out.add(System.getenv().getOrDefault("PEERFORM_BENCH_LAUNCHER", "peerform"));
        return out;
    }

    /** One launcher's run of one combination on a world of its own. */
    private static Result one(Mode mode, int n, String launcher) throws Exception {
        Path dir = Files.createTempDirectory("peerform-bench-matrix");
        World world = Seed.defaultWorld();
        Quotas quotas = new Quotas(5, 2 * n + 10, 5, 200);
        Cloud cloud = new Cloud(world, Clock.systemUTC(), Durations.INSTANT, quotas);
        StringBuilder config = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String cidrA = "10." + (i / 250) + "." + (i % 250) + ".0/24";
            String cidrB = "11." + (i / 250) + "." + (i % 250) + ".0/24";
            Model.Vpc a = cloud.networks().createVpc(Seed.ACCOUNT_B, "cn-hangzhou", cidrA, null);
            Model.Vpc b = cloud.networks().createVpc(Seed.ACCOUNT_B, "cn-hangzhou", cidrB, null);
            config.append(peering(i, a, b));
        }
        Path worldFile = dir.resolve(mode.embedded() ? ".peerform/cloud.json" : "world/cloud.json");
        FileStore store = new FileStore(worldFile);
        try (var lock = store.lock()) {
            store.save(world.reindex());
        }
        String provider = """
                provider "alicloud" {
                  region                     = "cn-hangzhou"
                  access_key                 = "%s"
                  secret_key                 = "%s"
                  account_id                 = "%s"
                  max_interfaces_per_account = %d
                %s}
                """;
        if (mode.embedded()) {
            Files.writeString(dir.resolve("main.tf"), provider.formatted(Seed.KEY_B, Seed.SECRET_B, Seed.ACCOUNT_B,
                    2 * n + 10, "") + config);
            return sequence(dir, launcher, store, Map.of("PEERFORM_EMULATOR_TRANSITION_MS", "0"));
        }
        Emulator emulator = Emulator.onFile(worldFile, Seed.defaultWorld(), Emulator.Options.embedded()
                .with(new Faults(Duration.ofMillis(mode.latency()), 0, 0, 0, 1)).with(mode.transitions())
                .with(quotas));
        try (EmulatorServer server = new EmulatorServer(emulator, Clock.systemUTC(), 0)) {
            Files.writeString(dir.resolve("main.tf"), provider.formatted(Seed.KEY_B, Seed.SECRET_B, Seed.ACCOUNT_B,
                    2 * n + 10, "  endpoint                   = \"" + server.uri() + "\"\n") + config);
            return sequence(dir, launcher, store, Map.of(), mode.latency());
        }
    }

    /**
     * Plan from empty, apply, a no-op plan and destroy in {@code dir}, the calls read from the world's log. With
     * {@code PEERFORM_BENCH_PLAN_REPS=R} the plan from empty runs R times (a plan changes nothing), the fastest kept.
     */
    static Result sequence(Path dir, String launcher, FileStore store, Map<String, String> env) throws Exception {
        return sequence(dir, launcher, store, env, 0);
    }

    /** The same, over HTTP with {@code latencyMs} on every call. */
    static Result sequence(Path dir, String launcher, FileStore store, Map<String, String> env, long latencyMs)
            throws Exception {
        int reps = Integer.parseInt(System.getenv().getOrDefault("PEERFORM_BENCH_PLAN_REPS", "1"));
        Step plan = null;
        List<String> walls = new ArrayList<>();
        for (int i = 0; i < Math.max(1, reps); i++) {
            Step one = command(dir, launcher, store, env, latencyMs, "plan", "-no-color");
            walls.add(String.format("%.2f", one.seconds()));
            plan = plan == null || one.seconds() < plan.seconds() ? one : plan;
        }
        if (reps > 1) {
            System.out.println("  plan from empty, " + reps + " runs: " + String.join(", ", walls) + " s (load "
                    + load() + ")");
        }
        Step apply = command(dir, launcher, store, env, latencyMs, "apply", "-auto-approve", "-no-color");
        Step noop = command(dir, launcher, store, env, latencyMs, "plan", "-detailed-exitcode", "-no-color");
        Step destroy = command(dir, launcher, store, env, latencyMs, "destroy", "-auto-approve", "-no-color");
        return new Result(plan, apply, noop, destroy);
    }

    private static Step command(Path dir, String launcher, FileStore store, Map<String, String> env, long latencyMs,
            String... args)
            throws Exception {
        int before = store.log().size();
        List<String> command = new ArrayList<>(List.of(launcher.contains("/") ? launcher
                : Path.of(launcher).toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path log = dir.resolve(args[0] + ".log");
        ProcessBuilder b = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        b.environment().putAll(env);
        long t = System.nanoTime();
        long started = System.currentTimeMillis();
        Process p = b.start();
        if (!p.waitFor(1800, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor();
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        long ended = started + Math.round(seconds * 1000);
        boolean noop = List.of(args).contains("-detailed-exitcode");
        if (p.exitValue() != 0) {
            String text = Files.readString(log);
            System.out.println(launcher + " " + String.join(" ", args) + " exited " + p.exitValue()
                    + (noop && p.exitValue() == 2 ? " (changes planned)" : "") + ": "
                    + text.substring(Math.max(0, text.length() - 2000)));
        }
        List<Model.CallRecord> calls = store.log();
        Map<String, Long> byAction = new TreeMap<>();
        calls.subList(before, calls.size()).forEach(c -> byAction.merge(c.action, 1L, Long::sum));
        // when each action was called, in seconds from the command's first call: where the time went
        Map<String, long[]> spans = new TreeMap<>();
        long first = calls.size() > before ? calls.get(before).time : 0;
        for (Model.CallRecord c : calls.subList(before, calls.size())) {
            long[] span = spans.computeIfAbsent(c.action, a -> new long[] {c.time, c.time});
            span[0] = Math.min(span[0], c.time);
            span[1] = Math.max(span[1], c.time);
        }
        if (System.getenv("PEERFORM_BENCH_TRACE") != null) {
            // every call of the command, in order: where a wait overshoots or a step starts late
            for (Model.CallRecord c : calls.subList(before, calls.size())) {
                System.out.printf("    %s %6.3f s %s %s %s%n", args[0], (c.time - first) / 1000.0, c.action, c.ids,
                        c.result);
            }
        }
        Map<String, String> timeline = new TreeMap<>();
        spans.forEach((a, span) -> timeline.put(a, String.format("%.1f-%.1f s", (span[0] - first) / 1000.0,
                (span[1] - first) / 1000.0)));
        // a call is logged once its latency has passed: the first reached the cloud that much earlier
        double beforeCalls = calls.size() > before ? (first - latencyMs - started) / 1000.0 : seconds;
        double afterCalls = calls.size() > before ? (ended - calls.get(calls.size() - 1).time) / 1000.0 : 0;
        return new Step(seconds, calls.size() - before, byAction, p.exitValue(), timeline, beforeCalls, afterCalls);
    }

    /** Issue 18's bound: (chain of dependent calls x L + transition times) x ceil(K/P). */
    static double bound(Mode mode, int n) {
        Durations d = mode.transitions();
        double chain = CHAIN * mode.latency() / 1000.0 + (d.connect().toMillis() + d.routeChange().toMillis())
                / 1000.0;
        return chain * Math.ceil((double) n / PARALLELISM);
    }

    /**
     * The bound when waiting holds no slot: one peering's chain, or the changing calls of all peerings spread over
     * the slots, whichever is longer.
     */
    static double workBound(Mode mode, int n) {
        Durations d = mode.transitions();
        double chain = CHAIN * mode.latency() / 1000.0 + (d.connect().toMillis() + d.routeChange().toMillis())
                / 1000.0;
        return Math.max(chain, Math.ceil((double) n * WORK / PARALLELISM) * mode.latency() / 1000.0);
    }

    static void print(Mode mode, int n, String launcher, Result r) {
        System.out.printf("%s, %,d peerings (routes both ways), parallelism %d, %s, load %s:%n", mode.name(), n,
                PARALLELISM, launcher, load());
        System.out.printf("  plan from empty %.2f s (%d calls), apply %.2f s (%d calls, %.1f per peering; %s), "
                + "no-op plan %.2f s (%d calls, exit %d), destroy %.2f s (%d calls, %.1f per peering)%n",
                r.plan().seconds(), r.plan().calls(), r.apply().seconds(), r.apply().calls(),
                (double) r.apply().calls() / n, ratios(mode, n, r.apply().seconds()), r.noop().seconds(),
                r.noop().calls(), r.noop().exit(), r.destroy().seconds(), r.destroy().calls(),
                (double) r.destroy().calls() / n);
        System.out.println("  plan from empty: " + r.plan().phases() + "; apply: " + r.apply().phases()
                + "; no-op plan: " + r.noop().phases());
        System.out.println("  apply calls: " + r.apply().byAction());
        System.out.println("  apply timeline: " + r.apply().timeline());
        System.out.println("  no-op calls: " + r.noop().byAction());
        System.out.println("  destroy calls: " + r.destroy().byAction());
    }

    private static String ratios(Mode mode, int n, double apply) {
        double bound = bound(mode, n);
        if (bound <= 0) {
            return "bound 0 s: no latency, no transition time";
        }
        return String.format("%.2fx the bound of %.1f s, %.2fx the work bound of %.1f s", apply / bound, bound,
                apply / workBound(mode, n), workBound(mode, n));
    }

    private static String row(Mode mode, int n, String launcher, Result r) {
        double bound = bound(mode, n);
        return String.format("| %s | %d | %s | %.2f s (%.1f) | %.2f s (%.1f) | %s | %s | %.2f s (%d calls%s) | "
                + "%.2f s (%.1f) |", mode.name(), n, label(launcher), r.plan().seconds(),
                (double) r.plan().calls() / n, r.apply().seconds(), (double) r.apply().calls() / n,
                bound <= 0 ? "-" : String.format("%.2fx", r.apply().seconds() / bound),
                bound <= 0 ? "-" : String.format("%.2fx", r.apply().seconds() / workBound(mode, n)),
                r.noop().seconds(), r.noop().calls(), r.noop().exit() == 0 ? "" : ", exit " + r.noop().exit(),
                r.destroy().seconds(), (double) r.destroy().calls() / n);
    }

    /** "before" for PEERFORM_BENCH_BEFORE's launcher, "this build" for the other. */
    private static String label(String launcher) {
        return launcher.equals(System.getenv("PEERFORM_BENCH_BEFORE")) ? "before" : "this build";
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "unknown";
        }
    }

    /**
     * The benchmark's peering (two interfaces, both connection sides, a route from a to b) and the route back, with
     * no depends_on: the provider orders them.
     */
    private static String peering(int i, Model.Vpc a, Model.Vpc b) {
        return ProviderBenchmark.peering(i, a.vrouterId, b.vrouterId, a.routeTableId, b.cidrBlock) + """
                resource "alicloud_route_entry" "ba%1$d" {
                  route_table_id        = "%2$s"
                  destination_cidrblock = "%3$s"
                  nexthop_type          = "RouterInterface"
                  nexthop_id            = alicloud_router_interface.acc%1$d.id
                }
                """.formatted(i, b.routeTableId, a.cidrBlock);
    }
}
