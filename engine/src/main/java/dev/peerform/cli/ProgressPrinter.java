package dev.peerform.cli;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.apply.ApplyListener;
import dev.peerform.diag.Diagnostic;
import dev.peerform.plans.PlannedStep;
import dev.peerform.spi.Phase;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.StringValue;
import dev.peerform.value.Value;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Apply progress as Terraform prints it, one resource at a time: "NAME: Creating...", "NAME: Still creating... [10s
 * elapsed]", "NAME: Creation complete after 12s [id=...]" (the same for modifying, destroying and reading). A half
 * of a change made of several steps (create the interface, then wait until Active) also prints each step's own
 * lines after those words ("NAME: Create the acceptor...", "NAME: Create the acceptor complete after 1s"); a
 * half of one step prints Terraform's lines only, so that simple resources read exactly as in Terraform.
 */
final class ProgressPrinter implements ApplyListener {

    private final PrintWriter out;
    /** The halves under way, by address and phase (the two halves of a replace share the address). */
    private final Map<Half, Running> running = new HashMap<>();

    private record Half(InstanceAddress address, Phase phase) {
        static Half of(PlannedStep s) {
            return new Half(s.change().address(), s.spec().phase());
        }
    }

    /** A half under way: the time its finished steps took, and whether it prints its steps (it has several). */
    private record Running(Duration done, boolean detailed) {
        Running plus(Duration d) {
            return new Running(done.plus(d), detailed);
        }
    }

    ProgressPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void started(PlannedStep step) {
        Running r = running.get(Half.of(step));
        if (r == null) {
            r = new Running(Duration.ZERO, !step.lastOfPhase());
            running.put(Half.of(step), r);
            out.println(halfStartedMessage(step));
        }
        if (r.detailed()) {
            out.println(startedMessage(step));
        }
        out.flush();
    }

    @Override
    public synchronized void finished(PlannedStep step, Duration elapsed, ObjectValue result) {
        Running r = running.getOrDefault(Half.of(step), new Running(Duration.ZERO, false)).plus(elapsed);
        if (r.detailed()) {
            out.println(finishedMessage(step, elapsed, id(result)));
        }
        if (step.lastOfPhase()) {
            running.remove(Half.of(step));
            out.println(halfFinishedMessage(step, r.done(), result));
        } else {
            running.put(Half.of(step), r);
        }
        out.flush();
    }

    @Override
    public synchronized void failed(PlannedStep step, Diagnostic error) {
        Running r = running.remove(Half.of(step));
        // Terraform prints no line of its own here: the error's diagnostic follows and names the resource
        if (r == null || r.detailed()) {
            out.println(failedMessage(step));
        }
        out.flush();
    }

    @Override
    public synchronized void still(PlannedStep step, Duration elapsed, String lastProgress) {
        Running r = running.getOrDefault(Half.of(step), new Running(Duration.ZERO, false));
        Duration total = r.done().plus(elapsed);
        out.println(halfStillMessage(step, total));
        if (!step.spec().waitsFor().isEmpty() || lastProgress != null) {
            out.println(stillMessage(step, elapsed, lastProgress));
        }
        out.flush();
    }

    @Override
    public synchronized void retrying(PlannedStep step, int attempt, String why, Duration wait) {
        out.println(step.change().address() + ": " + why + "; retrying in " + wait.toMillis() + "ms (attempt "
                + (attempt + 1) + ")");
        out.flush();
    }

    static String halfStartedMessage(PlannedStep step) {
        ProgressWords w = ProgressWords.of(step.spec().phase());
        String id = w.idOnStart ? idOrName(step.change().before()) : null;
        return step.change().address() + ": " + w.starting + "..." + (id == null ? "" : " [" + id + "]");
    }

    static String halfFinishedMessage(PlannedStep step, Duration total, ObjectValue result) {
        ProgressWords w = ProgressWords.of(step.spec().phase());
        String id = w.idOnEnd ? id(result) : null;
        return step.change().address() + ": " + w.complete + " after " + seconds(total)
                + (id == null ? "" : " [id=" + id + "]");
    }

    static String halfStillMessage(PlannedStep step, Duration total) {
        ProgressWords w = ProgressWords.of(step.spec().phase());
        String id = w.idOnStart ? idOrName(step.change().before()) : null;
        return step.change().address() + ": Still " + w.still + "... [" + (id == null ? "" : id + ", ")
                + seconds(total) + " elapsed]";
    }

    static String startedMessage(PlannedStep step) {
        return step.change().address() + ": " + capitalise(step.spec().description()) + "...";
    }

    static String finishedMessage(PlannedStep step, Duration elapsed, String id) {
        return step.change().address() + ": " + capitalise(step.spec().description()) + " complete after "
                + seconds(elapsed) + (id == null ? "" : " [id=" + id + "]");
    }

    static String failedMessage(PlannedStep step) {
        return step.change().address() + ": " + capitalise(step.spec().description()) + " failed.";
    }

    /** The step's own detail under Terraform's "Still ..." line: what it waits for, and the cloud's last word. */
    static String stillMessage(PlannedStep step, Duration elapsed, String lastProgress) {
        String what = step.spec().waitsFor().isEmpty() ? step.spec().description()
                : "waiting until " + step.spec().waitsFor();
        return step.change().address() + ": " + what + " (" + seconds(elapsed) + " in this step)"
                + (lastProgress == null ? "" : ": " + lastProgress);
    }

    /** The object's id when it may be shown: known, set and not sensitive. */
    static String id(ObjectValue result) {
        return shown(result, "id");
    }

    /** "id=..." or, for an object without one, "name=...", as Terraform names an object it starts to change. */
    private static String idOrName(ObjectValue before) {
        String id = shown(before, "id");
        if (id != null) {
            return "id=" + id;
        }
        String name = shown(before, "name");
        return name == null ? null : "name=" + name;
    }

    private static String shown(ObjectValue o, String key) {
        Value v = o == null ? null : o.get(key);
        return v != null && v.isKnown() && !v.isNull() && !v.isSensitive() && v.unmarked() instanceof StringValue sv ? sv.value() : null;
    }

    /** Go's rendering of a whole number of seconds, which Terraform prints: 5s, 1m5s, 1h0m5s. */
    static String seconds(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + (s % 60) + "s";
        }
        return (s / 3600) + "h" + (s % 3600 / 60) + "m" + (s % 60) + "s";
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
