package dev.peerform.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.cli.Cli;
import dev.peerform.cli.CliContext;
import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import dev.peerform.planner.Planner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes in a configuration or on the command line are diagnostics, never a crash. */
class ConfigMistakesTest {

    private final EngineFixture f = new EngineFixture();

    ConfigMistakesTest() throws Exception {
    }

    private void moduleCycle() throws Exception {
        f.config("""
                locals {
                  a = module.m.out
                }
                module "m" {
                  source = "./m"
                  x      = local.a
                }
                """);
        Files.createDirectories(f.dir.resolve("m"));
        Files.writeString(f.dir.resolve("m/main.tf"), """
                variable "x" {}
                output "out" { value = var.x }
                """);
    }

    @Test
    void aCycleThroughAModuleIsACycleDiagnosticThatReturnsToItsFirstNodeNotAStackOverflow() throws Exception {
        moduleCycle();
        Diagnostics diags = new Diagnostics();
        f.plan(Planner.Options.DEFAULT, diags);
        Diagnostic cycle = diags.errors().stream().filter(d -> d.summary().equals("Cycle")).findFirst()
                .orElseThrow(() -> new AssertionError(diags.toString()));
        String[] path = cycle.detail().substring(cycle.detail().indexOf(": ") + 2, cycle.detail().indexOf(". Break"))
                .split(" -> ");
        assertTrue(path.length >= 3, cycle.detail());
        assertEquals(path[0], path[path.length - 1], "the path goes back to where it started: " + cycle.detail());
        assertFalse(path[path.length - 2].equals(path[path.length - 1]), "its last node once: " + cycle.detail());
    }

    @Test
    void validateReportsACycleThroughAModuleAsADiagnostic() throws Exception {
        moduleCycle();
        Diagnostics diags = f.workspace.validate();
        assertTrue(diags.errors().stream().anyMatch(d -> d.summary().equals("Cycle")), diags.toString());
    }

    @TempDir
    Path dir;

    @Test
    void aTargetThatIsNotAnAddressIsAFlagErrorNotAnInternalError() throws Exception {
        Files.writeString(dir.resolve("main.tf"), "output \"x\" { value = 1 }\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(new CliContext(dir, new PrintWriter(out, true), new PrintWriter(err, true), Map.of()))
                .run("plan", "-target=not an address");
        assertEquals(1, code);
        assertFalse(err.toString().contains("internal error"), err.toString());
        assertTrue(err.toString().contains("Invalid target") && err.toString().contains("not an address"), err.toString());
    }
}
