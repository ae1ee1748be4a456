package dev.peerform.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.peerform.golden.Golden;
import dev.peerform.json.TerraformJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden plans (plans/scenarios/README.md): every scenario of plans/scenarios, through every step of its life, must plan to
 * exactly the checked-in text and JSON, once the cloud's ids and the timestamps are replaced by placeholders.
 */
class GoldenPlansTest {

    private static final Path SCENARIOS = Path.of("scenarios");
    private static final Path EXAMPLES = Path.of("..", "examples");

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> everyScenarioPlansAsRecorded() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(SCENARIOS)) {
            for (Path scenario : dirs.filter(Files::isDirectory).sorted().toList()) {
                tests.add(DynamicTest.dynamicTest(scenario.getFileName().toString(), () -> walk(scenario)));
            }
        }
        return tests.stream();
    }

    private void walk(Path scenario) throws Exception {
        Path dir = Files.createDirectories(work.resolve(scenario.getFileName()));
        // a scenario's configuration is the documented example's, never a copy that could drift from it
        Files.copy(EXAMPLES.resolve("vpc-peering-" + scenario.getFileName()).resolve("main.tf"),
                dir.resolve("main.tf"));
        Scenario s = new Scenario(dir);
        Golden golden = Golden.fromSystemProperties();
        List<String> differences = new ArrayList<>();

        step(s, scenario, "1-create", golden, differences);
        ok(s.run("apply", "-auto-approve"));
        step(s, scenario, "2-bandwidth", golden, differences, "-var", "bandwidth=Small.5");
        ok(s.run("apply", "-auto-approve", "-var", "bandwidth=Small.5"));
        String initiator = initiatorId(dir);
        ok(s.run("emulator", "suspend", initiator));
        Thread.sleep(1_200);
        step(s, scenario, "3-suspended", golden, differences, "-var", "bandwidth=Small.5");
        ok(s.run("apply", "-auto-approve", "-var", "bandwidth=Small.5"));
        step(s, scenario, "4-destroy", golden, differences, "-destroy", "-var", "bandwidth=Small.5");
        if (!differences.isEmpty()) {
            fail(String.join("\n\n", differences) + "\n\nIf the change is intended, regenerate with "
                    + "-Dgolden.update=true (plans/scenarios/README.md) and review the diff.");
        }
    }

    private static void step(Scenario s, Path scenario, String name, Golden golden, List<String> differences,
            String... extra) {
        List<String> args = new ArrayList<>(List.of("plan", "-no-color", "-out=" + name + ".plan"));
        args.addAll(List.of(extra));
        Scenario.Run plan = s.run(args.toArray(String[]::new));
        if (plan.exitCode() != 0) {
            fail(name + ": plan failed: " + plan.out() + plan.err());
        }
        Scenario.Run json = s.run("show", "-json", name + ".plan");
        check(golden, scenario.resolve(name + ".plan.txt"), normalise(plan.out()), differences);
        check(golden, scenario.resolve(name + ".plan.json"), normalise(indented(json.out())), differences);
    }

    private static void check(Golden golden, Path file, String actual, List<String> differences) {
        Optional<String> d = golden.check(file, actual);
        d.ifPresent(differences::add);
    }

    /** show -json prints one line, as Terraform does; the golden files are indented so that a diff is readable. */
    private static String indented(String json) {
        try {
            return TerraformJson.MAPPER.writeValueAsString(TerraformJson.MAPPER
                    .readTree(json)) + "\n";
        } catch (java.io.IOException e) {
            throw new AssertionError("show -json printed invalid JSON: " + json, e);
        }
    }

    /** The cloud's ids and the timestamps change from run to run; the plan's shape must not. */
    static String normalise(String text) {
        return text.replaceAll("\\b(vpc|vrt|vtb|ri|rte|vbr)-[0-9a-z]{20}\\b", "<$1-id>")
                .replaceAll("\"timestamp\"\\s*:\\s*\"[^\"]*\"", "\"timestamp\": \"<timestamp>\"")
                .replaceAll("\"(lineage)\"\\s*:\\s*\"[^\"]*\"", "\"$1\": \"<lineage>\"")
                .replaceAll("\"serial\"\\s*:\\s*\\d+", "\"serial\": <serial>")
                // the cost is priced on the day the plan is made (promotions are dated)
                .replaceAll("\"date\"\\s*:\\s*\"\\d{4}-\\d{2}-\\d{2}\"", "\"date\": \"<date>\"")
                .replaceAll("(as of|on) \\d{4}-\\d{2}-\\d{2}", "$1 <date>");
    }

    private static String initiatorId(Path dir) throws Exception {
        String state = Files.readString(dir.resolve("terraform.tfstate"));
        var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(state);
        for (var r : root.get("resources")) {
            if (r.get("type").asText().equals("alicloud_router_interface")) {
                for (var i : r.get("instances")) {
                    if (i.get("attributes").get("role").asText().equals("InitiatingSide")) {
                        return i.get("attributes").get("id").asText();
                    }
                }
            }
        }
        throw new IllegalStateException("no initiator in the state");
    }

    private static void ok(Scenario.Run r) {
        assertEquals(0, r.exitCode(), r.out() + r.err());
    }
}
