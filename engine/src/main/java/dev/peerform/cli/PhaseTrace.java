package dev.peerform.cli;

import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code PEERFORM_TRACE=phases}: where a command's wall time went, printed on stderr when it ends: the JVM's start
 * up to {@code main}, each phase the command marks, and the collector's pauses. Off, it costs one map lookup
 * (the management beans it reads are loaded only when on).
 */
final class PhaseTrace {

    private final boolean on;
    private final long started = System.nanoTime();
    private final List<String> phases = new ArrayList<>();
    private long last = started;

    private PhaseTrace(boolean on) {
        this.on = on;
    }

    static PhaseTrace of(Map<String, String> env) {
        return new PhaseTrace("phases".equals(env.get("PEERFORM_TRACE")));
    }

    /** The time since the previous mark (or the trace's start) was spent on {@code phase}. */
    void mark(String phase) {
        if (!on) {
            return;
        }
        long now = System.nanoTime();
        phases.add(String.format("%-14s %7.1f ms", phase, (now - last) / 1e6));
        last = now;
    }

    void print(PrintWriter err) {
        if (!on) {
            return;
        }
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        long total = (System.nanoTime() - started) / 1_000_000;
        err.printf("peerform trace: JVM start to the command %d ms%n", uptime - total);
        phases.forEach(p -> err.println("peerform trace: " + p));
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        err.printf("peerform trace: command %d ms, of which %d collections took %d ms%n", total, count, millis);
        err.flush();
    }
}
