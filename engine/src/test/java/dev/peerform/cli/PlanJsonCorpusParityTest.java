package dev.peerform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plan JSON against Terraform 1.11's for the configurations of the CLI and block scenarios where a survey
 * (oracle/compare-plan-json.py) found differences (resources/output/corpus, from
 * oracle/generate-corpus-parity.sh): a root with only modules (provider keys {@code module.c:terraform}, empty
 * members left out), import blocks with for_each ({@code importing}), outputs of every kind with a null one (no-op,
 * not in the prior state), check blocks; each planned from an empty state and again after applying it. Only the
 * differences the README lists may remain.
 */
class PlanJsonCorpusParityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CORPUS = Path.of("src/test/resources/output/corpus");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** The paths that may differ, each for a reason the README gives. */
    private static final List<Pattern> KNOWN = List.of(
            Pattern.compile("/peerform_ordered_actions"),
            Pattern.compile("/timestamp"),
            // relevant_attributes: the same set in another order, compared as a set below
            Pattern.compile("/relevant_attributes/\\d+/.*"),
            // a sensitive value is never written to a plan by peerform (Terraform writes it in clear)
            Pattern.compile("/variables/secret/value"),
            Pattern.compile("/configuration/root_module/variables/secret/default"),
            Pattern.compile("/output_changes/secret/(before|after)"),
            Pattern.compile("/planned_values/outputs/secret/(type|value)"),
            Pattern.compile("/prior_state/values/outputs/secret/value"),
            // not built: the results of checks and validations
            Pattern.compile("/checks"));
    /** Not built: the imported objects in the prior state of the plan that imports them (Terraform reads them). */
    private static final Pattern IMPORTED = Pattern.compile("/prior_state");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"modules", "import", "outputs", "checks"})
    void planJsonMatchesTerraformsButForTheListedDifferences(String name) throws IOException {
        Path config = copy(name);
        CliRun plan = CliRun.in(dir, "plan", "-out", "p.tfplan");
        assertEquals(0, plan.exitCode(), plan.err());
        assertMatches(config.resolve("plan.json"), "p.tfplan", name.equals("import"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"modules", "import", "outputs", "checks"})
    void planJsonAfterApplyMatchesTerraformsButForTheListedDifferences(String name) throws IOException {
        Path config = copy(name);
        CliRun apply = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(0, apply.exitCode(), apply.err());
        CliRun plan = CliRun.in(dir, "plan", "-out", "q.tfplan");
        assertEquals(0, plan.exitCode(), plan.err());
        assertMatches(config.resolve("replan.json"), "q.tfplan", false);
    }

    private Path copy(String name) throws IOException {
        Path config = CORPUS.resolve(name);
        try (Stream<Path> files = Files.walk(config)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".tf")).toList()) {
                Path to = dir.resolve(config.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        return config;
    }

    private void assertMatches(Path expected, String planFile, boolean imports) throws IOException {
        CliRun show = CliRun.in(dir, "show", "-json", planFile);
        assertEquals(0, show.exitCode(), show.err());
        JsonNode ours = JSON.readTree(UUID.matcher(show.out()).replaceAll("<id>"));
        JsonNode theirs = JSON.readTree(UUID.matcher(Files.readString(expected)).replaceAll("<id>"));
        List<String> differences = JsonDifferences.of(ours, theirs);
        differences.removeIf(d -> KNOWN.stream().anyMatch(k -> k.matcher(d.substring(0, d.indexOf(' '))).matches())
                || imports && IMPORTED.matcher(d.substring(0, d.indexOf(' '))).matches());
        assertEquals(List.of(), differences);
        assertEquals(JsonDifferences.elements(theirs.path("relevant_attributes")), JsonDifferences.elements(ours.path("relevant_attributes")));
    }

}
