package dev.peerform.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official documentation's example patterns (providers/alicloud/src/test/resources/official-examples), run
 * unchanged through validate and plan against the embedded emulator with no keys in the environment (the aliyun CLI
 * profiles "left" and "right" in a temporary HOME for the cross-account file). The files that pass are listed, so a
 * regression fails here and a newly passing file is noticed; what still fails is printed with its first error.
 */
class OfficialExamplesTest {

    private static final Path EXAMPLES = Path.of("..", "providers", "alicloud", "src", "test", "resources",
            "official-examples");

    /** The files that validate and plan today. */
    private static final Set<String> PASSING = Set.of(
            "alicloud_express_connect_router_interface/1.tf",
            "alicloud_route_table/1.tf",
            "alicloud_route_table_attachment/1.tf",
            "alicloud_router_interface/1.tf",
            "alicloud_router_interface_connection/2.tf",
            "alicloud_vpc/1.tf",
            "alicloud_vpc/2.tf",
            "alicloud_vpc/3.tf",
            "alicloud_vswitch/1.tf",
            "data/alicloud_account/1.tf",
            "data/alicloud_express_connect_physical_connections/1.tf",
            "data/alicloud_regions/1.tf",
            "data/alicloud_resource_manager_resource_groups/1.tf",
            "data/alicloud_vswitches/1.tf",
            "data/alicloud_zones/1.tf",
            "data/alicloud_zones/2.tf");

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
        for (String p : PASSING) {
            assertEquals(true, passed.contains(p), p + " no longer plans:\n" + report);
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
