package dev.peerform.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The reliability harness of issue 11: drives peerform from outside (whole processes through the launcher, the
 * emulator served over HTTP, files on disk) and prints one figure per property, tried / held / failed, then the
 * failed cases with what replays each. Exits 1 when any case failed.
 *
 * <p>{@code bench/run.sh reliability [small|full] [crash faults interrupts files input requests
 * secrets] [--seed N]
 * [--case I] [--jobs N] [--backend local|pg] [--kills N]} (or {@code -Dreliability.seed=N}); no figure named runs
 * them all.
 * {@code --backend pg} keeps the crash figure's states in a private PostgreSQL (the other figures stay local).
 */
public final class ReliabilityHarness {

    private interface FigureRun {
        Figure run(Harness h) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Map<String, FigureRun> all = new LinkedHashMap<>();
        // longest first, so that two at a time finish together
        all.put(CrashFigure.NAME, h -> new CrashFigure(h).run());
        all.put(FilesFigure.NAME, h -> new FilesFigure(h).run());
        all.put(InputFigure.NAME, h -> new InputFigure(h).run());
        all.put(SecretsFigure.NAME, h -> new SecretsFigure(h).run());
        all.put(InterruptsFigure.NAME, h -> new InterruptsFigure(h).run());
        all.put(FaultsFigure.NAME, h -> new FaultsFigure(h).run());
        all.put(RequestsFigure.NAME, h -> new RequestsFigure(h).run());

        String size = "small";
        long seed = Long.getLong("reliability.seed", 1L);
        Integer onlyCase = null;
        int jobs = 2;
        String backendName = "local";
        Integer kills = null;
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "small", "full" -> size = args[i];
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--case" -> onlyCase = Integer.parseInt(args[++i]);
                case "--jobs" -> jobs = Integer.parseInt(args[++i]);
                case "--backend" -> backendName = args[++i];
                case "--kills" -> kills = Integer.parseInt(args[++i]);
                default -> {
                    if (!all.containsKey(args[i])) {
                        System.err.println("unknown figure or option '" + args[i] + "' (figures: " + all.keySet()
                                + "; options: small|full, --seed N, --case I, --jobs N, --backend local|pg, "
                                + "--kills N)");
                        System.exit(2);
                    }
                    chosen.add(args[i]);
                }
            }
        }
        if (chosen.isEmpty()) {
            chosen.addAll(all.keySet());
        }
        Path root = Path.of("").toAbsolutePath();
        Path launcher = root.resolve("peerform");
        if (!Files.isExecutable(launcher)) {
            System.err.println("run from the repository root (bench/run.sh reliability): no ./peerform here");
            System.exit(2);
        }
        Path scratch = Files.createTempDirectory("peerform-reliability-");
        StateBackend backend;
        try {
            backend = StateBackend.of(backendName);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException | AssertionError e) {
            // asked for pg and none can be started: a failure, never a skip
            System.err.println("no PostgreSQL for --backend pg: " + e.getMessage());
            System.exit(1);
            return;
        }
        Size chosenSize = kills == null ? Size.of(size) : Size.of(size).withKills(kills);
        Harness h = new Harness(new Peerform(launcher, backend.env()), root, chosenSize, seed, onlyCase, scratch,
                backend);
        System.out.printf("reliability harness: size %s, seed %d%s, crash states on %s, scratch %s%n", size, seed,
                onlyCase == null ? "" : ", case " + onlyCase, backend.name(), scratch);
        long t0 = System.nanoTime();
        // figures are independent (each in its own directories, with its own processes): two run at once
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        List<Future<Figure>> running = new ArrayList<>();
        for (String name : chosen) {
            running.add(pool.submit(() -> {
                long t = System.nanoTime();
                Figure f;
                try {
                    f = all.get(name).run(h);
                } catch (Exception | LinkageError e) {
                    f = new Figure(name, "cases");
                    f.failed("the harness itself failed: " + e);
                }
                System.out.printf("%s   [%.0f s]%n", f.summary(), (System.nanoTime() - t) / 1e9);
                System.out.flush();
                return f;
            }));
        }
        List<Figure> figures = new ArrayList<>();
        for (Future<Figure> f : running) {
            figures.add(f.get());
        }
        pool.shutdown();
        System.out.printf("%nsummary (%.0f s, seed %d):%n", (System.nanoTime() - t0) / 1e9, seed);
        int failed = 0;
        for (Figure f : figures) {
            System.out.println(f.summary());
            failed += f.failedCount();
        }
        System.out.println();
        for (Figure f : figures) {
            System.out.print(f.details());
        }
        System.out.println(failed == 0 ? "every case held" : failed + " case(s) failed; scratch directories of "
                + "failed cases are kept under " + scratch);
        System.exit(failed == 0 ? 0 : 1);
    }
}
