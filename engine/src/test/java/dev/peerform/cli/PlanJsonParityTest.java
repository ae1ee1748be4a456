package dev.peerform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code show -json PLANFILE} against Terraform 1.11's for the same terraform_data configuration (modules called
 * with count and for_each, depends_on, a sensitive variable with a default): every path of the two documents is
 * compared, and only the differences the README lists (on purpose, or not built yet) may remain. A policy written
 * against Terraform's plan JSON then reads peerform's the same way.
 */
class PlanJsonParityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The paths that may differ, each for a reason the README gives. */
    private static final List<Pattern> KNOWN = List.of(
            // peerform's own key: the numbered steps
            Pattern.compile("/peerform_ordered_actions"),
            // a sensitive value is never written to a plan by peerform (Terraform writes it in clear)
            Pattern.compile("/variables/secret/value"),
            Pattern.compile("/configuration/root_module/variables/secret/default"),
            Pattern.compile("/resource_changes/\\d+/change/after/input"),
            Pattern.compile("/planned_values/root_module/resources/\\d+/values/input"),
            // the same set in another order (Terraform's is its graph walk's): compared as a set below
            Pattern.compile("/relevant_attributes/\\d+/.*"));

    @TempDir
    Path dir;

    @BeforeEach
    void config() throws IOException {
        Files.createDirectories(dir.resolve("peer"));
        Files.writeString(dir.resolve("main.tf"), fixture("main.tf"));
        Files.writeString(dir.resolve("peer/main.tf"), fixture("peer/main.tf"));
    }

    @Test
    void planJsonMatchesTerraformsButForTheListedDifferences() throws IOException {
        assertEquals(0, CliRun.in(dir, "plan", "-out", "p.tfplan").exitCode());
        CliRun show = CliRun.in(dir, "show", "-json", "p.tfplan");
        assertEquals(0, show.exitCode(), show.err());
        JsonNode ours = JSON.readTree(show.out());
        JsonNode theirs = JSON.readTree(fixture("plan.json"));
        assertTrue(ours.get("timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"),
                "Terraform's timestamp is to the second: " + ours.get("timestamp"));
        List<String> differences = JsonDifferences.of(ours, theirs);
        differences.removeIf(d -> d.startsWith("/timestamp "));
        differences.removeIf(d -> KNOWN.stream().anyMatch(k -> k.matcher(d.substring(0, d.indexOf(' '))).matches()));
        assertEquals(List.of(), differences);
        assertEquals(JsonDifferences.elements(theirs.get("relevant_attributes")), JsonDifferences.elements(ours.get("relevant_attributes")));
    }

    @Test
    void moduleCallsAndChildModulesAreWhereTerraformPutsThem() throws IOException {
        assertEquals(0, CliRun.in(dir, "plan", "-out", "p.tfplan").exitCode());
        JsonNode plan = JSON.readTree(CliRun.in(dir, "show", "-json", "p.tfplan").out());
        JsonNode peer = plan.at("/configuration/root_module/module_calls/peer");
        assertEquals("./peer", peer.get("source").asText());
        assertEquals("var.names", peer.at("/for_each_expression/references/0").asText());
        assertEquals("terraform_data.p", peer.at("/module/resources/1/depends_on/0").asText());
        assertEquals(1, plan.at("/configuration/root_module/module_calls/once/count_expression/constant_value")
                .asInt());
        assertEquals("module.peer[\"x\"]", plan.at("/planned_values/root_module/child_modules/1/address").asText());
        assertTrue(plan.at("/planned_values/root_module/resources/0/values").has("input"));
        assertTrue(!plan.at("/planned_values/root_module/resources/0/values").has("id"),
                "an unknown attribute is left out of planned values, not null");
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = PlanJsonParityTest.class.getResourceAsStream("/output/parity/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
