package dev.peerform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parity configuration (resources/output/parity: a module called with for_each and with count, whose q takes
 * p's output and names p in depends_on) through the CLI: each module instance's q is created after its own p has
 * been, destroyed before it, and the plan after the apply has nothing to do.
 */
class ModuleInstanceApplyTest {

    private static final List<String> INSTANCES = List.of("module.peer[\"x\"]", "module.peer[\"y\"]",
            "module.once[0]");

    @TempDir
    Path dir;

    @BeforeEach
    void config() throws IOException {
        Files.createDirectories(dir.resolve("peer"));
        Files.writeString(dir.resolve("main.tf"), fixture("main.tf"));
        Files.writeString(dir.resolve("peer/main.tf"), fixture("peer/main.tf"));
    }

    @Test
    void eachModuleInstanceCreatesWhatItNeedsFirstAndTheNextPlanIsClean() {
        CliRun apply = CliRun.in(dir, "apply", "-auto-approve", "-no-color");
        assertEquals(0, apply.exitCode(), apply.err());
        for (String m : INSTANCES) {
            assertTrue(line(apply.out(), m + ".terraform_data.p: Creation complete")
                    < line(apply.out(), m + ".terraform_data.q: Creating..."), apply.out());
        }
        assertTrue(line(apply.out(), "terraform_data.a: Creation complete")
                < line(apply.out(), "module.peer[\"x\"].terraform_data.p: Creating..."), apply.out());
        CliRun plan = CliRun.in(dir, "plan", "-detailed-exitcode", "-no-color");
        assertEquals(0, plan.exitCode(), plan.out() + plan.err());
        assertTrue(plan.out().contains("No changes."), plan.out());
    }

    @Test
    void eachModuleInstanceDestroysWhatNeedsItFirst() {
        assertEquals(0, CliRun.in(dir, "apply", "-auto-approve").exitCode());
        CliRun destroy = CliRun.in(dir, "destroy", "-auto-approve", "-no-color");
        assertEquals(0, destroy.exitCode(), destroy.err());
        for (String m : INSTANCES) {
            assertTrue(line(destroy.out(), m + ".terraform_data.q: Destruction complete")
                    < line(destroy.out(), m + ".terraform_data.p: Destroying..."), destroy.out());
        }
        assertTrue(line(destroy.out(), "module.peer[\"x\"].terraform_data.p: Destruction complete")
                < line(destroy.out(), "terraform_data.a: Destroying..."), destroy.out());
    }

    /** The number of the first line of {@code out} that starts with {@code start}. */
    private static int line(String out, String start) {
        List<String> lines = Arrays.asList(out.split("\n"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i;
            }
        }
        throw new AssertionError("no line starts with \"" + start + "\" in:\n" + out);
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = ModuleInstanceApplyTest.class.getResourceAsStream("/output/parity/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
