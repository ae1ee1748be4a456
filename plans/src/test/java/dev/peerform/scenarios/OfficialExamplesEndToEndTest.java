package dev.peerform.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official documentation's example patterns (providers/alicloud/src/test/resources/official-examples), each
 * file run unchanged through validate, plan, apply, a clean re-plan and destroy against the embedded emulator,
 * with the default world's keys in the environment as users keep them out of their files. Every file must pass,
 * except those listed with the reason they cannot; the summary (which stage stops a file, and why) is written to
 * target/official-examples.txt.
 */
class OfficialExamplesEndToEndTest {

    private static final Path EXAMPLES = Path.of("..", "providers", "alicloud", "src", "test", "resources",
            "official-examples");

    /**
     * The files that cannot pass, each with the documented reason its failure must show (a product or argument
     * peerform does not model). Every other file must pass the whole lifecycle. Empty: all 29 pass.
     */
    private static final Map<String, String> CANNOT_PASS = Map.of();

    private static final List<List<String>> STAGES = List.of(List.of("validate"), List.of("plan"),
            List.of("apply", "-auto-approve"), List.of("plan", "-detailed-exitcode"),
            List.of("destroy", "-auto-approve"));

    @TempDir
    Path dir;

    @Test
    void theOfficialExamplesThatPassKeepPassingEndToEnd() throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(EXAMPLES)) {
            files = all.filter(p -> p.toString().endsWith(".tf")).sorted().toList();
        }
        Map<String, String> outcome = new TreeMap<>();
        int n = 0;
        for (Path f : files) {
            String name = EXAMPLES.relativize(f).toString().replace('\\', '/');
            Path work = Files.createDirectory(dir.resolve("ex" + n++));
            Files.copy(f, work.resolve("main.tf"));
            Scenario s = DependsOnOrderTest.keyed(new Scenario(work));
            outcome.put(name, run(s));
        }
        Set<String> passed = new TreeSet<>();
        outcome.forEach((k, v) -> {
            if (v.equals("ok")) {
                passed.add(k);
            }
        });
        List<String> lines = new ArrayList<>();
        lines.add(passed.size() + " of " + outcome.size() + " official example patterns pass validate, plan, apply, "
                + "a clean re-plan and destroy");
        outcome.forEach((k, v) -> lines.add(k + ": " + v));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "official-examples.txt"), lines);
        Set<String> broken = new TreeSet<>();
        outcome.forEach((k, v) -> {
            String reason = CANNOT_PASS.get(k);
            if (reason == null ? !v.equals("ok") : !v.contains(reason)) {
                broken.add(k);
            }
        });
        assertTrue(broken.isEmpty(), "not as expected: " + broken + "\n" + String.join("\n", lines));
        assertEquals(files.size(), outcome.size());
    }

    /** "ok", or the stage that failed with the first error's summary. */
    private static String run(Scenario s) {
        for (List<String> stage : STAGES) {
            Scenario.Run r = s.run(stage.toArray(String[]::new));
            if (r.exitCode() != 0) {
                String text = r.out() + r.err();
                String first = text.lines().filter(l -> l.startsWith("Error: ")).findFirst().orElse(
                        stage.contains("-detailed-exitcode") ? "the re-plan is not clean" : "exit " + r.exitCode());
                return String.join(" ", stage) + ": " + first;
            }
        }
        return "ok";
    }
}
