package dev.peerform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path dir;

    @Test
    void versionPrintsTheBuildVersionAndPlatformLikeTerraform() {
        CliRun r = CliRun.in(dir, "version");
        assertEquals(0, r.exitCode());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].matches("peerform v\\d+\\.\\d+\\.\\d+.*"), r.out());
        assertTrue(lines[1].matches("on [a-z0-9]+_[a-z0-9]+"), r.out());
    }

    @Test
    void versionFlagIsAnAliasForTheVersionCommand() {
        assertEquals(CliRun.in(dir, "version").out(), CliRun.in(dir, "-version").out());
    }

    @Test
    void versionJsonIsMachineReadable() throws Exception {
        CliRun r = CliRun.in(dir, "version", "-json");
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertTrue(doc.get("peerform_version").asText().matches("\\d+\\.\\d+\\.\\d+.*"));
        assertTrue(doc.has("platform"));
    }

    @Test
    void unknownCommandExitsOneAndSuggestsTheNearestCommand() {
        CliRun r = CliRun.in(dir, "verison");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("peerform has no command named \"verison\""), r.err());
        assertTrue(r.err().contains("Did you mean \"version\"?"), r.err());
    }

    @Test
    void unknownFlagIsAUsageErrorWithoutStackTrace() {
        CliRun r = CliRun.in(dir, "version", "-foo");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("Error: Failed to parse command-line flags"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void chdirToAMissingDirectoryIsAnErrorNamingIt() {
        CliRun r = CliRun.in(dir, "-chdir=nope", "version");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("Error handling -chdir option"), r.err());
        assertTrue(r.err().contains("nope"), r.err());
    }

    @Test
    void noCommandPrintsUsageAndExits127LikeTerraform() {
        CliRun r = CliRun.in(dir);
        assertEquals(127, r.exitCode());
        assertTrue(r.out().contains("Usage: peerform [global options] <subcommand> [args]"), r.out());
    }
}
