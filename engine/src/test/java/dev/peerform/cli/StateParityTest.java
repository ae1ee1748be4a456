package dev.peerform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sensitive values in state, against the fixture Terraform 1.11 wrote (engine/src/test/resources/state/parity,
 * from engine/src/test/oracle/generate-state-parity.sh): peerform reads Terraform's state without showing a
 * secret and plans no change on it, and writes the same state for the same configuration, which Terraform (when
 * on the PATH) plans with nothing to change.
 */
class StateParityTest {

    private static final Path FIXTURE = Path.of("src/test/resources/state/parity");
    private static final String SECRET = "correct-horse-battery-staple";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private void copy(String... names) throws Exception {
        for (String n : names) {
            Files.copy(FIXTURE.resolve(n), dir.resolve(n));
        }
    }

    @Test
    void terraformsStateIsReadWithItsSecretsMarkedAndPlansNoChange() throws Exception {
        copy("main.tf", "terraform.tfvars", "terraform.tfstate");
        CliRun plan = CliRun.in(dir, "plan", "-detailed-exitcode", "-no-color");
        assertEquals(0, plan.exitCode(), plan.out() + plan.err());
        assertEquals(JSON.readTree(FIXTURE.resolve("output.json").toFile()),
                JSON.readTree(CliRun.in(dir, "output", "-json").out()), "output -json as Terraform's");
        assertEquals(Files.readString(FIXTURE.resolve("output-raw.txt")), CliRun.in(dir, "output", "-raw",
                "password").out());
        String show = CliRun.in(dir, "show", "-no-color").out();
        // show.txt: Terraform marks input (whole, and input.password), not output, and so does peerform
        assertTrue(show.contains("input  = (sensitive value)"), show);
        String nestedInput = show.substring(show.indexOf("input            = {"), show.indexOf("output           ="));
        assertFalse(nestedInput.contains(SECRET), nestedInput);
        assertTrue(nestedInput.contains("password = (sensitive value)"), nestedInput);
    }

    @Test
    void showPrintsTerraformsStateAsTerraformShowDoes() throws Exception {
        copy("main.tf", "terraform.tfvars", "terraform.tfstate");
        // show.txt is Terraform 1.11's `show -no-color` of this state: no change markers, nested values four in,
        // secrets redacted where marked, then the outputs
        assertEquals(Files.readString(FIXTURE.resolve("show.txt")), CliRun.in(dir, "show", "-no-color").out());
    }

    @Test
    void peerformWritesTheStateTerraformWroteForTheSameConfiguration() throws Exception {
        copy("main.tf", "terraform.tfvars");
        CliRun apply = CliRun.in(dir, "apply", "-auto-approve", "-no-color");
        assertEquals(0, apply.exitCode(), apply.err());
        assertFalse(apply.out().contains(SECRET), apply.out());
        JsonNode ours = comparable(JSON.readTree(dir.resolve("terraform.tfstate").toFile()));
        JsonNode theirs = comparable(JSON.readTree(FIXTURE.resolve("terraform.tfstate").toFile()));
        assertEquals(theirs.get("outputs"), ours.get("outputs"));
        assertEquals(theirs.get("resources"), ours.get("resources"));
    }

    @Test
    void terraformPlansPeerformsStateWithSensitiveValuesAsNoChange() throws Exception {
        Assumptions.assumeTrue(onPath("terraform"), "terraform is not on the PATH");
        copy("main.tf", "terraform.tfvars");
        assertEquals(0, CliRun.in(dir, "apply", "-auto-approve").exitCode());
        Files.writeString(dir.resolve(".terraformrc"), "");
        ProcessBuilder pb = new ProcessBuilder(List.of("terraform", "plan", "-detailed-exitcode", "-input=false",
                "-no-color")).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(Map.of("TF_CLI_CONFIG_FILE", dir.resolve(".terraformrc").toString(),
                "CHECKPOINT_DISABLE", "1"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertFalse(out.contains(SECRET), out);
    }

    /** The state without what differs by run: lineage, serial, version, terraform_data's random ids. */
    private static JsonNode comparable(JsonNode state) {
        ObjectNode s = (ObjectNode) state.deepCopy();
        s.remove(List.of("lineage", "serial", "terraform_version", "check_results"));
        for (JsonNode r : s.path("resources")) {
            for (JsonNode i : r.path("instances")) {
                ((ObjectNode) i.get("attributes")).put("id", "ID");
            }
        }
        return s;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(":")) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }
}
