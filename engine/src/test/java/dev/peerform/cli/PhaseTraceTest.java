package dev.peerform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code PEERFORM_TRACE=phases} says where a plan's time went, on stderr only, and only when asked. */
class PhaseTraceTest {

    @TempDir
    Path dir;

    @Test
    void planPrintsItsPhasesOnStderrOnlyWhenAsked() throws Exception {
        Files.writeString(dir.resolve("main.tf"), "resource \"terraform_data\" \"a\" {\n  input = \"x\"\n}\n");
        CliRun quiet = CliRun.in(dir, "plan", "-out=p.plan", "-no-color");
        assertEquals(0, quiet.exitCode(), quiet.err());
        assertFalse(quiet.err().contains("peerform trace"), quiet.err());
        CliRun traced = CliRun.in(dir, Map.of("PEERFORM_TRACE", "phases"), "plan", "-out=p.plan", "-no-color");
        assertEquals(0, traced.exitCode(), traced.err());
        for (String phase : new String[] {"load and lock", "plan", "print", "plan file wait", "collections"}) {
            assertTrue(traced.err().contains(phase), traced.err());
        }
        assertFalse(traced.out().contains("peerform trace"), traced.out());
        assertEquals(quiet.out(), traced.out());
    }
}
