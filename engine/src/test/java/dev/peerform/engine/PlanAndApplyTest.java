package dev.peerform.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peerform.addrs.InstanceAddress;
import dev.peerform.apply.ApplyListener;
import dev.peerform.apply.Interrupt;
import dev.peerform.diag.Diagnostics;
import dev.peerform.planner.Planner;
import dev.peerform.plans.PlanMode;
import dev.peerform.plans.PlannedStep;
import dev.peerform.plans.ResourceChange;
import dev.peerform.spi.ChangeAction;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanAndApplyTest {

    private final EngineFixture f = new EngineFixture();

    PlanAndApplyTest() throws Exception {
    }

    private int position(String call) {
        int i = f.cloud.calls.indexOf(call);
        assertTrue(i >= 0, call + " was not called: " + f.cloud.calls);
        return i;
    }

    @Test
    void aStepTimeoutTheProviderAsksForSetsTheDeadlineLongerOrShorterThanTheEngines() throws Exception {
        f.cloud.stepTimeouts.put("create", Duration.ofHours(2));
        f.cloud.stepTimeouts.put("wait", Duration.ofSeconds(20));
        f.config("""
                resource "testcloud_thing" "slow" { name = "slow" }
                """);
        f.apply();
        // the fixture's engine step timeout is one minute
        assertTrue(f.cloud.timeLeft.get("create testcloud_thing.slow").compareTo(Duration.ofMinutes(119)) > 0,
                f.cloud.timeLeft.toString());
        assertTrue(f.cloud.timeLeft.get("wait testcloud_thing.slow").compareTo(Duration.ofSeconds(20)) <= 0,
                f.cloud.timeLeft.toString());
    }

    @Test
    void createsFollowReferencesAndDeletesRunInReverse() throws Exception {
        f.config("""
                resource "testcloud_thing" "vpc" { name = "vpc" }
                resource "testcloud_thing" "subnet" {
                  name      = "subnet"
                  parent_id = testcloud_thing.vpc.id
                }
                resource "testcloud_thing" "vm" {
                  name      = "vm"
                  parent_id = testcloud_thing.subnet.id
                }
                """);
        f.apply();
        assertTrue(position("wait testcloud_thing.vpc") < position("create testcloud_thing.subnet"));
        assertTrue(position("wait testcloud_thing.subnet") < position("create testcloud_thing.vm"));
        f.cloud.calls.clear();
        f.config("");
        f.apply();
        assertTrue(position("delete testcloud_thing.vm") < position("stop testcloud_thing.subnet"));
        assertTrue(position("delete testcloud_thing.subnet") < position("stop testcloud_thing.vpc"));
        assertTrue(f.cloud.objects.isEmpty());
    }

    @Test
    void providerOrderingRulesHoldWithoutDependsOn() throws Exception {
        f.config("""
                resource "testcloud_thing" "a" { name = "a" }
                resource "testcloud_thing" "b" { name = "b" }
                resource "testcloud_link" "from_a" {
                  thing_id      = testcloud_thing.a.id
                  peer_thing_id = testcloud_thing.b.id
                  initiator     = true
                }
                resource "testcloud_link" "from_b" {
                  thing_id      = testcloud_thing.b.id
                  peer_thing_id = testcloud_thing.a.id
                }
                """);
        for (int round = 0; round < 5; round++) {
            f.cloud.calls.clear();
            f.apply(new Planner.Options(PlanMode.DESTROY, true, List.of(), List.of()), new Interrupt(),
                    ApplyListener.NONE);
            f.apply();
            assertTrue(position("prepare testcloud_link.from_b") < position("connect testcloud_link.from_a"));
            assertTrue(position("prepare testcloud_link.from_a") < position("connect testcloud_link.from_b"));
        }
    }

    @Test
    void stepsSharingAConcurrencyKeyRunOneAtATimeUnderParallelism() throws Exception {
        StringBuilder config = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            config.append("resource \"testcloud_thing\" \"t").append(i).append("\" {\n  name  = \"t").append(i)
                    .append("\"\n  table = \"").append(i % 2 == 0 ? "even" : "odd").append("\"\n}\n");
        }
        f.config(config.toString());
        f.cloud.latency = java.time.Duration.ofMillis(20);
        f.parallelism = 10;
        f.apply();
        assertEquals(1, f.cloud.maxConcurrentPerKey.get());
        assertEquals(12, f.cloud.objects.size());
    }

    @Test
    void aStepStillRunningIsReportedEveryIntervalWithItsElapsedTimeAndQuickStepsAreNot() throws Exception {
        f.config("resource \"testcloud_thing\" \"slow\" {\n  name = \"slow\"\n}\n");
        f.cloud.latency = java.time.Duration.ofMillis(1_300);
        f.stillEvery = java.time.Duration.ofMillis(300);
        java.util.Map<String, List<java.time.Duration>> reported = new java.util.concurrent.ConcurrentHashMap<>();
        ApplyListener recorder = new ApplyListener() {
            @Override
            public void still(PlannedStep step, java.time.Duration elapsed, String progress) {
                reported.computeIfAbsent(step.id(), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                        .add(elapsed);
            }
        };
        f.apply(Planner.Options.DEFAULT, new Interrupt(), recorder);
        assertFalse(reported.isEmpty(), "the slow step was reported");
        for (List<java.time.Duration> step : reported.values()) {
            assertTrue(step.size() >= 2 && step.size() <= 5, "about one report per 300 ms of 1.3 s: " + step);
            for (int i = 0; i < step.size(); i++) {
                assertTrue(step.get(i).toMillis() >= 300L * (i + 1), "elapsed grows with each report: " + step);
            }
        }
        f.config("resource \"testcloud_thing\" \"quick\" {\n  name = \"quick\"\n}\n");
        f.cloud.latency = java.time.Duration.ZERO;
        reported.clear();
        f.apply(Planner.Options.DEFAULT, new Interrupt(), recorder);
        assertTrue(reported.isEmpty(), "a step quicker than the interval is never reported: " + reported);
    }

    @Test
    void secondApplyOfUnchangedConfigurationIsANoOp() throws Exception {
        f.config("resource \"testcloud_thing\" \"a\" {\n  name = \"a\"\n  size = 2\n}\n");
        f.apply();
        Diagnostics diags = new Diagnostics();
        Planner.Result p = f.plan(Planner.Options.DEFAULT, diags);
        assertFalse(p.plan().hasChanges(), p.plan().changes().toString());
    }

    @Test
    void changedAttributeUpdatesInPlaceAndForceNewAttributeReplaces() throws Exception {
        f.config("resource \"testcloud_thing\" \"a\" {\n  name = \"a\"\n  size = 2\n  zone = \"z1\"\n}\n");
        f.apply();
        f.config("resource \"testcloud_thing\" \"a\" {\n  name = \"a\"\n  size = 3\n  zone = \"z1\"\n}\n");
        ResourceChange update = f.plan(Planner.Options.DEFAULT, new Diagnostics()).plan().changes().get(0);
        assertEquals(ChangeAction.UPDATE, update.action());
        f.config("resource \"testcloud_thing\" \"a\" {\n  name = \"a\"\n  size = 2\n  zone = \"z2\"\n}\n");
        ResourceChange replace = f.plan(Planner.Options.DEFAULT, new Diagnostics()).plan().changes().get(0);
        assertEquals(ChangeAction.DELETE_THEN_CREATE, replace.action());
        assertEquals(List.of("zone"), replace.replacePaths());
    }

    @Test
    void outOfBandDeletionIsDriftAndThePlanRecreates() throws Exception {
        f.config("resource \"testcloud_thing\" \"a\" { name = \"a\" }\n");
        f.apply();
        f.cloud.objects.clear();
        Planner.Result p = f.plan(Planner.Options.DEFAULT, new Diagnostics());
        assertEquals(1, p.plan().drift().size());
        assertEquals(ChangeAction.CREATE, p.plan().changes().get(0).action());
    }

    @Test
    void refreshReadsFiftyInstancesPerCall() throws Exception {
        StringBuilder config = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            config.append("resource \"testcloud_thing\" \"t").append(i).append("\" { name = \"t").append(i)
                    .append("\" }\n");
        }
        f.config(config.toString());
        f.apply();
        f.cloud.readCalls.set(0);
        f.plan(Planner.Options.DEFAULT, new Diagnostics());
        assertEquals(3, f.cloud.readCalls.get());
    }

    @Test
    void failedCreateSkipsOnlyItsDescendantsAndIsRecordedTainted() throws Exception {
        f.config("""
                resource "testcloud_thing" "bad" { name = "bad" }
                resource "testcloud_thing" "child" {
                  name      = "child"
                  parent_id = testcloud_thing.bad.id
                }
                resource "testcloud_thing" "other" { name = "other" }
                """);
        f.cloud.failing.add("bad");
        EngineFixture.Run r = f.apply(Planner.Options.DEFAULT, new Interrupt(), ApplyListener.NONE);
        assertTrue(r.diags().hasErrors());
        assertEquals("Failed to create", r.diags().errors().get(0).summary());
        assertTrue(f.cloud.calls.contains("wait testcloud_thing.other"), "independent work goes on");
        assertFalse(f.cloud.calls.stream().anyMatch(c -> c.contains("child")), "descendants are skipped");
        assertTrue(f.state().instance(InstanceAddress.parse("testcloud_thing.other")) != null);
    }

    @Test
    void failedUpdateKeepsTheObjectUntaintedSoTheNextPlanUpdatesInsteadOfReplacing() throws Exception {
        f.config("resource \"testcloud_thing\" \"a\" {\n  name = \"a\"\n  size = 1\n}\n");
        f.apply();
        f.config("resource \"testcloud_thing\" \"a\" {\n  name = \"a\"\n  size = 2\n}\n");
        f.cloud.failing.add("a");
        EngineFixture.Run r = f.apply(Planner.Options.DEFAULT, new Interrupt(), ApplyListener.NONE);
        assertTrue(r.diags().hasErrors(), "the cloud refused the update");
        var kept = f.state().instance(InstanceAddress.parse("testcloud_thing.a"));
        assertFalse(kept.tainted(), "a refused update does not condemn the object");
        assertEquals(1, kept.attributes().get("size").asInt(), "the state keeps what the cloud has");
        Diagnostics diags = new Diagnostics();
        ResourceChange next = f.plan(Planner.Options.DEFAULT, diags).plan().changes().get(0);
        assertEquals(ChangeAction.UPDATE, next.action(), "the next plan retries the update, no replacement");
    }

    @Test
    void transientFailuresAreRetried() throws Exception {
        f.config("resource \"testcloud_thing\" \"a\" { name = \"a\" }\n");
        f.cloud.transientFailures.set(3);
        f.apply();
        assertEquals(3, f.cloud.calls.stream().filter(c -> c.startsWith("throttled")).count());
        assertEquals(1, f.cloud.objects.size());
    }

    @Test
    void configurationCycleIsAnErrorThatPrintsThePath() throws Exception {
        f.config("""
                resource "testcloud_thing" "a" {
                  name      = "a"
                  parent_id = testcloud_thing.b.id
                }
                resource "testcloud_thing" "b" {
                  name      = "b"
                  parent_id = testcloud_thing.a.id
                }
                """);
        Diagnostics diags = new Diagnostics();
        f.plan(Planner.Options.DEFAULT, diags);
        assertEquals("Cycle", diags.errors().get(0).summary());
        String detail = diags.errors().get(0).detail();
        assertTrue(detail.contains("testcloud_thing.a (main.tf:1,") && detail.contains("testcloud_thing.b (main.tf:"),
                detail);
    }

    @Test
    void countAndForEachExpandWithIndexesAndKeys() throws Exception {
        f.config("""
                resource "testcloud_thing" "n" {
                  count = 2
                  name  = "n${count.index}"
                }
                resource "testcloud_thing" "k" {
                  for_each = { x = 1, y = 2 }
                  name     = "k-${each.key}"
                  size     = each.value
                }
                """);
        f.apply();
        for (String a : List.of("testcloud_thing.n[0]", "testcloud_thing.n[1]", "testcloud_thing.k[\"x\"]",
                "testcloud_thing.k[\"y\"]")) {
            assertTrue(f.state().instance(InstanceAddress.parse(a)) != null, a);
        }
    }

    @Test
    void unknownCountIsAnErrorThatSaysWhy() throws Exception {
        f.config("""
                resource "testcloud_thing" "a" { name = "a" }
                resource "testcloud_thing" "n" {
                  count = length(testcloud_thing.a.id)
                  name  = "n"
                }
                """);
        Diagnostics diags = new Diagnostics();
        f.plan(Planner.Options.DEFAULT, diags);
        assertEquals("Invalid count argument", diags.errors().get(0).summary());
        assertTrue(diags.errors().get(0).detail().contains("cannot be determined until apply"));
    }

    @Test
    void preventDestroyIsAClearError() throws Exception {
        f.config("resource \"testcloud_thing\" \"a\" {\n  name = \"a\"\n  lifecycle {\n    prevent_destroy = true\n"
                + "  }\n}\n");
        f.apply();
        Diagnostics diags = new Diagnostics();
        f.plan(new Planner.Options(PlanMode.DESTROY, true, List.of(), List.of()), diags);
        assertEquals("Instance cannot be destroyed", diags.errors().get(0).summary());
        assertEquals("testcloud_thing.a", diags.errors().get(0).address());
    }

    @Test
    void sensitiveValuesAreStoredAsTerraformStoresThemAndStillPlanNoChange() throws Exception {
        f.config("""
                variable "key" {
                  default   = "hunter2-secret"
                  sensitive = true
                }
                resource "terraform_data" "d" { input = { user = "u", password = var.key } }
                output "o" {
                  value     = var.key
                  sensitive = true
                }
                """);
        f.apply();
        JsonNode state = new ObjectMapper().readTree(java.nio.file.Files.readString(f.dir.resolve("terraform.tfstate")));
        assertEquals("hunter2-secret", state.at("/outputs/o/value").asText(), "the plain value, as Terraform");
        assertTrue(state.at("/outputs/o/sensitive").asBoolean());
        JsonNode d = state.at("/resources/0/instances/0");
        assertEquals("hunter2-secret", d.at("/attributes/input/value/password").asText());
        assertEquals("[[{\"type\":\"get_attr\",\"value\":\"input\"},{\"type\":\"get_attr\",\"value\":\"password\"}]]",
                d.get("sensitive_attributes").toString(), "only the path the configuration marked");
        Diagnostics diags = new Diagnostics();
        assertFalse(f.plan(Planner.Options.DEFAULT, diags).plan().hasChanges(), "no change on the stored secret");
        f.config(java.nio.file.Files.readString(f.dir.resolve("main.tf")).replace("hunter2-secret", "other"));
        assertTrue(f.plan(Planner.Options.DEFAULT, new Diagnostics()).plan().hasChanges(), "and a changed secret");
    }
}
