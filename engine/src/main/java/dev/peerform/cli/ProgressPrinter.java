package dev.peerform.cli;

import dev.peerform.apply.ApplyListener;
import dev.peerform.diag.Diagnostic;
import dev.peerform.plans.PlannedStep;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Value;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Apply progress as Terraform prints it: a line when each step starts and when it ends (with the elapsed time and
 * the object's id), and every 10 seconds a line for a step still running ("Still waiting until Active... [20s
 * elapsed]").
 */
final class ProgressPrinter implements ApplyListener {

    private final PrintWriter out;

    ProgressPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void started(PlannedStep step) {
        out.println(startedMessage(step));
        out.flush();
    }

    @Override
    public synchronized void finished(PlannedStep step, Duration elapsed, ObjectValue result) {
        out.println(finishedMessage(step, elapsed, id(result)));
        out.flush();
    }

    @Override
    public synchronized void failed(PlannedStep step, Diagnostic error) {
        out.println(failedMessage(step));
        out.flush();
    }

    @Override
    public synchronized void still(PlannedStep step, Duration elapsed, String lastProgress) {
        out.println(stillMessage(step, elapsed, lastProgress));
        out.flush();
    }

    @Override
    public synchronized void retrying(PlannedStep step, int attempt, String why, Duration wait) {
        out.println(step.change().address() + ": " + why + "; retrying in " + wait.toMillis() + "ms (attempt "
                + (attempt + 1) + ")");
        out.flush();
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

    static String stillMessage(PlannedStep step, Duration elapsed, String lastProgress) {
        String what = step.spec().waitsFor().isEmpty() ? step.spec().description()
                : "waiting until " + step.spec().waitsFor();
        return step.change().address() + ": Still " + what + "... [" + seconds(elapsed) + " elapsed]"
                + (lastProgress == null ? "" : " (" + lastProgress + ")");
    }

    /** The object's id when it may be shown: known, set and not sensitive. */
    static String id(ObjectValue result) {
        Value id = result == null ? null : result.get("id");
        return id != null && id.isKnown() && !id.isNull() && !id.isSensitive() ? id.asString() : null;
    }

    static String seconds(Duration d) {
        long s = d.toSeconds();
        return s < 60 ? s + "s" : (s / 60) + "m" + (s % 60) + "s";
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
