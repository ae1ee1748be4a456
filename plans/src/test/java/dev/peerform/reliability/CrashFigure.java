package dev.peerform.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * crash: applies and destroys of N connections SIGKILLed at seeded moments, each named by the {@code -json} hook
 * that starts a step of some kind (every step names its kind there, a one-step change too), the kinds taken in turn
 * so every kind of step is hit; after each kill the next plan and apply (or destroy) must succeed, and at the end
 * the cloud holds no orphan and no duplicate and the plan is clean.
 */
final class CrashFigure {

    static final String NAME = "crash";
    private static final String[] LOCK = {"-input=false", "-lock-timeout=10s"};
    /** The runs that are timed or killed report their steps as JSON hooks, which name every step's kind. */
    private static final String JSON = "-json";

    private final Harness h;
    private final Peerform p;
    private final Figure figure;
    private Path template;
    private Set<String> baseline;

    CrashFigure(Harness h) {
        this.h = h;
        this.p = h.slowed();
        this.figure = new Figure(h.backend().pg() ? NAME + "/pg" : NAME, "kills");
    }

    Figure run() throws IOException {
        template = h.newDir("crash-template");
        Files.writeString(template.resolve("main.tf"), PeeringConfig.generate(h.size().connections()));
        Peerform.Run init = p.run(template, Harness.COMMAND, "emulator", "init");
        if (!init.ok()) {
            figure.failed("could not make the starting world: " + init.gist());
            return figure;
        }
        baseline = Audit.ids(Audit.world(template));
        Path cal = copy("crash-calibrate");
        Map<String, Integer> applyKinds = new LinkedHashMap<>();
        Map<String, Integer> destroyKinds = new LinkedHashMap<>();
        Peerform.Run a = counted(p.start(cal, args("apply", "-auto-approve", JSON)), applyKinds);
        Peerform.Run d = a.ok() ? counted(p.start(cal, args("destroy", "-auto-approve", JSON)), destroyKinds) : null;
        if (!a.ok() || !d.ok()) {
            figure.failed("the unkilled calibration run failed, so no moment can be chosen: "
                    + (a.ok() ? d.gist() : a.gist()));
            return figure;
        }
        figure.note(String.format("%d connections (%d resources), transitions %d ms; unkilled apply %.1f s, destroy "
                + "%.1f s; step kinds (longest first, with counts): apply %s, destroy %s", h.size().connections(),
                Audit.stateInstancesAfter(a), h.size().transitionMs(), a.millis() / 1e3, d.millis() / 1e3, applyKinds,
                destroyKinds));
        List<String> applyList = new ArrayList<>(applyKinds.keySet());
        List<String> destroyList = new ArrayList<>(destroyKinds.keySet());
        int offset = (int) Math.floorMod(h.seed() - 1, 97);
        for (int c = 0; c < h.size().kills(); c++) {
            if (!h.selected(c)) {
                continue;
            }
            Random rnd = new Random(h.caseSeed(NAME, c));
            boolean apply = c % 2 == 0;
            List<String> kinds = apply ? applyList : destroyList;
            String kind = kinds.get((c / 2 + offset) % kinds.size());
            int count = (apply ? applyKinds : destroyKinds).get(kind);
            Moment m = new Moment(apply ? "apply" : "destroy", kind, rnd.nextInt(count),
                    rnd.nextLong(2 * h.size().transitionMs() + 1));
            runCase(c, m);
        }
        return figure;
    }

    private static String[] args(String... a) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(LOCK));
        return all.toArray(String[]::new);
    }

    private Path copy(String name) throws IOException {
        Path d = h.newDir(name);
        Harness.copyTree(template, d);
        h.backend().prepare(p, d);
        return d;
    }

    /**
     * Counts the steps of each kind a run starts and orders the kinds longest first (mean time from a step's start
     * line to its "complete" line), so that a small run's few kills land in the waits first.
     */
    private static Peerform.Run counted(Peerform.Running r, Map<String, Integer> kinds) {
        Map<String, Long> started = new HashMap<>();
        Map<String, Long> total = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        while (true) {
            String l = r.awaitLine(x -> true, Duration.ofMinutes(10));
            if (l == null) {
                break;
            }
            Moment.Hook hook = Moment.hookOf(l);
            if (hook == null) {
                continue;
            }
            if (hook.type().equals("apply_start")) {
                counts.merge(hook.kind(), 1, Integer::sum);
                total.putIfAbsent(hook.kind(), 0L);
                started.put(hook.step(), System.nanoTime());
            } else if (hook.type().equals("apply_complete")) {
                Long t0 = started.remove(hook.step());
                if (t0 != null) {
                    total.merge(hook.kind(), System.nanoTime() - t0, Long::sum);
                }
            }
        }
        counts.keySet().stream().sorted(Comparator.comparingDouble((String k) -> -total.get(k) / (double) counts
                .get(k))).forEach(k -> kinds.put(k, counts.get(k)));
        return r.await(Harness.COMMAND);
    }

    private void runCase(int c, Moment m) throws IOException {
        Path dir = copy("crash-" + c);
        List<String> problems = new ArrayList<>();
        if (m.phase().equals("destroy")) {
            Peerform.Run first = p.run(dir, Harness.COMMAND, args("apply", "-auto-approve"));
            if (!first.ok()) {
                figure.failed(h.replay(NAME, c) + "\nthe unkilled apply before the killed destroy failed: "
                        + first.gist());
                return;
            }
        }
        Peerform.Running victim = p.start(dir, args(m.phase(), "-auto-approve", JSON));
        int[] seen = {0};
        String at = victim.awaitLine(l -> m.kind().equals(Moment.kindOf(l)) && seen[0]++ == m.occurrence(),
                Duration.ofMinutes(10));
        sleep(m.delayMs());
        boolean killed = at != null && victim.alive();
        victim.kill9();
        Peerform.Run killedRun = victim.await(Duration.ofSeconds(30));
        if (!killed) {
            figure.count("missed", 1);
            figure.note("case " + c + " (" + m + "): the run ended before the moment (exit " + killedRun.code()
                    + "); not counted as a kill");
            return;
        }
        String journal = h.backend().pg() ? "journal in the database"
                : Files.exists(dir.resolve("terraform.tfstate.journal")) ? "journal left" : "no journal";
        boolean destroy = m.phase().equals("destroy");
        Peerform.Run plan = destroy ? p.run(dir, Harness.COMMAND, args("plan", "-destroy"))
                : p.run(dir, Harness.COMMAND, args("plan"));
        if (!plan.ok()) {
            problems.add("the next plan failed: " + plan.gist());
            figure.count("plan-failed", 1);
        }
        Peerform.Run next = p.run(dir, Harness.COMMAND, args(m.phase(), "-auto-approve"));
        if (!next.ok()) {
            Peerform.Run again = p.run(dir, Harness.COMMAND, args(m.phase(), "-auto-approve"));
            if (again.ok()) {
                problems.add("the next " + m.phase() + " failed, a second one converged: " + next.gist());
                figure.count("second-run", 1);
            } else {
                problems.add("wedged: the next two " + m.phase() + " runs failed: " + next.gist() + " // then "
                        + again.gist());
                figure.count("wedged", 1);
            }
        }
        Audit.Report report = Audit.check(dir, h.backend().state(p, dir), baseline);
        if (!report.orphans().isEmpty()) {
            figure.count("orphans", report.orphans().size());
        }
        if (report.duplicates() > 0) {
            figure.count("duplicates", report.duplicates());
        }
        if (!report.clean()) {
            problems.add("cloud against state: " + report.describe());
        }
        if (destroy && (report.managed() > 0 || report.stateInstances() > 0)) {
            if (report.orphans().isEmpty()) {
                problems.add("after destroy: " + report.describe());
            }
        } else if (!destroy) {
            Peerform.Run clean = p.run(dir, Harness.COMMAND, args("plan", "-detailed-exitcode"));
            if (clean.code() != 0) {
                problems.add("plan not clean: " + clean.gist());
                figure.count("plan-unclean", 1);
            }
        }
        if (problems.isEmpty()) {
            figure.held();
            Harness.delete(dir);
        } else {
            figure.failed(h.replay(NAME, c) + "\nkilled at " + m + " (after line \"" + at.strip() + "\"; " + journal
                    + "); dir " + dir + "\n" + String.join("\n", problems));
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
