package dev.peerform.scenarios;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official documentation's example patterns (providers/alicloud/src/test/resources/official-examples), run
 * unchanged through validate and plan against the embedded emulator with no keys in the environment (the aliyun CLI
 * profiles "left" and "right" in a temporary HOME for the cross-account file). Every file must pass, except those
 * listed with the reason they cannot, which must fail with that reason.
 */
class OfficialExamplesTest {

    private static final Path EXAMPLES = Path.of("..", "providers", "alicloud", "src", "test", "resources",
            "official-examples");

    /**
     * The files that cannot validate and plan, each with the documented reason its first error must show (a
     * product or argument peerform does not model). Every other file must pass. Empty: all 29 pass.
     */
    private static final Map<String, String> CANNOT_PASS = Map.of();

    @TempDir
    Path root;

    @Test
    void theOfficialExamplePatternsForPeerformsTypesValidateAndPlanWithNoKeys() throws IOException {
        Path home = root.resolve("home");
        Files.createDirectories(home.resolve(".aliyun"));
        Files.writeString(home.resolve(".aliyun/config.json"), """
                {"current": "left", "profiles": [
                  {"name": "left", "mode": "AK", "access_key_id": "LTAIpeerformDemo12345678",
                   "access_key_secret": "demo-secret-12345678", "region_id": "cn-beijing"},
                  {"name": "right", "mode": "AK", "access_key_id": "LTAIpeerformDemo87654321",
                   "access_key_secret": "demo-secret-87654321", "region_id": "cn-hangzhou"}]}
                """);
        Map<String, String> failures = new TreeMap<>();
        List<String> passed = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(EXAMPLES)) {
            files = walk.filter(p -> p.toString().endsWith(".tf")).sorted().toList();
        }
        for (Path file : files) {
            String name = EXAMPLES.relativize(file).toString().replace('\\', '/');
            Path dir = Files.createDirectories(root.resolve(name.replace('/', '_')));
            Files.copy(file, dir.resolve("main.tf"));
            Scenario s = new Scenario(dir);
            s.env.put("HOME", home.toString());
            Scenario.Run validate = s.run("validate", "-no-color");
            Scenario.Run plan = validate.exitCode() == 0 ? s.run("plan", "-no-color") : validate;
            if (validate.exitCode() == 0 && plan.exitCode() == 0) {
                passed.add(name);
            } else {
                failures.put(name, (validate.exitCode() != 0 ? "validate: " : "plan: ") + firstError(plan.err()));
            }
        }
        StringBuilder report = new StringBuilder("official examples passing validate and plan: " + passed.size()
                + " of " + files.size() + "\n");
        passed.forEach(k -> report.append("  PASS ").append(k).append('\n'));
        failures.forEach((k, v) -> report.append("  FAIL ").append(k).append(" -- ").append(v).append('\n'));
        System.out.println(report);
        for (Path file : files) {
            String name = EXAMPLES.relativize(file).toString().replace('\\', '/');
            String reason = CANNOT_PASS.get(name);
            if (reason == null) {
                assertTrue(passed.contains(name), name + " does not plan:\n" + report);
            } else {
                assertTrue(failures.getOrDefault(name, "").contains(reason), name + " should fail with: " + reason
                        + "\n" + report);
            }
        }
    }

    private static String firstError(String err) {
        for (String line : err.split("\n")) {
            if (line.startsWith("Error: ")) {
                int at = err.indexOf(line);
                String rest = err.substring(at);
                String[] lines = rest.split("\n");
                StringBuilder b = new StringBuilder(line);
                for (int i = 1; i < lines.length && i < 12; i++) {
                    if (!lines[i].isBlank() && !lines[i].startsWith(" ") && !lines[i].startsWith("Error")) {
                        b.append(" | ").append(lines[i]);
                        break;
                    }
                }
                return b.toString();
            }
        }
        return err.lines().findFirst().orElse("(no message)");
    }
}
