package dev.peerform.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.apply.ApplyListener;
import dev.peerform.apply.Interrupt;
import dev.peerform.diag.Diagnostics;
import dev.peerform.planner.Planner;
import dev.peerform.plans.PlanMode;
import dev.peerform.plans.PlannedStep;
import dev.peerform.plans.StepGraph;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.Phase;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Order inside module instances. Dependencies are recorded by the configuration's address (no instance keys); a
 * resource of {@code module.peer["x"]} that needs another of its module waits for that of {@code module.peer["x"]},
 * a reference to a module's output or a {@code depends_on} on a module waits for every instance, and destroys run
 * the other way.
 */
class ModuleInstanceOrderTest {

    private static final Planner.Options DESTROY = new Planner.Options(PlanMode.DESTROY, true, List.of(), List.of());

    private final EngineFixture f = new EngineFixture();

    ModuleInstanceOrderTest() throws Exception {
    }

    private void module(String dir, String text) throws Exception {
        Files.createDirectories(f.dir.resolve(dir));
        Files.writeString(f.dir.resolve(dir).resolve("main.tf"), text);
    }

    /** A module whose q takes p's id and also names p in depends_on. */
    private void peerModule() throws Exception {
        module("peer", """
                variable "name" {}
                resource "testcloud_thing" "p" { name = "p-${var.name}" }
                resource "testcloud_thing" "q" {
                  name       = "q-${var.name}"
                  parent_id  = testcloud_thing.p.id
                  depends_on = [testcloud_thing.p]
                }
                output "id" { value = testcloud_thing.q.id }
                """);
    }

    private StepGraph plan(Planner.Options options) throws Exception {
        Diagnostics diags = new Diagnostics();
        Planner.Result r = f.plan(options, diags);
        assertFalse(diags.hasErrors(), diags.toString());
        return r.plan().steps();
    }

    private static List<PlannedStep> steps(StepGraph g, String address, Phase phase) {
        List<PlannedStep> out = g.steps().stream().filter(s -> s.change().address().toString().equals(address)
                && (s.spec().phase() == Phase.DESTROY) == (phase == Phase.DESTROY)).toList();
        assertFalse(out.isEmpty(), "no " + phase + " step of " + address + " in " + ids(g));
        return out;
    }

    private static List<String> ids(StepGraph g) {
        return g.steps().stream().map(PlannedStep::id).toList();
    }

    /** Whether the graph makes {@code after}'s first step of the phase wait for {@code before}'s last one. */
    private static boolean waits(StepGraph g, String after, String before, Phase phase) {
        List<PlannedStep> b = steps(g, before, phase);
        return g.reaches(b.get(b.size() - 1), steps(g, after, phase).get(0));
    }

    private void applyThenPlanIsClean() throws Exception {
        f.apply();
        Diagnostics diags = new Diagnostics();
        Planner.Result again = f.plan(Planner.Options.DEFAULT, diags);
        assertFalse(diags.hasErrors(), diags.toString());
        assertFalse(again.plan().hasChanges(), again.plan().changes().toString());
    }

    private int position(String call) {
        int i = f.cloud.calls.indexOf(call);
        assertTrue(i >= 0, call + " was not called: " + f.cloud.calls);
        return i;
    }

    @Test
    void aResourceOfAForEachModuleInstanceWaitsForWhatItNeedsInTheSameInstance() throws Exception {
        peerModule();
        f.config("""
                module "peer" {
                  source   = "./peer"
                  for_each = toset(["x", "y"])
                  name     = each.key
                }
                """);
        StepGraph g = plan(Planner.Options.DEFAULT);
        for (String k : List.of("x", "y")) {
            assertTrue(waits(g, "module.peer[\"" + k + "\"].testcloud_thing.q",
                    "module.peer[\"" + k + "\"].testcloud_thing.p", Phase.CREATE), ids(g).toString());
        }
        assertFalse(waits(g, "module.peer[\"x\"].testcloud_thing.q", "module.peer[\"y\"].testcloud_thing.p",
                Phase.CREATE), "an instance does not wait for another instance's resources");
        f.apply();
        for (String k : List.of("x", "y")) {
            assertTrue(position("wait module.peer[\"" + k + "\"].testcloud_thing.p")
                    < position("create module.peer[\"" + k + "\"].testcloud_thing.q"), f.cloud.calls.toString());
        }
        Diagnostics diags = new Diagnostics();
        assertFalse(f.plan(Planner.Options.DEFAULT, diags).plan().hasChanges(), "the next plan is clean");
    }

    @Test
    void aResourceOfACountModuleInstanceWaitsForWhatItNeedsInTheSameInstanceAndIsDestroyedFirst() throws Exception {
        peerModule();
        f.config("""
                module "peer" {
                  source = "./peer"
                  count  = 2
                  name   = "n${count.index}"
                }
                """);
        StepGraph g = plan(Planner.Options.DEFAULT);
        for (int i = 0; i < 2; i++) {
            assertTrue(waits(g, "module.peer[" + i + "].testcloud_thing.q", "module.peer[" + i + "].testcloud_thing.p",
                    Phase.CREATE));
        }
        applyThenPlanIsClean();
        StepGraph destroy = plan(DESTROY);
        for (int i = 0; i < 2; i++) {
            assertTrue(waits(destroy, "module.peer[" + i + "].testcloud_thing.p",
                    "module.peer[" + i + "].testcloud_thing.q", Phase.DESTROY), ids(destroy).toString());
        }
        assertFalse(waits(destroy, "module.peer[0].testcloud_thing.p", "module.peer[1].testcloud_thing.q",
                Phase.DESTROY));
        f.cloud.calls.clear();
        f.apply(DESTROY, new Interrupt(), ApplyListener.NONE);
        for (int i = 0; i < 2; i++) {
            assertTrue(position("delete module.peer[" + i + "].testcloud_thing.q")
                    < position("delete module.peer[" + i + "].testcloud_thing.p"), f.cloud.calls.toString());
        }
    }

    @Test
    void anObjectLeftInTheStateByARemovedModuleInstanceIsDestroyedBeforeWhatItNeeded() throws Exception {
        peerModule();
        f.config("""
                module "peer" {
                  source   = "./peer"
                  for_each = toset(["x", "y"])
                  name     = each.key
                }
                """);
        f.apply();
        f.config("""
                module "peer" {
                  source   = "./peer"
                  for_each = toset(["x"])
                  name     = each.key
                }
                """);
        StepGraph g = plan(Planner.Options.DEFAULT);
        assertTrue(waits(g, "module.peer[\"y\"].testcloud_thing.p", "module.peer[\"y\"].testcloud_thing.q",
                Phase.DESTROY), ids(g).toString());
        applyThenPlanIsClean();
    }

    @Test
    void aReferenceToOneModuleInstancesOutputWaitsForEveryInstanceAsInTerraform() throws Exception {
        peerModule();
        f.config("""
                module "peer" {
                  source   = "./peer"
                  for_each = toset(["x", "y"])
                  name     = each.key
                }
                resource "testcloud_thing" "user" {
                  name      = "user"
                  parent_id = module.peer["x"].id
                }
                """);
        StepGraph g = plan(Planner.Options.DEFAULT);
        for (String k : List.of("x", "y")) {
            assertTrue(waits(g, "testcloud_thing.user", "module.peer[\"" + k + "\"].testcloud_thing.q",
                    Phase.CREATE));
        }
        applyThenPlanIsClean();
    }

    @Test
    void dependsOnAWholeModuleWaitsForEveryResourceOfEveryInstance() throws Exception {
        peerModule();
        f.config("""
                module "peer" {
                  source = "./peer"
                  count  = 2
                  name   = "n${count.index}"
                }
                resource "testcloud_thing" "last" {
                  name       = "last"
                  depends_on = [module.peer]
                }
                """);
        StepGraph g = plan(Planner.Options.DEFAULT);
        for (int i = 0; i < 2; i++) {
            for (String r : List.of("p", "q")) {
                assertTrue(waits(g, "testcloud_thing.last", "module.peer[" + i + "].testcloud_thing." + r,
                        Phase.CREATE), "last waits for module.peer[" + i + "]." + r);
            }
        }
        applyThenPlanIsClean();
        StepGraph destroy = plan(DESTROY);
        for (int i = 0; i < 2; i++) {
            assertTrue(waits(destroy, "module.peer[" + i + "].testcloud_thing.p", "testcloud_thing.last",
                    Phase.DESTROY));
        }
    }

    @Test
    void nestedModuleInstancesKeepToTheirOwnOuterInstance() throws Exception {
        peerModule();
        module("outer", """
                variable "name" {}
                module "inner" {
                  source   = "../peer"
                  for_each = toset(["a", "b"])
                  name     = "${var.name}-${each.key}"
                }
                resource "testcloud_thing" "top" {
                  name      = "top-${var.name}"
                  parent_id = module.inner["a"].id
                }
                """);
        f.config("""
                module "outer" {
                  source = "./outer"
                  count  = 2
                  name   = "o${count.index}"
                }
                """);
        StepGraph g = plan(Planner.Options.DEFAULT);
        for (int i = 0; i < 2; i++) {
            String outer = "module.outer[" + i + "]";
            for (String k : List.of("a", "b")) {
                String inner = outer + ".module.inner[\"" + k + "\"]";
                assertTrue(waits(g, inner + ".testcloud_thing.q", inner + ".testcloud_thing.p", Phase.CREATE));
                assertTrue(waits(g, outer + ".testcloud_thing.top", inner + ".testcloud_thing.q", Phase.CREATE));
            }
        }
        assertFalse(waits(g, "module.outer[0].testcloud_thing.top",
                "module.outer[1].module.inner[\"a\"].testcloud_thing.q", Phase.CREATE));
        assertFalse(waits(g, "module.outer[0].module.inner[\"a\"].testcloud_thing.q",
                "module.outer[0].module.inner[\"b\"].testcloud_thing.p", Phase.CREATE));
        applyThenPlanIsClean();
        assertEquals(10, f.state().resources().size(), "2 outer x (top + 2 inner x 2)");
    }

    @Test
    void aDataSourceWaitsOnlyForAChangeInItsOwnModuleInstance() throws Exception {
        Files.writeString(f.dir.resolve("other.tfstate"), """
                {"version": 4, "terraform_version": "1.11.0", "serial": 1, "lineage": "l", "outputs": {},
                 "resources": []}
                """);
        module("peer", """
                variable "name" {}
                resource "testcloud_thing" "p" { name = var.name }
                data "terraform_remote_state" "s" {
                  backend    = "local"
                  config     = { path = "/work/other.tfstate" }
                  depends_on = [testcloud_thing.p]
                }
                """);
        String config = """
                module "peer" {
                  source   = "./peer"
                  for_each = { x = "X", y = "Y" }
                  name     = each.value
                }
                """;
        f.config(config);
        f.apply();
        f.config(config.replace("\"X\"", "\"X2\""));
        Diagnostics diags = new Diagnostics();
        Planner.Result r = f.plan(Planner.Options.DEFAULT, diags);
        assertFalse(diags.hasErrors(), diags.toString());
        List<String> reads = r.plan().changes().stream().filter(c -> c.action() == ChangeAction.READ)
                .map(c -> c.address().toString()).toList();
        assertEquals(List.of("module.peer[\"x\"].data.terraform_remote_state.s"), reads,
                "read after the change of its own instance's p; y's p does not change, so y's is read now");
        assertTrue(waits(r.plan().steps(), "module.peer[\"x\"].data.terraform_remote_state.s",
                "module.peer[\"x\"].testcloud_thing.p", Phase.CREATE));
        applyThenPlanIsClean();
    }

    private List<String> targeted(PlanMode mode, String target) throws Exception {
        Diagnostics diags = new Diagnostics();
        Planner.Result r = f.plan(new Planner.Options(mode, true, List.of(InstanceAddress.parse(target)),
                List.of()), diags);
        assertFalse(diags.hasErrors(), diags.toString());
        return r.plan().changes().stream().filter(c -> c.action() != ChangeAction.NO_OP)
                .map(c -> c.address().toString()).sorted().toList();
    }

    @Test
    void aTargetInAModuleInstanceTakesWhatItNeedsInThatInstanceOnlyHoweverDeep() throws Exception {
        module("chain", """
                variable "name" {}
                resource "testcloud_thing" "p" { name = "p-${var.name}" }
                resource "testcloud_thing" "q" {
                  name      = "q-${var.name}"
                  parent_id = testcloud_thing.p.id
                }
                resource "testcloud_thing" "r" {
                  name      = "r-${var.name}"
                  parent_id = testcloud_thing.q.id
                }
                """);
        f.config("""
                module "chain" {
                  source   = "./chain"
                  for_each = toset(["x", "y"])
                  name     = each.key
                }
                """);
        assertEquals(List.of("module.chain[\"x\"].testcloud_thing.p", "module.chain[\"x\"].testcloud_thing.q",
                "module.chain[\"x\"].testcloud_thing.r"),
                targeted(PlanMode.NORMAL, "module.chain[\"x\"].testcloud_thing.r"));
        f.apply();
        assertEquals(List.of("module.chain[\"y\"].testcloud_thing.p", "module.chain[\"y\"].testcloud_thing.q",
                "module.chain[\"y\"].testcloud_thing.r"),
                targeted(PlanMode.DESTROY, "module.chain[\"y\"].testcloud_thing.p"),
                "a targeted destroy takes its dependents in its own module instance, not those of x");
    }
}
