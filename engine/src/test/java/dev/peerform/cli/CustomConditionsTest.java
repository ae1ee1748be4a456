package dev.peerform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** precondition and postcondition blocks: judged while planning where known, and after apply otherwise. */
class CustomConditionsTest {

    @TempDir
    Path dir;

    private void config(String text) throws Exception {
        Files.writeString(dir.resolve("main.tf"), text);
    }

    private static final String GUARDED = """
            variable "n" {
              type    = number
              default = 1
            }
            resource "terraform_data" "a" {
              input = var.n
              lifecycle {
                precondition {
                  condition     = var.n < 2
                  error_message = "n must be below 2."
                }
              }
            }
            output "o" {
              value = var.n
              precondition {
                condition     = var.n != 0
                error_message = "n must not be zero."
              }
            }
            """;

    @Test
    void aFalsePreconditionFailsThePlanAtTheConditionAndATrueOnePasses() throws Exception {
        config(GUARDED);
        assertEquals(0, CliRun.in(dir, "plan").exitCode());
        CliRun r = CliRun.in(dir, "apply", "-auto-approve", "-var", "n=5");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("Error: Resource precondition failed"), r.err());
        assertTrue(r.err().contains("on main.tf line 9"), r.err());
        assertTrue(r.err().contains("with terraform_data.a"), r.err());
        assertTrue(r.err().contains("n must be below 2."), r.err());
        assertFalse(Files.exists(dir.resolve("terraform.tfstate")), "nothing applied");
    }

    @Test
    void aFalseOutputPreconditionFailsThePlan() throws Exception {
        config(GUARDED);
        CliRun r = CliRun.in(dir, "plan", "-var", "n=0");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("Error: Module output value precondition failed"), r.err());
        assertTrue(r.err().contains("n must not be zero."), r.err());
    }

    @Test
    void aPostconditionKnownWhilePlanningIsJudgedThen() throws Exception {
        config("""
                resource "terraform_data" "a" {
                  input = "x"
                  lifecycle {
                    postcondition {
                      condition     = self.input == "y"
                      error_message = "input must be y."
                    }
                  }
                }
                """);
        CliRun r = CliRun.in(dir, "plan");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("Error: Resource postcondition failed"), r.err());
        assertTrue(r.err().contains("input must be y."), r.err());
    }

    @Test
    void aPostconditionOnValuesKnownOnlyAfterApplyIsJudgedAfterTheCreateAndStopsDependents() throws Exception {
        config("""
                resource "terraform_data" "a" {
                  input = "x"
                  lifecycle {
                    postcondition {
                      condition     = self.id == "never"
                      error_message = "the id is not what was wanted."
                    }
                  }
                }
                resource "terraform_data" "b" {
                  input = terraform_data.a.id
                }
                """);
        assertEquals(0, CliRun.in(dir, "plan").exitCode(), "not known while planning: not judged yet");
        CliRun r = CliRun.in(dir, "apply", "-auto-approve");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("Error: Resource postcondition failed"), r.err());
        assertTrue(r.err().contains("the id is not what was wanted."), r.err());
        assertEquals("terraform_data.a\n", CliRun.in(dir, "state", "list").out(),
                "the object made is kept; what depends on it is not made");
    }

    @Test
    void destroyDoesNotJudgeConditions() throws Exception {
        config(GUARDED);
        assertEquals(0, CliRun.in(dir, "apply", "-auto-approve").exitCode());
        CliRun d = CliRun.in(dir, "destroy", "-auto-approve", "-var", "n=5");
        assertEquals(0, d.exitCode(), d.err());
    }
}
