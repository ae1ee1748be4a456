package dev.peerform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peerform.states.Backend;
import dev.peerform.states.LocalBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan, apply, destroy, show, output and state through the CLI, in process, with terraform_data. */
class WorkflowCommandsTest {

    @TempDir
    Path dir;

    @BeforeEach
    void config() throws Exception {
        Files.writeString(dir.resolve("main.tf"), """
                variable "name" { default = "a" }
                resource "terraform_data" "a" {
                  input = { name = var.name }
                }
                resource "terraform_data" "b" {
                  input = terraform_data.a.id
                }
                output "b_input" { value = terraform_data.b.input }
                """);
    }

    @Test
    void detailedExitCodeIsTwoWithChangesAndZeroWithout() {
        assertEquals(2, CliRun.in(dir, "plan", "-detailed-exitcode").exitCode());
        assertEquals(0, CliRun.in(dir, "apply", "-auto-approve").exitCode());
        CliRun clean = CliRun.in(dir, "plan", "-detailed-exitcode");
        assertEquals(0, clean.exitCode(), clean.out() + clean.err());
        assertTrue(clean.out().contains("No changes. Your infrastructure matches the configuration."));
    }

    @Test
    void applyAsksForYesAndOnlyYesApproves() {
        CliRun no = CliRun.withInput(dir, Map.of(), "no\n", "apply");
        assertEquals(1, no.exitCode());
        assertTrue(no.out().contains("Only 'yes' will be accepted to approve."), no.out());
        assertTrue(no.out().contains("Apply cancelled."), no.out());
        assertFalse(Files.exists(dir.resolve("terraform.tfstate")), "nothing applied");
        CliRun yes = CliRun.withInput(dir, Map.of(), "yes\n", "apply");
        assertEquals(0, yes.exitCode(), yes.err());
        assertTrue(yes.out().contains("Apply complete! Resources: 2 added, 0 changed, 0 destroyed."), yes.out());
    }

    @Test
    void savedPlanAppliesOnceAndIsThenRefusedAsStale() {
        assertEquals(0, CliRun.in(dir, "plan", "-out=p.plan").exitCode());
        assertEquals(0, CliRun.in(dir, "apply", "p.plan").exitCode());
        CliRun again = CliRun.in(dir, "apply", "p.plan");
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("Saved plan is stale"), again.err());
    }

    @Test
    void savedPlanIsRefusedWhenTheConfigurationChanged() throws Exception {
        assertEquals(0, CliRun.in(dir, "plan", "-out=p.plan").exitCode());
        Files.writeString(dir.resolve("extra.tf"), "resource \"terraform_data\" \"c\" {}\n");
        CliRun r = CliRun.in(dir, "apply", "p.plan");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("configuration changed"), r.err());
    }

    @Test
    void outputStateListAndShowJsonDescribeTheAppliedState() throws Exception {
        assertEquals(0, CliRun.in(dir, "apply", "-auto-approve", "-var", "name=zed").exitCode());
        CliRun raw = CliRun.in(dir, "output", "-raw", "b_input");
        assertTrue(raw.out().matches("[0-9a-f-]{36}"), raw.out());
        assertEquals("terraform_data.a\nterraform_data.b\n", CliRun.in(dir, "state", "list").out());
        JsonNode show = new ObjectMapper().readTree(CliRun.in(dir, "show", "-json").out());
        assertEquals("1.0", show.get("format_version").asText());
        JsonNode a = show.get("values").get("root_module").get("resources").get(0);
        assertEquals("zed", a.get("values").get("input").get("name").asText());
    }

    @Test
    void destroyRemovesEverythingInReverseOrder() {
        assertEquals(0, CliRun.in(dir, "apply", "-auto-approve").exitCode());
        CliRun d = CliRun.in(dir, "destroy", "-auto-approve");
        assertEquals(0, d.exitCode(), d.err());
        assertTrue(d.out().contains("Destroy complete! Resources: 2 destroyed."), d.out());
        assertTrue(d.out().indexOf("terraform_data.b: Destruction complete") < d.out().indexOf(
                "terraform_data.a: Destroying..."), d.out());
        assertEquals("", CliRun.in(dir, "state", "list").out());
    }

    @Test
    void lockedStateIsAClearErrorNamingTheHolderAndForceUnlockReleasesIt() throws Exception {
        var backend = new LocalBackend(dir.resolve("terraform.tfstate"),
                java.time.Clock.systemUTC(), "test").workspace(Backend.DEFAULT_WORKSPACE);
        var lock = backend.lock("OperationTypeApply", java.time.Duration.ZERO);
        CliRun r = CliRun.in(dir, "plan");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("Error acquiring the state lock"), r.err());
        assertTrue(r.err().contains(lock.info().id()), r.err());
        assertEquals(0, CliRun.in(dir, "force-unlock", "-force", lock.info().id()).exitCode());
        assertEquals(0, CliRun.in(dir, "plan").exitCode());
    }

    @Test
    void addressesThatAreNotAddressesAreDiagnosticsNotInternalErrors() {
        assertEquals(0, CliRun.in(dir, "apply", "-auto-approve").exitCode());
        for (String[] command : new String[][] {{"state", "rm", "not an address"},
                {"state", "mv", "terraform_data.a", "not an address"}, {"state", "show", "not an address"}}) {
            CliRun r = CliRun.in(dir, command);
            assertEquals(1, r.exitCode(), String.join(" ", command));
            assertTrue(r.err().contains("Invalid address"), r.err());
            assertFalse(r.err().contains("This is a bug"), r.err());
        }
        assertTrue(CliRun.in(dir, "state", "list").out().contains("terraform_data.a"), "the state is unchanged");
    }

    @Test
    void validateReportsAnUndeclaredReferenceWithItsPosition() throws Exception {
        Files.writeString(dir.resolve("bad.tf"), "resource \"terraform_data\" \"x\" {\n  input = var.nope\n}\n");
        CliRun r = CliRun.in(dir, "validate", "-json");
        assertEquals(1, r.exitCode());
        JsonNode v = new ObjectMapper().readTree(r.out());
        assertFalse(v.get("valid").asBoolean());
        JsonNode d = v.get("diagnostics").get(0);
        assertEquals("Reference to undeclared input variable", d.get("summary").asText());
        assertEquals("bad.tf", d.get("range").get("filename").asText());
        assertEquals(2, d.get("range").get("start").get("line").asInt());
    }

    @Test
    void planJsonHasTerraformsTopLevelKeysAndOrderedActions() throws Exception {
        assertEquals(0, CliRun.in(dir, "plan", "-out=p.plan").exitCode());
        JsonNode plan = new ObjectMapper().readTree(CliRun.in(dir, "show", "-json", "p.plan").out());
        for (String key : new String[] {"format_version", "terraform_version", "variables", "planned_values",
            "resource_changes", "output_changes", "configuration", "timestamp", "applyable",
            "complete", "errored", "peerform_ordered_actions"}) {
            assertTrue(plan.has(key), key);
        }
        assertEquals("create", plan.get("resource_changes").get(0).get("change").get("actions").get(0).asText());
        assertEquals(2, plan.get("peerform_ordered_actions").size());
    }

    @Test
    void fmtCheckExitsThreeWithoutChangingAndFmtRewrites() throws Exception {
        Files.writeString(dir.resolve("messy.tf"), "locals {\nx=1\n  longer_name = 2\n}\n");
        CliRun check = CliRun.in(dir, "fmt", "-check", "-diff");
        assertEquals(3, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains("messy.tf"), check.out());
        assertTrue(check.out().contains("+  x           = 1"), check.out());
        assertEquals("locals {\nx=1\n  longer_name = 2\n}\n", Files.readString(dir.resolve("messy.tf")));
        assertEquals(0, CliRun.in(dir, "fmt").exitCode());
        assertEquals("locals {\n  x           = 1\n  longer_name = 2\n}\n", Files.readString(dir.resolve("messy.tf")));
        assertEquals(0, CliRun.in(dir, "fmt", "-check").exitCode());
    }

    @Test
    void graphPrintsTheDependenciesInDot() {
        CliRun plan = CliRun.in(dir, "graph");
        assertEquals(0, plan.exitCode(), plan.err());
        assertTrue(plan.out().startsWith("digraph {"), plan.out());
        assertTrue(plan.out().contains("\"terraform_data.b\" -> \"terraform_data.a\""), plan.out());
        CliRun apply = CliRun.in(dir, "graph", "-type=apply");
        assertTrue(apply.out().contains("\"terraform_data.b: store the input\" -> \"terraform_data.a: store the "
                + "input\""), apply.out());
    }

    @Test
    void refreshIsApplyRefreshOnly() {
        assertEquals(0, CliRun.in(dir, "apply", "-auto-approve").exitCode());
        CliRun r = CliRun.in(dir, "refresh");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("No changes. Your infrastructure still matches the configuration."), r.out());
    }

    private static java.util.List<JsonNode> jsonLines(String out) throws Exception {
        java.util.List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : out.split("\n")) {
            JsonNode n = new ObjectMapper().readTree(line);
            for (String key : new String[] {"type", "@level", "@message", "@module", "@timestamp"}) {
                assertTrue(n.has(key), "every line has " + key + ": " + line);
            }
            lines.add(n);
        }
        return lines;
    }

    private static java.util.List<String> types(java.util.List<JsonNode> lines) {
        return lines.stream().map(n -> n.get("type").asText()).toList();
    }

    @Test
    void planJsonStreamsOneLinePerChangeThenTheSummaryAndNoHumanText() throws Exception {
        CliRun r = CliRun.in(dir, "plan", "-json");
        assertEquals(0, r.exitCode(), r.err());
        var lines = jsonLines(r.out());
        assertEquals(java.util.List.of("version", "planned_change", "planned_change", "change_summary"),
                types(lines));
        assertEquals("terraform_data.a", lines.get(1).at("/change/resource/addr").asText());
        assertEquals("create", lines.get(1).at("/change/action").asText());
        assertEquals("terraform", lines.get(1).at("/change/resource/implied_provider").asText());
        assertEquals(2, lines.get(3).at("/changes/add").asInt());
        assertEquals("plan", lines.get(3).at("/changes/operation").asText());
    }

    @Test
    void planJsonReportsErrorsAsDiagnosticLinesWithTheirPosition() throws Exception {
        Files.writeString(dir.resolve("bad.tf"), "resource \"terraform_data\" \"x\" {\n  input = var.nope\n}\n");
        CliRun r = CliRun.in(dir, "plan", "-json");
        assertEquals(1, r.exitCode());
        assertEquals("", r.err(), "with -json nothing goes to stderr");
        var lines = jsonLines(r.out());
        JsonNode d = lines.get(lines.size() - 1);
        assertEquals("diagnostic", d.get("type").asText());
        assertEquals("error", d.get("@level").asText());
        assertEquals("bad.tf", d.at("/diagnostic/range/filename").asText());
        assertEquals(2, d.at("/diagnostic/range/start/line").asInt());
    }

    @Test
    void applyJsonNeedsAutoApproveOrAPlanFileAndChangesNothingWithout() throws Exception {
        CliRun r = CliRun.in(dir, "apply", "-json");
        assertEquals(1, r.exitCode());
        var lines = jsonLines(r.out());
        assertEquals("Plan file or auto-approve required", lines.get(1).at("/diagnostic/summary").asText());
        assertFalse(Files.exists(dir.resolve("terraform.tfstate")), "nothing applied");
    }

    @Test
    void applyJsonStreamsAStartAndACompleteHookPerStepThenTheSummaryAndOutputs() throws Exception {
        CliRun r = CliRun.in(dir, "apply", "-json", "-auto-approve");
        assertEquals(0, r.exitCode(), r.err());
        var lines = jsonLines(r.out());
        var types = types(lines);
        assertEquals(2, types.stream().filter("apply_start"::equals).count());
        assertEquals(2, types.stream().filter("apply_complete"::equals).count());
        assertTrue(types.indexOf("apply_complete") < types.lastIndexOf("apply_start"),
                "b starts only after a completes: " + types);
        JsonNode done = lines.get(types.indexOf("apply_complete"));
        assertEquals("terraform_data.a", done.at("/hook/resource/addr").asText());
        assertEquals("create", done.at("/hook/action").asText());
        assertTrue(done.at("/hook/id_value").asText().matches("[0-9a-f-]{36}"), done.toString());
        JsonNode summary = lines.get(types.lastIndexOf("change_summary"));
        assertEquals("apply", summary.at("/changes/operation").asText());
        assertEquals(2, summary.at("/changes/add").asInt());
        JsonNode outputs = lines.get(lines.size() - 1);
        assertEquals("outputs", outputs.get("type").asText());
        assertFalse(outputs.at("/outputs/b_input/sensitive").asBoolean());
        assertEquals(done.at("/hook/id_value").asText(), outputs.at("/outputs/b_input/value").asText());
    }

    @Test
    void colourOnlyOnATerminalAndNeverWithNoColorOrTheFlag() {
        String escape = "\u001b[";
        assertTrue(CliRun.onTerminal(dir, Map.of(), "plan").out().contains(escape), "a terminal gets colour");
        assertFalse(CliRun.in(dir, "plan").out().contains(escape), "a pipe gets none");
        assertFalse(CliRun.onTerminal(dir, Map.of("NO_COLOR", "1"), "plan").out().contains(escape), "NO_COLOR");
        assertFalse(CliRun.onTerminal(dir, Map.of(), "plan", "-no-color").out().contains(escape), "-no-color");
        assertFalse(CliRun.onTerminal(dir, Map.of(), "plan", "-json").out().contains(escape), "JSON never");
    }

    @Test
    void planAndApplyInADirectoryWithoutConfigurationRefuseInsteadOfPlanningToDestroyEverything() throws Exception {
        assertEquals(0, CliRun.in(dir, "apply", "-auto-approve").exitCode());
        Files.delete(dir.resolve("main.tf"));
        for (String[] args : new String[][] {{"plan"}, {"apply", "-auto-approve"}}) {
            CliRun r = CliRun.in(dir, args);
            assertEquals(1, r.exitCode(), String.join(" ", args));
            assertTrue(r.err().contains("Error: No configuration files"), r.err());
        }
        assertEquals("terraform_data.a\nterraform_data.b\n", CliRun.in(dir, "state", "list").out(), "nothing destroyed");
        CliRun destroyPlan = CliRun.in(dir, "plan", "-destroy");
        assertEquals(0, destroyPlan.exitCode(), destroyPlan.err());
        assertTrue(destroyPlan.out().contains("2 to destroy"), destroyPlan.out());
    }

    @Test
    void warningsWithOneSummaryAreShownOnceWithACountOfTheRest() throws Exception {
        String check = "check \"%s\" {\n  assert {\n    condition     = false\n    error_message = \"no\"\n  }\n}\n";
        Files.writeString(dir.resolve("blocks.tf"), check.formatted("a") + check.formatted("b")
                + check.formatted("c"));
        CliRun r = CliRun.in(dir, "plan");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(1, r.out().split("Warning: ", -1).length - 1, r.out());
        assertTrue(r.out().contains("(and 2 more similar warnings elsewhere)"), r.out());
    }
}
