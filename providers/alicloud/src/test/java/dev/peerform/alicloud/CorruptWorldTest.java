package dev.peerform.alicloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.diag.Diagnostics;
import dev.peerform.emulator.Seed;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged embedded world is a diagnostic naming the file and what to do, never an internal error. */
class CorruptWorldTest {

    @TempDir
    Path dir;

    @Test
    void corruptEmulatorWorldIsADiagnosticNamingTheFileAndTheFileIsKept() throws Exception {
        Path world = dir.resolve(".peerform/cloud.json");
        Files.createDirectories(world.getParent());
        Files.writeString(world, "{\"accounts\": {\"12345678\": {\"id\": ");
        ObjectValue config = new ObjectValue(Map.of("access_key", Value.of(Seed.KEY_A), "secret_key",
                Value.of(Seed.SECRET_A), "region", Value.of("cn-beijing")));
        Diagnostics diags = new Diagnostics();
        assertNull(new AlicloudProvider().configure("alicloud", config, dir, Map.of(), diags));
        assertTrue(diags.hasErrors());
        String text = diags.list().get(0).summary() + ": " + diags.list().get(0).detail();
        assertTrue(text.contains(world.toString()) && text.contains("peerform emulator init --force"), text);
        assertTrue(!text.contains(Seed.SECRET_A), "no secret in the diagnostic");
        assertEquals("{\"accounts\": {\"12345678\": {\"id\": ", Files.readString(world));
    }
}
