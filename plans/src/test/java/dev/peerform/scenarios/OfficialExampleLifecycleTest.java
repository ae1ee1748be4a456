package dev.peerform.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.emulator.cloud.World;
import dev.peerform.emulator.store.FileStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The official documentation's example patterns for vSwitches, route tables and their attachments, the data sources
 * over them and the fast-link router interface, run unchanged with no keys through the whole life of a configuration:
 * validate, plan, apply, a clean re-plan, destroy; and the cloud holds none of what they made afterwards.
 */
class OfficialExampleLifecycleTest {

    private static final Path EXAMPLES = Path.of("..", "providers", "alicloud", "src", "test", "resources",
            "official-examples");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"alicloud_vswitch/1.tf", "alicloud_route_table/1.tf", "alicloud_route_table_attachment/1.tf",
        "alicloud_express_connect_router_interface/1.tf"})
    void theDocumentedPatternAppliesReplansCleanAndDestroysWithNoKeys(String example) throws IOException {
        Files.copy(EXAMPLES.resolve(example), dir.resolve("main.tf"));
        Scenario s = new Scenario(dir);
        s.env.put("HOME", dir.resolve("home").toString());
        ok(s.run("validate", "-no-color"));
        ok(s.run("plan", "-no-color"));
        ok(s.run("apply", "-auto-approve", "-no-color"));
        Scenario.Run replan = s.run("plan", "-detailed-exitcode", "-no-color");
        assertEquals(0, replan.exitCode(), "the re-plan after apply is not clean:\n" + replan.out() + replan.err());
        ok(s.run("destroy", "-auto-approve", "-no-color"));
        World w = new FileStore(dir.resolve(".peerform/cloud.json")).load();
        assertTrue(w.vswitches.isEmpty() && w.routeTables.isEmpty(), "left in the cloud: " + w.vswitches.keySet()
                + " " + w.routeTables.keySet());
    }

    private static void ok(Scenario.Run r) {
        assertEquals(0, r.exitCode(), r.out() + r.err());
    }
}
