package dev.peerform.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * input: mutated configurations (the generated peering and every example, seeded mutations, the first few being
 * the hostile blocks themselves) through the CLI in process, in one worker JVM ({@link InputWorker}): validate,
 * then plan when valid; 0 internal errors, 0 runs over 10 s (of wall time and of CPU: a loaded machine's wait for
 * a core is not the input's cost). A worker that dies or hangs on an input is a failure
 * of that input; a new worker goes on with the next.
 */
final class InputFigure {

    static final String NAME = "input";

    private final Harness h;
    private final Figure figure = new Figure(NAME, "configurations");

    InputFigure(Harness h) {
        this.h = h;
    }

    Figure run() throws Exception {
        Path jar = h.root().resolve("engine/target/peerform.jar");
        Path corpusDir = h.newDir("input-corpus");
        List<String> corpus = new ArrayList<>();
        Path generated = corpusDir.resolve("peering.tf");
        Files.writeString(generated, PeeringConfig.generate(3));
        corpus.add(generated.toString());
        try (Stream<Path> s = Files.list(h.root().resolve("examples"))) {
            for (Path d : s.sorted().toList()) {
                if (Files.exists(d.resolve("main.tf"))) {
                    corpus.add(d.resolve("main.tf").toString());
                }
            }
        }
        Path work = h.newDir("input-work");
        Path failedInputs = h.newDir("input-failed");
        int from = h.onlyCase() == null ? 0 : h.onlyCase();
        int to = h.onlyCase() == null ? h.size().configurations() : h.onlyCase() + 1;
        Map<Integer, String> problems = new TreeMap<>();
        int ended = 0;
        String entry = null;
        long slowest = 0;
        int restarts = 0;
        while (from < to && restarts < 50) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx512m", "-Xss1m", "-XX:+UseSerialGC", "-Djava.security.manager=allow", "-cp",
                    Path.of(InputWorker.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                            .toString(), InputWorker.class.getName(), jar.toString(), work.toString(),
                    Long.toString(h.seed()), Integer.toString(from), Integer.toString(to)));
            cmd.addAll(corpus);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            int current = -1;
            boolean done = false;
            StringBuilder tail = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String l;
                while ((l = r.readLine()) != null) {
                    String[] f = l.split(" ", 4);
                    switch (f[0]) {
                        case "ENTRY" -> entry = l.substring(6);
                        case "BEGIN" -> {
                            current = Integer.parseInt(f[1]);
                            tail.setLength(0);
                        }
                        case "INTERNAL" -> {
                            problems.merge(current, "internal error in " + f[2] + ": " + (f.length > 3 ? f[3] : ""),
                                    (a, b) -> a + "; " + b);
                            figure.count("internal errors", 1);
                        }
                        case "SLOW" -> {
                            problems.merge(current, f[2] + " took " + f[3], (a, b) -> a + "; " + b);
                            figure.count("over 10 s", 1);
                        }
                        case "HUNG" -> {
                            problems.merge(current, f[2] + " still running after 60 s (worker ended)",
                                    (a, b) -> a + "; " + b);
                            figure.count("over 10 s", 1);
                        }
                        case "END" -> {
                            ended++;
                            slowest = Math.max(slowest, Long.parseLong(f[3]));
                            current = -1;
                        }
                        case "DONE" -> done = true;
                        default -> tail.append(l).append(" | ");
                    }
                }
            }
            p.waitFor(30, TimeUnit.SECONDS);
            if (done) {
                break;
            }
            if (current < 0) {
                figure.failed("the input worker ended before its first input (exit " + p.exitValue() + "): " + tail);
                return figure;
            }
            if (!problems.containsKey(current)) {
                problems.put(current, "the worker JVM died (exit " + p.exitValue() + "): " + tail);
                figure.count("worker died", 1);
            }
            ended++;
            from = current + 1;
            restarts++;
        }
        figure.note("in-process entry: " + entry + "; slowest input " + slowest + " ms");
        List<String> corpusText = new ArrayList<>();
        for (String c : corpus) {
            corpusText.add(Files.readString(Path.of(c)));
        }
        for (int i = 0; i < ended; i++) {
            int index = (h.onlyCase() == null ? 0 : h.onlyCase()) + i;
            String problem = problems.get(index);
            if (problem == null) {
                figure.held();
            } else {
                Path saved = failedInputs.resolve(index + ".tf");
                Files.write(saved, index < Mutator.hostileCount() ? Mutator.hostile(index).getBytes(
                        StandardCharsets.UTF_8) : Mutator.mutate(corpusText, h.seed(), index));
                figure.failed(h.replay(NAME, index) + "\ninput " + index + " (" + saved + "): " + problem);
            }
        }
        return figure;
    }
}
