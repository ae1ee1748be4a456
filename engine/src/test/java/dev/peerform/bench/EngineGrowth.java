package dev.peerform.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The engine's growth benchmark ({@code bench/run.sh engine growth [sizes] [--reps=N] [--no-terraform]}): N
 * terraform_data in chains of 10 ({@link GeneratedConfig#chains}), every command a whole process: validate, plan
 * from empty, apply of that plan, no-op plan, change plan (a new {@code base_cidr}: every resource's input changes)
 * and destroy. Each command is timed with /usr/bin/time (wall, user+sys CPU, peak RSS); peerform and Terraform
 * alternate, command by command. A command is skipped, with a note, when its time predicted from the previous size
 * exceeds 10 minutes. Ends with the growth exponent log(t2/t1)/log(n2/n1) per command between consecutive sizes and
 * from 10,000 to 50,000, on CPU time (the wall of a shared machine is noisy) and on wall time.
 *
 * <p>The launcher measured is {@code ./peerform}, or the one named by PEERFORM_BENCH_LAUNCHER; PEERFORM_BENCH_BEFORE
 * names another build's launcher (main's, say) to alternate with it as "before", command by command, so that both
 * see the same load. JVM options reach them through PEERFORM_JAVA_OPTS as usual.
 */
final class EngineGrowth {

    private static final String[] COMMANDS = {"validate", "plan", "apply", "no-op", "change", "destroy"};
    private static final boolean[] READ_ONLY = {true, true, false, true, true, false};
    private static final long LIMIT_SECONDS = 600;

    /** One command's figures: seconds of wall and of CPU, peak RSS in MB; NaN wall when skipped or timed out. */
    record Figure(double wall, double cpu, double rssMb, String note) {
        static Figure skipped(String note) {
            return new Figure(Double.NaN, Double.NaN, Double.NaN, note);
        }

        boolean ran() {
            return !Double.isNaN(wall);
        }
    }

    private EngineGrowth() {
    }

    static void run(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        int reps = 1;
        boolean terraform = LanguageBenchmark.onPath("terraform");
        for (String a : args) {
            if (a.startsWith("--reps=")) {
                reps = Integer.parseInt(a.substring(7));
            } else if (a.equals("--no-terraform")) {
                terraform = false;
            } else {
                sizes.add(Integer.parseInt(a.replace("_", "").replace(",", "")));
            }
        }
        if (sizes.isEmpty()) {
            sizes.addAll(List.of(1_000, 5_000, 10_000, 20_000, 50_000));
        }
        if (!Files.isExecutable(Path.of("/usr/bin/time"))) {
            throw new IllegalStateException("the growth benchmark needs /usr/bin/time (apt-get install time)");
        }
        String launcher = System.getenv().getOrDefault("PEERFORM_BENCH_LAUNCHER",
                Path.of("peerform").toAbsolutePath().toString());
        String beforeLauncher = System.getenv("PEERFORM_BENCH_BEFORE");
        List<String> tools = new ArrayList<>();
        if (beforeLauncher != null) {
            tools.add("before");
        }
        tools.add("peerform");
        if (terraform) {
            tools.add("terraform");
        }
        Map<String, Map<Integer, Figure[]>> all = new LinkedHashMap<>();
        tools.forEach(t -> all.put(t, new LinkedHashMap<>()));
        System.out.printf("Growth: N terraform_data in chains of 10, whole processes, %s; read-only commands min of "
                + "%d; change = a new base_cidr, every resource's input changes%n", launcher, reps);
        System.out.printf("%-7s %-10s %-9s %9s %9s %9s  %s%n", "N", "tool", "command", "wall(s)", "cpu(s)",
                "RSS(MB)", "load / note");
        Integer previous = null;
        Integer earlier = null;
        for (int n : sizes) {
            Map<String, Path> dirs = new LinkedHashMap<>();
            for (String t : tools) {
                Path dir = Files.createTempDirectory("peerform-growth-" + t);
                Files.writeString(dir.resolve("main.tf"), GeneratedConfig.chains(n));
                if (t.equals("terraform")) {
                    exec(dir, List.of("terraform", "init", "-input=false", "-no-color"), 300);
                }
                dirs.put(t, dir);
                all.get(t).put(n, new Figure[COMMANDS.length]);
            }
            for (int c = 0; c < COMMANDS.length; c++) {
                for (String t : tools) {
                    Figure[] row = all.get(t).get(n);
                    Figure before = previous == null ? null : all.get(t).get(previous)[c];
                    Figure first = earlier == null ? null : all.get(t).get(earlier)[c];
                    boolean blocked = c > 0 && (c == 3 || c == 4 || c == 5) && !row[2].ran();
                    Figure f;
                    if (blocked) {
                        f = Figure.skipped("skipped: apply did not run");
                    } else if (before != null && !before.ran()) {
                        f = Figure.skipped("skipped: did not finish at " + previous);
                    } else if (before != null && predict(first, earlier, before, previous, n) > LIMIT_SECONDS) {
                        f = Figure.skipped(String.format("skipped: predicted %.0f s from %d", predict(first,
                                earlier, before, previous, n), previous));
                    } else {
                        List<String> cmd = command(t.equals("terraform") ? "terraform" : t.equals("before") ? beforeLauncher
                                : launcher, COMMANDS[c]);
                        f = measure(dirs.get(t), cmd, READ_ONLY[c] ? reps : 1);
                    }
                    row[c] = f;
                    System.out.printf("%-7d %-10s %-9s %9s %9s %9s  %s%n", n, t, COMMANDS[c], fmt(f.wall()),
                            fmt(f.cpu()), Double.isNaN(f.rssMb()) ? "-" : String.format("%.0f", f.rssMb()),
                            f.note());
                }
            }
            dirs.values().forEach(EngineGrowth::deleteQuietly);
            earlier = previous;
            previous = n;
        }
        exponents(all, sizes);
    }

    /**
     * Predicted seconds at n from the figure at the previous size, growing as it did between the two sizes before
     * (Terraform's apply is about quadratic) and never better than linear.
     */
    private static double predict(Figure first, Integer firstN, Figure before, int from, int n) {
        double k = 1;
        if (first != null && first.ran() && first.wall() > 0) {
            k = Math.max(1, exponent(first.wall(), before.wall(), new int[] {firstN, from}));
        }
        return before.wall() * Math.pow(n / (double) from, k);
    }

    private static List<String> command(String tool, String which) {
        List<String> out = new ArrayList<>(List.of(tool));
        switch (which) {
            case "validate" -> out.addAll(List.of("validate", "-no-color"));
            case "plan" -> out.addAll(List.of("plan", "-out=p.plan", "-input=false", "-no-color"));
            case "apply" -> out.addAll(List.of("apply", "-input=false", "-no-color", "p.plan"));
            case "no-op" -> out.addAll(List.of("plan", "-detailed-exitcode", "-input=false", "-no-color"));
            case "change" -> out.addAll(List.of("plan", "-input=false", "-no-color", "-var", "base_cidr=11.0.0.0/8"));
            case "destroy" -> out.addAll(List.of("destroy", "-auto-approve", "-input=false", "-no-color"));
            default -> throw new IllegalArgumentException(which);
        }
        return out;
    }

    private static Figure measure(Path dir, List<String> cmd, int reps) throws Exception {
        Figure best = null;
        for (int i = 0; i < reps; i++) {
            String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            Figure f = exec(dir, cmd, LIMIT_SECONDS);
            f = new Figure(f.wall(), f.cpu(), f.rssMb(), f.note().isEmpty() ? "load " + load : f.note());
            if (best == null || f.ran() && (!best.ran() || f.cpu() < best.cpu())) {
                best = f;
            }
            if (!f.ran()) {
                break;
            }
        }
        return best;
    }

    /** Runs a command under /usr/bin/time: its wall, user+sys and peak RSS; a timeout kills it and says so. */
    private static Figure exec(Path dir, List<String> cmd, long limitSeconds) throws Exception {
        Path times = Files.createTempFile("growth-time", ".txt");
        List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %U %S %M", "-o", times.toString()));
        full.addAll(cmd);
        Process p = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("last-command.log").toFile()).start();
        if (!p.waitFor(limitSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
            return Figure.skipped("timed out after " + limitSeconds + " s");
        }
        int code = p.exitValue();
        if (code != 0 && code != 2) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed (" + code + "): "
                    + Files.readString(dir.resolve("last-command.log")));
        }
        String[] lines = Files.readString(times).trim().split("\n");
        String[] f = lines[lines.length - 1].trim().split(" ");
        Files.deleteIfExists(times);
        return new Figure(Double.parseDouble(f[0]), Double.parseDouble(f[1]) + Double.parseDouble(f[2]),
                Long.parseLong(f[3]) / 1024.0, "");
    }

    private static void exponents(Map<String, Map<Integer, Figure[]>> all, List<Integer> sizes) {
        System.out.println();
        System.out.println("Growth exponent log(t2/t1)/log(n2/n1), CPU time (wall in brackets); target <= 1.1 "
                + "from 10,000 to 50,000");
        List<int[]> pairs = new ArrayList<>();
        for (int i = 1; i < sizes.size(); i++) {
            pairs.add(new int[] {sizes.get(i - 1), sizes.get(i)});
        }
        if (sizes.contains(10_000) && sizes.contains(50_000)) {
            pairs.add(new int[] {10_000, 50_000});
        }
        for (var tool : all.entrySet()) {
            System.out.printf("%-10s %-13s", tool.getKey(), "");
            for (String c : COMMANDS) {
                System.out.printf(" %14s", c);
            }
            System.out.println();
            for (int[] pair : pairs) {
                System.out.printf("%-10s %-13s", "", pair[0] + "->" + pair[1]);
                for (int c = 0; c < COMMANDS.length; c++) {
                    Figure a = tool.getValue().get(pair[0])[c];
                    Figure b = tool.getValue().get(pair[1])[c];
                    String cell = !a.ran() || !b.ran() ? "-" : String.format("%.2f (%.2f)",
                            exponent(a.cpu(), b.cpu(), pair), exponent(a.wall(), b.wall(), pair));
                    System.out.printf(" %14s", cell);
                }
                System.out.println();
            }
        }
    }

    private static double exponent(double t1, double t2, int[] pair) {
        return Math.log(t2 / t1) / Math.log(pair[1] / (double) pair[0]);
    }

    private static String fmt(double s) {
        return Double.isNaN(s) ? "-" : String.format("%.2f", s);
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
