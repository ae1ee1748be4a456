package dev.peerform.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldenTest {

    @TempDir
    Path dir;

    @Test
    void identicalOutputMatchesRegardlessOfLineEndings() throws Exception {
        Path f = dir.resolve("plan.txt");
        Files.writeString(f, "a\nb\n");
        assertEquals(Optional.empty(), new Golden(false).check(f, "a\r\nb\r\n"));
    }

    @Test
    void changedLineIsReportedWithItsLineNumber() throws Exception {
        Path f = dir.resolve("plan.txt");
        Files.writeString(f, "Plan: 2 to add\nend\n");
        String diff = new Golden(false).check(f, "Plan: 3 to add\nend\n").orElseThrow();
        assertTrue(diff.contains("plan.txt:1 differs"), diff);
        assertTrue(diff.contains("expected: Plan: 2 to add"), diff);
    }

    @Test
    void missingExpectedFileIsAFailureThatSaysHowToCreateIt() {
        String diff = new Golden(false).check(dir.resolve("none.txt"), "x").orElseThrow();
        assertTrue(diff.contains("-Dgolden.update=true"), diff);
    }

    @Test
    void updateModeRewritesTheExpectedFile() throws Exception {
        Path f = dir.resolve("sub/plan.json");
        assertEquals(Optional.empty(), new Golden(true).check(f, "{}\n"));
        assertEquals("{}\n", Files.readString(f));
        assertEquals(Optional.empty(), new Golden(false).check(f, "{}\n"));
    }
}
