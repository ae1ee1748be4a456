package dev.peerform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code show} of a state and of a saved plan against Terraform 1.11's for the same configuration
 * (resources/state/show, from oracle/generate-show-parity.sh): modules called with count and for_each, count and
 * for_each resources, nested, empty, multi-line and JSON values, a sensitive value, and outputs of every type.
 */
class ShowParityTest {

    private static final Path FIXTURE = Path.of("src/test/resources/state/show");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeEach
    void config() throws IOException {
        Files.createDirectories(dir.resolve("m"));
        Files.copy(FIXTURE.resolve("main.tf"), dir.resolve("main.tf"));
        Files.copy(FIXTURE.resolve("m/main.tf"), dir.resolve("m/main.tf"));
    }

    @Test
    void showOfTerraformsStateIsTerraformsText() throws IOException {
        Files.copy(FIXTURE.resolve("terraform.tfstate"), dir.resolve("terraform.tfstate"));
        CliRun show = CliRun.in(dir, "show", "-no-color");
        assertEquals(0, show.exitCode(), show.err());
        assertEquals(Files.readString(FIXTURE.resolve("show.txt")), show.out());
    }

    @Test
    void showOfAStateWithOnlyModulesGluesThemAndMarksTheTaintedAsTerraformDoes() throws IOException {
        Path only = dir.resolve("only");
        Files.createDirectories(only.resolve("m"));
        for (String f : new String[] {"main.tf", "m/main.tf", "terraform.tfstate"}) {
            Files.copy(FIXTURE.resolve("modules-only").resolve(f), only.resolve(f));
        }
        CliRun show = CliRun.in(only, "show", "-no-color");
        assertEquals(0, show.exitCode(), show.err());
        assertEquals(Files.readString(FIXTURE.resolve("modules-only/show.txt")), show.out());
    }

    @Test
    void showJsonOfTerraformsStateIsTerraformsDocument() throws IOException {
        Files.copy(FIXTURE.resolve("terraform.tfstate"), dir.resolve("terraform.tfstate"));
        CliRun show = CliRun.in(dir, "show", "-json");
        assertEquals(0, show.exitCode(), show.err());
        JsonNode theirs = JSON.readTree(FIXTURE.resolve("show.json").toFile());
        // compared as text: the same keys in the same order, as a tool diffing the two documents sees them
        assertEquals(JSON.writeValueAsString(theirs), JSON.writeValueAsString(JSON.readTree(show.out())));
    }

    @Test
    void showOfASavedPlanIsTerraformsButForPeerformsOwnSections() throws IOException {
        assertEquals(0, CliRun.in(dir, "plan", "-out", "p.tfplan").exitCode());
        CliRun show = CliRun.in(dir, "show", "-no-color", "p.tfplan");
        assertEquals(0, show.exitCode(), show.err());
        String ours = show.out().replace("peerform", "Terraform")
                .replaceAll("(?s)\nOrdered actions \\(.*?\n\nProviders:\n(  [^\n]*\n)+", "");
        assertEquals(Files.readString(FIXTURE.resolve("plan.txt")), ours);
    }
}
