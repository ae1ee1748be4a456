package dev.peerform.reliability;

import com.sun.management.OperatingSystemMXBean;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The input figure's worker JVM: runs mutated configurations {@code from..to} through the CLI in process (validate,
 * then plan when valid), one JVM for all, and prints one line per input for {@link InputFigure}: {@code BEGIN i},
 * then {@code INTERNAL i ...} or {@code SLOW i ms (CPU ms)}, then {@code END i code ms}. A run that goes past
 * 60 s ends the worker ({@code HUNG i}); the figure starts a new one at the next input.
 *
 * <p>{@code java -cp HARNESS dev.peerform.reliability.InputWorker JAR WORKDIR SEED FROM TO CORPUS_FILES...}
 */
public final class InputWorker {

    private static final long SLOW_MS = 10_000;
    /** Far beyond slow: a run this long is stuck, whatever the machine's load. */
    private static final long HUNG_MS = 60_000;

    public static void main(String[] args) throws Exception {
        PrintStream report = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        InProcessCli cli = new InProcessCli(Path.of(args[0]));
        Path dir = Path.of(args[1]);
        long seed = Long.parseLong(args[2]);
        int from = Integer.parseInt(args[3]);
        int to = Integer.parseInt(args[4]);
        List<String> corpus = new ArrayList<>();
        for (int k = 5; k < args.length; k++) {
            corpus.add(Files.readString(Path.of(args[k])));
        }
        report.println("ENTRY " + cli.description());
        for (int i = from; i < to; i++) {
            byte[] input = i < Mutator.hostileCount() ? Mutator.hostile(i).getBytes(StandardCharsets.UTF_8)
                    : Mutator.mutate(corpus, seed, i);
            Files.write(dir.resolve("main.tf"), input);
            report.println("BEGIN " + i);
            long t0 = System.nanoTime();
            InProcessCli.Result validate = timed(cli, dir, i, report, "validate", "-no-color");
            InProcessCli.Result last = validate;
            if (validate.code() == 0 && validate.escaped() == null) {
                last = timed(cli, dir, i, report, "plan", "-no-color", "-input=false", "-lock=false");
            }
            report.println("END " + i + " " + last.code() + " " + (System.nanoTime() - t0) / 1_000_000);
        }
        report.println("DONE");
        System.exit(0);
    }

    private static InProcessCli.Result timed(InProcessCli cli, Path dir, int i, PrintStream report, String... args)
            throws InterruptedException {
        AtomicReference<InProcessCli.Result> result = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                result.set(cli.run(dir, args));
            } catch (Throwable e) {
                result.set(new InProcessCli.Result(-1, "", e));
            }
        }, "cli-" + i);
        t.setDaemon(true);
        long t0 = System.nanoTime();
        long cpu0 = cpuNanos();
        t.start();
        t.join(HUNG_MS);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long cpuMs = (cpuNanos() - cpu0) / 1_000_000;
        if (t.isAlive()) {
            report.println("HUNG " + i + " " + args[0]);
            report.flush();
            System.exit(3);
        }
        // slow is what the input costs: on a machine shared by other builds the wall clock also counts the time
        // spent waiting for a core, so a run is slow only when its process also used 10 s of CPU
        if (ms > SLOW_MS && cpuMs > SLOW_MS) {
            report.println("SLOW " + i + " " + args[0] + " " + ms + " ms (CPU " + cpuMs + " ms)");
        }
        InProcessCli.Result r = result.get();
        if (r.escaped() != null) {
            report.println("INTERNAL " + i + " " + args[0] + " escaped the CLI: " + oneLine(r.escaped().toString()));
        } else if (r.out().contains("internal error") || r.out().contains("\tat ")) {
            String line = r.out().lines().filter(l -> l.contains("internal error") || l.contains("\tat "))
                    .findFirst().orElse("");
            report.println("INTERNAL " + i + " " + args[0] + " printed: " + oneLine(line));
        }
        return r;
    }

    /** CPU time of this whole JVM (every thread, the collector's too); wall time where the JVM cannot say. */
    private static long cpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                && os.getProcessCpuTime() >= 0) {
            return os.getProcessCpuTime();
        }
        return System.nanoTime();
    }

    private static String oneLine(String s) {
        String t = s.replace('\n', ' ').strip();
        return t.length() > 200 ? t.substring(0, 200) + "..." : t;
    }
}
