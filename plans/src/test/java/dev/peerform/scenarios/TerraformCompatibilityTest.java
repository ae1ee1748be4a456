package dev.peerform.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * peerform against what Terraform 1.11.4 produced for the same terraform_data configuration (checked in under
 * engine/src/test/resources/terraform/terraform_data): the plan JSON's keys and action arrays, the human plan's
 * resource diff, and the exit codes.
 */
class TerraformCompatibilityTest {

    private static final Path FIXTURE = Path.of("..", "engine", "src", "test", "resources", "terraform",
            "terraform_data");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Scenario s;

    @BeforeEach
    void setUp() throws Exception {
        Files.copy(FIXTURE.resolve("main.tf"), dir.resolve("main.tf"));
        s = new Scenario(dir);
    }

    @Test
    void planJsonHasTerraformsKeysAndActionArrays() throws Exception {
        assertEquals(0, s.run("plan", "-out=p.plan").exitCode());
        JsonNode ours = JSON.readTree(s.run("show", "-json", "p.plan").out());
        JsonNode theirs = JSON.readTree(FIXTURE.resolve("plan.json").toFile());
        Set<String> expected = keys(theirs);
        Set<String> actual = keys(ours);
        actual.remove("peerform_ordered_actions");
        assertEquals(expected, actual, "top-level keys");
        assertEquals(addressesAndActions(theirs), addressesAndActions(ours));
        for (int i = 0; i < theirs.get("resource_changes").size(); i++) {
            assertEquals(keys(theirs.get("resource_changes").get(i).get("change")),
                    keys(ours.get("resource_changes").get(i).get("change")), "change keys of resource " + i);
            assertEquals(keys(theirs.get("resource_changes").get(i)), keys(ours.get("resource_changes").get(i)),
                    "keys of resource " + i);
        }
        assertEquals(keys(theirs.get("output_changes")), keys(ours.get("output_changes")));
        for (String name : List.of("b_ids", "sec")) {
            assertEquals(keys(theirs.get("output_changes").get(name)), keys(ours.get("output_changes").get(name)),
                    "output " + name);
            assertEquals(theirs.get("output_changes").get(name).get("actions"),
                    ours.get("output_changes").get(name).get("actions"));
        }
        assertEquals(keys(theirs.get("planned_values")), keys(ours.get("planned_values")));
        assertEquals(theirs.get("format_version"), ours.get("format_version"));
    }

    @Test
    void humanPlanHasTerraformsResourceDiff() throws Exception {
        String theirs = Files.readString(FIXTURE.resolve("plan.txt"));
        String ours = s.run("plan", "-no-color").out();
        assertEquals(section(theirs.replace("Terraform", "peerform")), section(ours));
        assertTrue(ours.contains("Plan: 4 to add, 0 to change, 0 to destroy."), ours);
        assertTrue(ours.contains("Changes to Outputs:\n  + b_ids = [\n      + (known after apply),\n"), ours);
    }

    @Test
    void exitCodesAreTerraforms() {
        assertEquals(2, s.run("plan", "-detailed-exitcode").exitCode(), "changes");
        assertEquals(0, s.run("apply", "-auto-approve").exitCode());
        assertEquals(0, s.run("plan", "-detailed-exitcode").exitCode(), "no changes");
        assertEquals(1, s.run("plan", "-var", "nope=1").exitCode(), "error");
    }

    /** From "will perform the following actions:" to the "Plan:" line. */
    private static String section(String text) {
        int from = text.indexOf("will perform the following actions:");
        int to = text.indexOf("Plan:");
        return text.substring(from, to);
    }

    private static Set<String> keys(JsonNode n) {
        Set<String> out = new TreeSet<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> addressesAndActions(JsonNode plan) {
        List<String> out = new ArrayList<>();
        plan.get("resource_changes").forEach(r -> out.add(r.get("address").asText() + " "
                + r.get("change").get("actions")));
        return out;
    }
}
