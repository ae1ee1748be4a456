package dev.peerform.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Configurations written the way Terraform users write them (src/test/resources/user-styles: for_each chained over
 * resources, count everywhere, a module called with for_each and object variables, two accounts with keys from
 * sensitive variables, data sources over the results with a check), each through validate, plan, apply, a clean
 * re-plan and destroy on the embedded emulator. No keys are given except where the file asks for them in
 * variables: no keys means the emulator's default account.
 */
class UserStyleCorpusTest {

    private static final Path CORPUS = Path.of("src", "test", "resources", "user-styles");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"count-everywhere", "cross-account-vars", "data-over-results", "for-each-hub",
        "module-objects"})
    void eachUserStyleConfigurationPlansAppliesReplansCleanAndDestroys(String name) throws IOException {
        copy(CORPUS.resolve(name), dir);
        Scenario s = new Scenario(dir);
        if (name.equals("cross-account-vars")) {
            s.env.put("TF_VAR_left_access_key", "LTAIpeerformDemo12345678");
            s.env.put("TF_VAR_left_secret_key", "demo-secret-12345678");
            s.env.put("TF_VAR_right_access_key", "LTAIpeerformDemo87654321");
            s.env.put("TF_VAR_right_secret_key", "demo-secret-87654321");
        }
        for (List<String> stage : List.of(List.of("validate"), List.of("plan"), List.of("apply", "-auto-approve"))) {
            Scenario.Run r = s.run(stage.toArray(String[]::new));
            assertEquals(0, r.exitCode(), name + ": " + stage + "\n" + r.out() + r.err());
        }
        Scenario.Run replan = s.run("plan", "-detailed-exitcode");
        assertEquals(0, replan.exitCode(), name + ": the plan after apply is not clean\n" + replan.out()
                + replan.err());
        Scenario.Run destroy = s.run("destroy", "-auto-approve");
        assertEquals(0, destroy.exitCode(), name + ": destroy\n" + destroy.out() + destroy.err());
        assertFalse((destroy.out() + destroy.err()).contains("demo-secret"), "no key is ever printed");
        assertTrue(destroy.out().contains("Destroy complete!"), destroy.out());
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
