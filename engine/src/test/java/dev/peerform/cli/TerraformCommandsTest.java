package dev.peerform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands and flags of issue 13 that the recorded Terraform scenarios (CliParityTest) cannot reach: state
 * edits whose input depends on a random lineage or id, a terminal, and the exact formats of diff, tree and schema.
 */
class TerraformCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeEach
    void config() throws Exception {
        Files.writeString(dir.resolve("main.tf"), """
                variable "name" {
                  type    = string
                  default = "x"
                }
                resource "terraform_data" "a" {
                  input = var.name
                }
                output "name" {
                  value = var.name
                }
                """);
    }

    private void apply() {
        CliRun r = CliRun.in(dir, "apply", "-auto-approve", "-input=false");
        assertEquals(0, r.exitCode(), r.out() + r.err());
    }

    private ObjectNode state() throws Exception {
        return (ObjectNode) JSON.readTree(dir.resolve("terraform.tfstate").toFile());
    }

    @Test
    void statePushRefusesAnOlderSerialOfTheSameLineageUnlessForced() throws Exception {
        apply();
        ObjectNode older = state();
        apply(); // nothing changes: the serial stays
        CliRun.in(dir, "apply", "-auto-approve", "-input=false", "-var", "name=y");
        long current = state().get("serial").asLong();
        older.put("serial", current - 1);
        Files.writeString(dir.resolve("older.tfstate"), older.toPrettyString());
        CliRun refused = CliRun.in(dir, "state", "push", "older.tfstate");
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("cannot import state with serial " + (current - 1)
                + " over newer state with serial " + current), refused.err());
        assertEquals(current, state().get("serial").asLong(), "the stored state is untouched");
        CliRun forced = CliRun.in(dir, "state", "push", "-force", "older.tfstate");
        assertEquals(0, forced.exitCode(), forced.err());
        assertEquals(current - 1, state().get("serial").asLong());
    }

    @Test
    void statePushRefusesADifferentStateWithTheSameSerial() throws Exception {
        apply();
        ObjectNode same = state();
        ((ObjectNode) same.get("outputs")).putObject("extra").put("value", "v").put("type", "string");
        Files.writeString(dir.resolve("same.tfstate"), same.toPrettyString());
        CliRun r = CliRun.in(dir, "state", "push", "same.tfstate");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("with a different state that has the same serial"), r.err());
    }

    @Test
    void statePushReadsStdin() throws Exception {
        apply();
        String text = Files.readString(dir.resolve("terraform.tfstate"));
        CliRun r = CliRun.withInput(dir, Map.of(), text, "state", "push", "-");
        assertEquals(0, r.exitCode(), r.err());
    }

    @Test
    void replaceProviderRewritesEveryMatchingResourceAfterShowingThem() throws Exception {
        apply();
        CliRun r = CliRun.in(dir, "state", "replace-provider", "-auto-approve", "terraform.io/builtin/terraform",
                "example.com/acme/terraform");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("  ~ Updating provider:\n    - terraform.io/builtin/terraform\n"
                + "    + example.com/acme/terraform\n"), r.out());
        assertTrue(r.out().contains("Changed 1 resources:\n\n  terraform_data.a\n"), r.out());
        assertTrue(r.out().contains("Successfully replaced provider for 1 resources."), r.out());
        assertEquals("provider[\"example.com/acme/terraform\"]",
                state().get("resources").get(0).get("provider").asText());
    }

    @Test
    void replaceProviderChangesNothingWithoutYes() throws Exception {
        apply();
        CliRun r = CliRun.withInput(dir, Map.of(), "no\n", "state", "replace-provider",
                "terraform.io/builtin/terraform", "example.com/acme/terraform");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Cancelled replacing providers."), r.out());
        assertEquals("provider[\"terraform.io/builtin/terraform\"]",
                state().get("resources").get(0).get("provider").asText());
    }

    @Test
    void stateListIdFiltersByTheIdAttribute() throws Exception {
        apply();
        String id = state().get("resources").get(0).get("instances").get(0).get("attributes").get("id").asText();
        CliRun r = CliRun.in(dir, "state", "list", "-id=" + id);
        assertEquals("terraform_data.a\n", r.out(), r.err());
        assertEquals("", CliRun.in(dir, "state", "list", "-id=other").out());
    }

    @Test
    void stateMvDryRunLeavesTheStateAsItWas() throws Exception {
        apply();
        long serial = state().get("serial").asLong();
        CliRun r = CliRun.in(dir, "state", "mv", "-dry-run", "terraform_data.a", "terraform_data.b");
        assertEquals("Would move \"terraform_data.a\" to \"terraform_data.b\"\n", r.out());
        assertEquals(serial, state().get("serial").asLong());
        assertEquals("terraform_data.a\n", CliRun.in(dir, "state", "list").out());
    }

    @Test
    void taintMarksTheInstanceInTheStateAndUntaintClearsIt() throws Exception {
        apply();
        assertEquals(0, CliRun.in(dir, "taint", "terraform_data.a").exitCode());
        JsonNode instance = state().get("resources").get(0).get("instances").get(0);
        assertEquals("tainted", instance.path("status").asText(), instance.toString());
        CliRun plan = CliRun.in(dir, "plan", "-input=false", "-no-color");
        assertTrue(plan.out().contains("is tainted, so must be replaced"), plan.out());
        assertEquals(0, CliRun.in(dir, "untaint", "terraform_data.a").exitCode());
        assertFalse(state().get("resources").get(0).get("instances").get(0).has("status"));
    }

    @Test
    void consoleOnATerminalPrintsEveryValueAndCarriesOnAfterAnError() {
        CliRun r = CliRun.typedOnTerminal(dir, "1 + 1\nvar.nope\n{\n  a = var.name\n}\nexit\n2\n", "console");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("> 2\n"), r.out());
        assertTrue(r.err().contains("Reference to undeclared input variable"), r.err());
        assertTrue(r.out().contains("{\n  \"a\" = \"x\"\n}\n"), "a multi-line expression: " + r.out());
        assertFalse(r.out().contains("> 2\n\n> 2"), "nothing is read after exit");
    }

    @Test
    void consoleReadsResourceAttributesFromTheState() throws Exception {
        apply();
        String id = state().get("resources").get(0).get("instances").get(0).get("attributes").get("id").asText();
        CliRun r = CliRun.withInput(dir, Map.of(), "terraform_data.a.id\n", "console");
        assertEquals("\"" + id + "\"\n", r.out(), r.err());
    }

    @Test
    void requiredVariableIsAskedForAndTheAnswerUsed() throws Exception {
        Files.writeString(dir.resolve("main.tf"), """
                variable "name" {
                  type        = string
                  description = "The name to use."
                }
                output "name" {
                  value = var.name
                }
                """);
        CliRun r = CliRun.withInput(dir, Map.of(), "typed\n", "apply", "-auto-approve");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("var.name\n  The name to use.\n\n  Enter a value: "), r.out());
        assertEquals("typed", CliRun.in(dir, "output", "-raw", "name").out());
        CliRun noInput = CliRun.withInput(dir, Map.of(), "typed\n", "plan", "-input=false");
        assertEquals(1, noInput.exitCode());
        assertTrue(noInput.err().contains("No value for required variable"), noInput.err());
    }

    @Test
    void compactWarningsListOnlyTheSummaries() throws Exception {
        Files.writeString(dir.resolve("extra.tfvars"), "undeclared = 1\nother = 2\n");
        CliRun r = CliRun.in(dir, "plan", "-input=false", "-no-color", "-compact-warnings", "-var-file=extra.tfvars");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\nWarnings:\n\n- Value for undeclared variable\n- Value for undeclared variable\n"
                + "\nTo see the full warning notes, run peerform without -compact-warnings.\n"), r.out());
        assertFalse(r.out().contains("was assigned in extra.tfvars"), "no warning detail: " + r.out());
    }

    @Test
    void tfCliArgsAreInsertedAfterTheSubcommandAndTypedFlagsWin() {
        assertEquals(List.of("state", "list", "-id=x", "-a", "b c", "terraform_data.a"),
                new CliArgsEnv(Map.of("TF_CLI_ARGS", "-a 'b c'", "TF_CLI_ARGS_state_list", "-id=x"))
                        .merge(List.of("state", "list", "terraform_data.a")));
        apply();
        CliRun r = CliRun.in(dir, Map.of("TF_CLI_ARGS_output", "-json"), "output", "-raw", "name");
        assertEquals(1, r.exitCode(), "-json from the environment meets the typed -raw: " + r.out());
    }

    @Test
    void targetedApplyWarnsBeforeThePlanAndAfterTheApplyAsTerraformDoes() {
        CliRun r = CliRun.in(dir, "apply", "-auto-approve", "-input=false", "-no-color", "-target=terraform_data.a");
        assertEquals(0, r.exitCode(), r.err());
        int planned = r.out().indexOf("Warning: Resource targeting is in effect");
        int applied = r.out().indexOf("Warning: Applied changes may be incomplete");
        int complete = r.out().indexOf("Apply complete!");
        assertTrue(planned >= 0 && planned < applied && applied < complete, r.out());
        assertTrue(r.out().contains("You are creating a plan with the -target option"), r.out());
        assertTrue(r.out().contains("verify that no other changes are pending:\n    peerform plan\n"), r.out());
        CliRun plan = CliRun.in(dir, "plan", "-input=false", "-no-color", "-target=terraform_data.a");
        assertFalse(plan.out().contains("Applied changes may be incomplete"), "a plan applies nothing");
    }

    @Test
    void everySubcommandTakesHelp() {
        for (String[] cmd : new String[][] {{"plan"}, {"apply"}, {"state", "push"}, {"taint"}, {"console"},
                {"providers", "schema"}, {"workspace", "new"}, {"fmt"}}) {
            String[] args = java.util.Arrays.copyOf(cmd, cmd.length + 1);
            args[cmd.length] = "-help";
            CliRun r = CliRun.in(dir, args);
            assertEquals(0, r.exitCode(), String.join(" ", args) + r.err());
            assertTrue(r.out().startsWith("Usage: peerform " + String.join(" ", cmd)), r.out());
        }
    }

    @Test
    void providersPrintsTheRequirementTreeWithConstraintsAndModules() throws Exception {
        Files.createDirectories(dir.resolve("mod"));
        Files.writeString(dir.resolve("mod/main.tf"), "resource \"terraform_data\" \"x\" {}\n");
        Files.writeString(dir.resolve("versions.tf"), """
                terraform {
                  required_providers {
                    alicloud = {
                      source  = "aliyun/alicloud"
                      version = ">= 1.200.0"
                    }
                  }
                }
                module "m" {
                  source = "./mod"
                }
                """);
        CliRun r = CliRun.in(dir, "providers");
        assertEquals("""

                Providers required by configuration:
                .
                ├── provider[registry.terraform.io/aliyun/alicloud] >= 1.200.0
                ├── provider[terraform.io/builtin/terraform]
                └── module.m
                    └── provider[terraform.io/builtin/terraform]
                """, r.out(), r.err());
    }

    @Test
    void providerSchemaJsonGivesTerraformDataAsTerraformDoes() throws Exception {
        CliRun r = CliRun.in(dir, "providers", "schema", "-json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals("1.0", doc.get("format_version").asText());
        JsonNode builtin = doc.get("provider_schemas").get("terraform.io/builtin/terraform");
        // as terraform 1.11.4 prints it (providers schema -json)
        assertEquals(JSON.readTree("{\"version\":0,\"block\":{\"attributes\":{\"id\":{\"type\":\"string\","
                + "\"description_kind\":\"plain\",\"computed\":true},\"input\":{\"type\":\"dynamic\","
                + "\"description_kind\":\"plain\",\"optional\":true},\"output\":{\"type\":\"dynamic\","
                + "\"description_kind\":\"plain\",\"computed\":true},\"triggers_replace\":{\"type\":\"dynamic\","
                + "\"description_kind\":\"plain\",\"optional\":true}},\"description_kind\":\"plain\"}}"),
                builtin.get("resource_schemas").get("terraform_data"));
        assertEquals(JSON.readTree("{\"version\":0}"), builtin.get("provider"));
        assertEquals(1, CliRun.in(dir, "providers", "schema").exitCode(), "-json is required");
    }

    @Test
    void fmtDiffIsGnuUnifiedDiffWithHunksAndTheNoNewlineMarker() {
        assertEquals("""
                --- old/x.tf
                +++ new/x.tf
                @@ -1,5 +1,5 @@
                 a
                -b
                +B
                 c
                 d
                 e
                @@ -9,5 +9,6 @@
                 i
                 j
                 k
                -l
                +L
                 m
                +n
                \\ No newline at end of file
                """, UnifiedDiff.of("old/x.tf", "new/x.tf", "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n",
                "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nL\nm\nn"));
    }

    @Test
    void fmtFromStdinWritesTheFormattedTextToStdoutAndExitsTwoOnASyntaxError() {
        CliRun ok = CliRun.withInput(dir, Map.of(), "a=1\nbb = 2\n", "fmt", "-");
        assertEquals("a  = 1\nbb = 2\n", ok.out(), ok.err());
        CliRun bad = CliRun.withInput(dir, Map.of(), "a = \n", "fmt", "-");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("<stdin> line"), bad.err());
    }
}
