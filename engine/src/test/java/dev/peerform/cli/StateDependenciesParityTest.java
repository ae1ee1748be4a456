package dev.peerform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dependencies a state records per instance, against what Terraform 1.11.4 recorded for the same
 * configuration (engine/src/test/resources/state/dependencies: terraform apply, then the resources' module, type,
 * name and each instance's dependencies extracted with jq): transitive through resources and modules, by the
 * configuration's address, sorted.
 */
class StateDependenciesParityTest {

    private static final Path FIXTURE = Path.of("src/test/resources/state/dependencies");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void stateRecordsEveryDependencyTransitivelyAndSortedAsTerraformDoes() throws Exception {
        Files.copy(FIXTURE.resolve("main.tf"), dir.resolve("main.tf"));
        Files.createDirectories(dir.resolve("m"));
        Files.copy(FIXTURE.resolve("m/main.tf"), dir.resolve("m/main.tf"));
        CliRun apply = CliRun.in(dir, "apply", "-auto-approve", "-no-color");
        assertEquals(0, apply.exitCode(), apply.out() + apply.err());
        JsonNode theirs = JSON.readTree(FIXTURE.resolve("terraform-dependencies.json").toFile()).get("resources");
        JsonNode ours = dependencies(JSON.readTree(dir.resolve("terraform.tfstate").toFile()));
        assertEquals(theirs, ours);
        CliRun plan = CliRun.in(dir, "plan", "-detailed-exitcode", "-no-color");
        assertEquals(0, plan.exitCode(), "the next plan is clean: " + plan.out() + plan.err());
    }

    /** The same extraction as the fixture's: module, type, name and each instance's index key and dependencies. */
    private static ArrayNode dependencies(JsonNode state) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode r : state.get("resources")) {
            ObjectNode o = out.addObject();
            o.set("module", r.has("module") ? r.get("module") : JsonNodeFactory.instance.nullNode());
            o.set("type", r.get("type"));
            o.set("name", r.get("name"));
            ArrayNode instances = o.putArray("instances");
            for (JsonNode i : r.get("instances")) {
                ObjectNode n = instances.addObject();
                n.set("index_key", i.has("index_key") ? i.get("index_key") : JsonNodeFactory.instance.nullNode());
                n.set("dependencies", i.has("dependencies") ? i.get("dependencies")
                        : JsonNodeFactory.instance.nullNode());
            }
        }
        return out;
    }
}
