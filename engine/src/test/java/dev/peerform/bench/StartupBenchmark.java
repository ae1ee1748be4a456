package dev.peerform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Start-up as a user meets it: {@code version}, {@code validate} and {@code plan} of N terraform_data blocks
 * (GeneratedConfig.terraformData) as whole processes through the launcher, on Java 17 (class-data archive) and on
 * Java 25 (ahead-of-time cache) when installed, alternated with Terraform when it is on the PATH. Each figure is the
 * minimum of REPS runs: wall time, and CPU time (user + sys) where /usr/bin/time exists; the ratio is Terraform's
 * wall time over peerform's (above 1: peerform is ahead). The load average is printed before and after, since a
 * busy machine inflates every wall time.
 *
 * <p>{@code bench/run.sh startup [N...] [--reps R]}; N defaults to 100 and 1,000, R to 5.
 */
public final class StartupBenchmark {

    private static final Path LAUNCHER = Path.of("peerform").toAbsolutePath();
    private static final List<String> COMMANDS = List.of("version", "validate", "plan");

    private StartupBenchmark() {
    }

    private record Tool(String name, List<String> command, Map<String, String> env) {
    }

    /** Seconds of wall and of CPU time (NaN when unknown). */
    private record Sample(double wall, double cpu) {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        int reps = 5;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--reps")) {
                reps = Integer.parseInt(args[++i]);
            } else {
                sizes.add(Integer.parseInt(args[i]));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(100, 1_000);
        }
        List<Tool> tools = new ArrayList<>();
        Path java17 = jdk(17);
        if (java17 != null) {
            tools.add(new Tool("peerform java17 CDS", List.of(LAUNCHER.toString()), Map.of("PEERFORM_JAVA",
                    java17.toString())));
        }
        Path java25 = jdk(25);
        if (java25 != null) {
            tools.add(new Tool("peerform java25 AOT", List.of(LAUNCHER.toString()), Map.of("PEERFORM_JAVA",
                    java25.toString())));
        }
        boolean terraform = LanguageBenchmark.onPath("terraform");
        if (terraform) {
            tools.add(new Tool("terraform", List.of("terraform"), Map.of()));
        }
        System.out.println("Start-up: whole processes, min of " + reps + " alternated runs; seconds of wall / CPU "
                + "(user+sys); ratio = Terraform's wall / this one's");
        System.out.println("load average before: " + loadAverage());
        System.out.printf("%-7s %-9s %-20s %8s %8s %8s%n", "N", "command", "tool", "wall", "cpu", "ratio");
        for (int n : sizes) {
            Path dir = Files.createTempDirectory("peerform-bench-startup");
            try {
                Files.writeString(dir.resolve("main.tf"), GeneratedConfig.terraformData(n));
                if (terraform) {
                    exec(dir, List.of("terraform", "init", "-input=false", "-no-color"), Map.of());
                }
                for (Tool t : tools) {
                    exec(dir, concat(t.command(), "version"), t.env()); // the first run builds the jar and cache
                }
                for (String command : COMMANDS) {
                    Map<String, Sample> best = new LinkedHashMap<>();
                    for (int r = 0; r < reps; r++) {
                        for (Tool t : tools) {
                            Sample s = exec(dir, concat(t.command(), args(command)), t.env());
                            best.merge(t.name(), s, (a, b) -> new Sample(Math.min(a.wall(), b.wall()),
                                    Math.min(a.cpu(), b.cpu())));
                        }
                    }
                    Sample theirs = best.get("terraform");
                    for (Tool t : tools) {
                        Sample s = best.get(t.name());
                        String ratio = theirs == null || t.name().equals("terraform") ? ""
                                : String.format("%.2fx", theirs.wall() / s.wall());
                        System.out.printf("%-7d %-9s %-20s %8.3f %8s %8s%n", n, command, t.name(), s.wall(),
                                Double.isNaN(s.cpu()) ? "-" : String.format("%.3f", s.cpu()), ratio);
                    }
                }
            } finally {
                delete(dir);
            }
        }
        System.out.println("load average after: " + loadAverage());
    }

    private static String[] args(String command) {
        return switch (command) {
            case "plan" -> new String[] {"plan", "-input=false", "-no-color", "-lock=false"};
            case "validate" -> new String[] {"validate", "-no-color"};
            default -> new String[] {command};
        };
    }

    private static List<String> concat(List<String> cmd, String... more) {
        List<String> out = new ArrayList<>(cmd);
        out.addAll(Arrays.asList(more));
        return out;
    }

    private static Sample exec(Path dir, List<String> cmd, Map<String, String> env) throws Exception {
        Path times = Files.createTempFile("startup", ".txt");
        try {
            boolean timed = Files.isExecutable(Path.of("/usr/bin/time"));
            List<String> full = new ArrayList<>();
            if (timed) {
                full.addAll(List.of("/usr/bin/time", "-f", "%e %U %S", "-o", times.toString()));
            }
            full.addAll(cmd);
            ProcessBuilder pb = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("last-command.log").toFile());
            pb.environment().putAll(env);
            long t0 = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(600, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor();
                throw new IllegalStateException(String.join(" ", cmd) + " timed out");
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed (" + p.exitValue() + "): "
                        + Files.readString(dir.resolve("last-command.log")));
            }
            double cpu = Double.NaN;
            if (timed) {
                String[] lines = Files.readString(times).trim().split("\n");
                String[] f = lines[lines.length - 1].trim().split(" ");
                cpu = Double.parseDouble(f[1]) + Double.parseDouble(f[2]);
            }
            return new Sample(wall, cpu);
        } finally {
            Files.deleteIfExists(times);
        }
    }

    /** The JDK of that major version: this JVM's own, else the first under /usr/lib/jvm; null when none. */
    private static Path jdk(int major) throws IOException {
        if (Runtime.version().feature() == major) {
            return Path.of(System.getProperty("java.home"));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return null;
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            for (Path home : homes.sorted().toList()) {
                Path release = home.resolve("release");
                if (Files.isReadable(release) && Files.isExecutable(home.resolve("bin/java"))
                        && Files.readString(release).matches("(?s).*JAVA_VERSION=\"" + major + "[.\"].*")) {
                    return home;
                }
            }
        }
        return null;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
