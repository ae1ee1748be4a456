package dev.peerform.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.emulator.cli.EmulatorCli;
import dev.peerform.emulator.store.WorldFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The world file (issue 11, items 8 and 10): owner-only, and a damaged one is reported, never overwritten. */
class WorldFileTest {

    @TempDir
    Path dir;

    private Path world() {
        return dir.resolve(".peerform/cloud.json");
    }

    private Path log() {
        return dir.resolve(".peerform/cloud.log.jsonl");
    }

    private Path lock() {
        return dir.resolve(".peerform/cloud.json.lock");
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static void createVpc(Emulator e) {
        assertEquals(200, e.call(Seed.KEY_B, Seed.SECRET_B, Map.of("Action", "CreateVpc", "RegionId", "cn-hangzhou",
                "CidrBlock", "10.0.0.0/16")).status());
    }

    @Test
    void worldFileItsLogAndItsLockAreOwnerOnlyAlsoWhenRewritten() throws IOException {
        Emulator e = Emulator.onFile(world(), Seed.defaultWorld(), Emulator.Options.embedded());
        createVpc(e);
        for (Path p : List.of(world(), log(), lock())) {
            assertEquals("rw-------", mode(p), p.toString());
        }
        assertEquals("rwx------", mode(world().getParent()));
        createVpc(e);
        assertEquals("rw-------", mode(world()), "a rewrite keeps the world owner-only");
    }

    @Test
    void existingWorldFilesWithLooserPermissionsAreTightened() throws IOException {
        createVpc(Emulator.onFile(world(), Seed.defaultWorld(), Emulator.Options.embedded()));
        for (Path p : List.of(world(), log(), lock())) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        }
        Emulator e = Emulator.onFile(world(), Seed.defaultWorld(), Emulator.Options.embedded());
        for (Path p : List.of(world(), log(), lock())) {
            assertEquals("rw-------", mode(p), p + " tightened on opening");
        }
        createVpc(e);
        assertEquals("rw-------", mode(world()));
    }

    @Test
    void corruptWorldFileIsReportedNamingTheFileAndWhatToDoAndIsNeverOverwritten() throws IOException {
        Files.createDirectories(world().getParent());
        for (String damaged : List.of("{\"accounts\": {\"1\": ", "", "garbage\u0000\u00ff", "null", "[1, 2]",
                "{\"vpcs\": {\"vpc-1\": null}}")) {
            byte[] bytes = damaged.getBytes(StandardCharsets.UTF_8);
            Files.write(world(), bytes);
            WorldFileException e = assertThrows(WorldFileException.class,
                    () -> Emulator.onFile(world(), Seed.defaultWorld(), Emulator.Options.embedded()), damaged);
            assertTrue(e.getMessage().contains(world().toString()), e.getMessage());
            assertTrue(e.getMessage().contains("peerform emulator init --force"), e.getMessage());
            assertArrayEquals(bytes, Files.readAllBytes(world()), "the damaged file is kept as it was: " + damaged);
        }
    }

    @Test
    void worldFileDamagedWhileInUseIsReportedAndNotOverwritten() throws IOException {
        Emulator e = Emulator.onFile(world(), Seed.defaultWorld(), Emulator.Options.embedded());
        createVpc(e);
        byte[] torn = "{\"accounts\": {".getBytes(StandardCharsets.UTF_8);
        Files.write(world(), torn);
        Files.setLastModifiedTime(world(), FileTime.from(Instant.now().plusSeconds(5)));
        assertThrows(WorldFileException.class, () -> createVpc(e));
        assertArrayEquals(torn, Files.readAllBytes(world()));
    }

    @Test
    void emulatorCommandsOnACorruptWorldSayWhatToDo() throws IOException {
        Files.createDirectories(world().getParent());
        Files.writeString(world(), "{ torn");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new EmulatorCli(dir, new PrintWriter(out), new PrintWriter(err)).run(List.of("show"));
        assertEquals(1, code);
        assertTrue(err.toString().contains("cloud.json") && err.toString().contains("emulator init --force"),
                err.toString());
        assertFalse(err.toString().toLowerCase().contains("internal error") || err.toString().contains("at dev."),
                err.toString());
        assertEquals("{ torn", Files.readString(world()));
        code = new EmulatorCli(dir, new PrintWriter(out), new PrintWriter(err)).run(List.of("init", "--force"));
        assertEquals(0, code, err.toString());
        assertEquals("rw-------", mode(world()));
    }
}
