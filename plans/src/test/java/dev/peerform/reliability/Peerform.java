package dev.peerform.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * peerform as a user runs it: the {@code ./peerform} launcher as a whole process in a working directory, so that
 * the harness depends on no engine class and survives any re-cut of the engine's packages.
 */
final class Peerform {

    /** A finished command: exit code, stdout and stderr interleaved, and whether the harness had to kill it. */
    record Run(List<String> args, int code, String out, boolean timedOut, long millis) {

        boolean ok() {
            return code == 0 && !timedOut;
        }

        /** The lines a developer needs first: the errors, else the last lines. */
        String gist() {
            Set<String> errors = new LinkedHashSet<>();
            String[] lines = out.split("\n");
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i];
                if (l.contains("Error") || l.contains("internal error") || l.contains("Exception")) {
                    errors.add(l.strip());
                    if (i + 1 < lines.length && !lines[i + 1].isBlank()) {
                        errors.add(lines[i + 1].strip());
                    }
                }
            }
            List<String> chosen = errors.isEmpty() ? List.of(lines).subList(Math.max(0, lines.length - 4),
                    lines.length) : errors.stream().limit(8).toList();
            return "`peerform " + String.join(" ", args) + "` exit " + code + (timedOut ? " (timed out, killed)" : "")
                    + ": " + String.join(" | ", chosen);
        }
    }

    private final Path launcher;
    private final Map<String, String> env;

    Peerform(Path launcher, Map<String, String> env) {
        this.launcher = launcher;
        this.env = Map.copyOf(env);
    }

    Peerform withEnv(Map<String, String> more) {
        Map<String, String> m = new HashMap<>(env);
        m.putAll(more);
        return new Peerform(launcher, m);
    }

    Run run(Path dir, Duration timeout, String... args) {
        Running r = start(dir, args);
        return r.await(timeout);
    }

    Running start(Path dir, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(launcher.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("NO_COLOR", "1");
        pb.environment().putAll(env);
        try {
            return new Running(List.of(args), pb.start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + launcher + ": " + e.getMessage(), e);
        }
    }

    /**
     * A command still running. Its output is read on a thread, line by line, so the harness can act at a moment
     * named by a progress line. The launcher execs java, so the process id is the JVM's: signals reach peerform.
     */
    static final class Running {
        private static final String END = "\u0000end";
        private final List<String> args;
        private final Process process;
        private final long started = System.nanoTime();
        private final StringBuffer out = new StringBuffer();
        private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final Thread reader;

        Running(List<String> args, Process process) {
            this.args = args;
            this.process = process;
            this.reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String l;
                    while ((l = r.readLine()) != null) {
                        out.append(l).append('\n');
                        lines.add(l);
                    }
                } catch (IOException e) {
                    // the process died under us: what was read is what there is
                } finally {
                    lines.add(END);
                }
            }, "peerform-output");
            reader.setDaemon(true);
            reader.start();
        }

        long pid() {
            return process.pid();
        }

        boolean alive() {
            return process.isAlive();
        }

        /** The next line matching, or null when the process ended first or the time ran out. */
        String awaitLine(Predicate<String> wanted, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                while (true) {
                    long left = deadline - System.nanoTime();
                    String l = lines.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
                    if (l == null || l == END) {
                        if (l == END) {
                            lines.add(END);
                        }
                        return null;
                    }
                    if (wanted.test(l)) {
                        return l;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        void signal(String name) {
            try {
                new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start()
                        .waitFor(10, TimeUnit.SECONDS);
            } catch (IOException e) {
                throw new IllegalStateException("kill -" + name + " failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** SIGKILL, as a crash or the OOM killer would. */
        void kill9() {
            process.destroyForcibly();
        }

        Run await(Duration timeout) {
            boolean timedOut = false;
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    timedOut = true;
                    process.destroyForcibly();
                    process.waitFor(30, TimeUnit.SECONDS);
                }
                reader.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Run(args, timedOut ? -1 : process.exitValue(), out.toString(), timedOut,
                    (System.nanoTime() - started) / 1_000_000);
        }

        String outputSoFar() {
            return out.toString();
        }
    }
}
