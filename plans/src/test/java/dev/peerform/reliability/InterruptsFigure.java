package dev.peerform.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * interrupts: SIGINT once, SIGINT twice and SIGTERM, during an apply and during a destroy, at a step that waits
 * for the cloud; the process must stop by itself (exit 1 or 0, not the 128 + signal of a JVM the signal killed),
 * release its lock, leave a state that names every object the cloud made and only objects the cloud has, and the
 * next run of the same command must succeed without one call the cloud refuses.
 */
final class InterruptsFigure {

    static final String NAME = "interrupts";
    private static final String[] SIGNALS = {"INT", "INT INT", "TERM"};
    private static final String[][] KINDS = {
        {"Connect", "Add the route", "Set the opposite information"},
        {"Suspend the connection", "Delete the route", "Delete the interface"}};
    private static final String LOCK_INFO = ".terraform.tfstate.lock.info";

    private final Harness h;
    private final Peerform p;
    private final Figure figure = new Figure(NAME, "signals");

    InterruptsFigure(Harness h) {
        this.h = h;
        this.p = h.slowed();
    }

    Figure run() throws IOException {
        Path template = h.newDir("interrupts-template");
        Files.writeString(template.resolve("main.tf"), PeeringConfig.generate(Math.min(5, h.size().connections())));
        if (!p.run(template, Harness.COMMAND, "emulator", "init").ok()) {
            figure.failed("could not make the starting world");
            return figure;
        }
        Set<String> baseline = Audit.ids(Audit.world(template));
        int c = 0;
        for (int round = 0; round < h.size().interruptRounds(); round++) {
            for (int phase = 0; phase < 2; phase++) {
                for (String signal : SIGNALS) {
                    int index = c++;
                    if (!h.selected(index)) {
                        continue;
                    }
                    Random rnd = new Random(h.caseSeed(NAME, index));
                    String kind = KINDS[phase][(round + rnd.nextInt(3)) % 3];
                    Moment m = new Moment(phase == 0 ? "apply" : "destroy", kind, 0,
                            rnd.nextLong(h.size().transitionMs() + 1));
                    runCase(index, m, signal, template, baseline);
                }
            }
        }
        return figure;
    }

    private void runCase(int c, Moment m, String signal, Path template, Set<String> baseline) throws IOException {
        Path dir = h.newDir("interrupts-" + c);
        Harness.copyTree(template, dir);
        String what = signal.replace(" ", "+") + " during " + m;
        if (m.phase().equals("destroy")) {
            Peerform.Run first = p.run(dir, Harness.COMMAND, "apply", "-auto-approve", "-input=false");
            if (!first.ok()) {
                figure.failed(h.replay(NAME, c) + "\nthe apply before the interrupted destroy failed: " + first.gist());
                return;
            }
        }
        // -json: its hooks name every step, a route's one-step change too ("Add the route"), which the text
        // progress shows only as Terraform's "Creating..."
        Peerform.Running r = p.start(dir, m.phase(), "-auto-approve", "-input=false", "-json");
        String at = r.awaitLine(l -> {
            String k = Moment.kindOf(l);
            return k != null && k.startsWith(m.kind());
        }, Duration.ofMinutes(5));
        if (at == null) {
            r.await(Harness.COMMAND);
            figure.count("missed", 1);
            figure.note("case " + c + " (" + what + "): no such step started; not counted");
            return;
        }
        CrashFigure.sleep(m.delayMs());
        String[] signals = signal.split(" ");
        for (int i = 0; i < signals.length; i++) {
            if (i > 0) {
                CrashFigure.sleep(300);
            }
            r.signal(signals[i]);
        }
        Peerform.Run stopped = r.await(Duration.ofMinutes(2));
        List<String> problems = new ArrayList<>();
        if (stopped.timedOut()) {
            problems.add("did not stop within 2 minutes of the signal (killed)");
            figure.count("hung", 1);
        }
        if (!stopped.timedOut() && stopped.code() >= 128) {
            // 128 + the signal's number: the JVM died of it instead of stopping its run
            problems.add("exit " + stopped.code() + ": killed by the signal, not stopped gracefully");
            figure.count("died of the signal", 1);
        }
        if (stopped.out().contains("internal error") || stopped.out().contains("\tat ")) {
            problems.add("internal error or stack trace printed: " + stopped.gist());
        }
        boolean journal = Files.exists(dir.resolve("terraform.tfstate.journal"));
        try {
            Audit.Report report = Audit.check(dir, baseline);
            if (!report.stale().isEmpty() || (!report.orphans().isEmpty() && !journal)) {
                problems.add("state inconsistent after the interrupt: " + report.describe()
                        + (journal ? " (a journal remains)" : " (no journal)"));
                figure.count("inconsistent", 1);
            }
        } catch (IOException e) {
            problems.add("state or world unreadable after the interrupt: " + e.getMessage());
            figure.count("inconsistent", 1);
        }
        if (!stopped.timedOut() && Files.exists(dir.resolve(LOCK_INFO))) {
            problems.add("the lock is left after a graceful stop: " + LOCK_INFO);
            figure.count("lock info left", 1);
        }
        int before = CallLog.read(dir).size();
        Peerform.Run next = p.run(dir, Harness.COMMAND, m.phase(), "-auto-approve", "-input=false",
                "-lock-timeout=5s");
        List<String> refused = CallLog.read(dir).stream().skip(before).filter(CallLog.Call::refused)
                .map(CallLog.Call::toString).toList();
        if (!next.ok()) {
            problems.add("the next " + m.phase() + " failed: " + next.gist());
            figure.count(next.out().contains("lock") ? "lock held" : "next run failed", 1);
        }
        if (!refused.isEmpty()) {
            problems.add("the next " + m.phase() + " made calls the cloud refused: " + refused);
            figure.count("refused calls", refused.size());
        }
        Audit.Report after = Audit.check(dir, baseline);
        if (!after.clean() || (m.phase().equals("destroy") && after.managed() > 0)) {
            problems.add("after the next " + m.phase() + ": " + after.describe());
        }
        if (m.phase().equals("apply") && next.ok()) {
            Peerform.Run plan = p.run(dir, Harness.COMMAND, "plan", "-detailed-exitcode", "-input=false");
            if (plan.code() != 0) {
                problems.add("plan not clean afterwards: " + plan.gist());
            }
        }
        if (problems.isEmpty()) {
            figure.held();
            Harness.delete(dir);
        } else {
            figure.failed(h.replay(NAME, c) + "\n" + what + " (after line \"" + at.strip() + "\"; exit "
                    + stopped.code() + "); dir " + dir + "\n" + String.join("\n", problems));
        }
    }
}
