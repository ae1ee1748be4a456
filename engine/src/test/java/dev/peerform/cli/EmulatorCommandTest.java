package dev.peerform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code peerform emulator ...}, found through the provider's CLI extension. */
class EmulatorCommandTest {

    @TempDir
    Path dir;

    @Test
    void initCreatesTheDefaultWorldAndShowListsIt() {
        CliRun init = CliRun.in(dir, "emulator", "init");
        assertEquals(0, init.exitCode(), init.err());
        assertTrue(Files.exists(dir.resolve(".peerform/cloud.json")));
        CliRun show = CliRun.in(dir, "emulator", "show");
        assertEquals(0, show.exitCode(), show.err());
        assertTrue(show.out().contains("account 12345678"), show.out());
        assertTrue(show.out().contains("pc-bj0peerformdemo0001"), show.out());
    }

    @Test
    void chdirAppliesToTheEmulatorsWorldFile() throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        assertEquals(0, CliRun.in(dir, "-chdir=sub", "emulator", "init").exitCode());
        assertTrue(Files.exists(dir.resolve("sub/.peerform/cloud.json")));
    }

    @Test
    void suspendingAMissingInterfaceIsAClearErrorWithTheApiCode() {
        CliRun r = CliRun.in(dir, "emulator", "suspend", "ri-nope");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("InvalidInstanceId.NotFound"), r.err());
    }

    @Test
    void unknownEmulatorCommandPrintsUsage() {
        CliRun r = CliRun.in(dir, "emulator", "explode");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("Usage: peerform emulator"), r.err());
    }
}
