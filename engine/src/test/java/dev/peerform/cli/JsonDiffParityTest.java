package dev.peerform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A changed {@code jsonencode} string in a plan, against what Terraform 1.11 printed for the same change
 * (resources/output/jsondiff, from oracle/generate-jsondiff-parity.sh): the diff is inside the JSON (a changed
 * member, an added or removed key, a null, elements inserted, paired, reordered, objects in arrays, JSON in JSON, a
 * whitespace-only change, JSON to text), with the attributes around it laid out as Terraform lays them out.
 */
class JsonDiffParityTest {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @TempDir
    Path dir;

    @Test
    void changedJsonencodeStringsAreDiffedInsideTheJsonAsTerraformDoes() throws IOException {
        Files.writeString(dir.resolve("main.tf"), fixture("main.tf"));
        assertEquals(0, CliRun.in(dir, "apply", "-auto-approve").exitCode());
        CliRun plan = CliRun.in(dir, "plan", "-no-color", "-var", "v=2");
        assertEquals(0, plan.exitCode(), plan.err());
        String out = plan.out().replace("peerform will perform", "Terraform will perform");
        String actions = out.substring(out.indexOf("Terraform will perform"), out.indexOf('\n', out.indexOf("\nPlan:")
                + 1) + 1);
        assertEquals(ids(fixture("plan.txt")), ids(actions));
    }

    private static String ids(String text) {
        return UUID.matcher(text).replaceAll("<id>");
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = JsonDiffParityTest.class.getResourceAsStream("/output/jsondiff/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
