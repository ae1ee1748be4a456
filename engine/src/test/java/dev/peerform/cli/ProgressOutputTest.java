package dev.peerform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peerform.addrs.InstanceAddress;
import dev.peerform.plans.PlannedStep;
import dev.peerform.plans.ResourceChange;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.Phase;
import dev.peerform.spi.StepSpec;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Value;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The apply progress lines, human and JSON: what each step says when it starts, ends, fails and keeps waiting. */
class ProgressOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static PlannedStep step(ChangeAction action, StepSpec spec) {
        ResourceChange change = new ResourceChange(InstanceAddress.parse("alicloud_router_interface_connection.i"),
                "alicloud", null, action, null, null, List.of(), null, Map.of(), List.of(), false, null);
        return new PlannedStep("s1", change, spec, 0, true);
    }

    private static final StepSpec SUSPEND = StepSpec.of("suspend", Phase.DESTROY, "suspend the interface")
            .waiting("Inactive");

    private static PlannedStep step(ChangeAction action, StepSpec spec, int index, boolean last, ObjectValue before) {
        ResourceChange change = new ResourceChange(InstanceAddress.parse("alicloud_router_interface_connection.i"),
                "alicloud", null, action, before, null, List.of(), null, Map.of(), List.of(), false, null);
        return new PlannedStep("s" + index, change, spec, index, last);
    }

    private static final StepSpec SET_OPPOSITE = StepSpec.of("set_opposite", Phase.CREATE,
            "set the opposite information");
    private static final StepSpec CONNECT = StepSpec.of("connect", Phase.CREATE, "connect").waiting("Active");

    @Test
    void multiStepHalfPrintsTerraformsWordsAroundEachStepsOwnLines() {
        StringWriter text = new StringWriter();
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(text));
        PlannedStep first = step(ChangeAction.CREATE, SET_OPPOSITE, 0, false, null);
        PlannedStep second = step(ChangeAction.CREATE, CONNECT, 1, true, null);
        ObjectValue made = new ObjectValue(Map.of("id", Value.of("ri-1")));
        p.started(first);
        p.finished(first, Duration.ofSeconds(2), made);
        p.started(second);
        p.still(second, Duration.ofSeconds(10), "Connecting");
        p.finished(second, Duration.ofSeconds(63), made);
        assertEquals("""
                alicloud_router_interface_connection.i: Creating...
                alicloud_router_interface_connection.i: Set the opposite information...
                alicloud_router_interface_connection.i: Set the opposite information complete after 2s [id=ri-1]
                alicloud_router_interface_connection.i: Connect...
                alicloud_router_interface_connection.i: Still creating... [12s elapsed]
                alicloud_router_interface_connection.i: waiting until Active (10s in this step): Connecting
                alicloud_router_interface_connection.i: Connect complete after 1m3s [id=ri-1]
                alicloud_router_interface_connection.i: Creation complete after 1m5s [id=ri-1]
                """, text.toString());
    }

    @Test
    void singleStepHalfPrintsOnlyTerraformsLinesAndDestroyNamesTheIdItStartsFrom() {
        StringWriter text = new StringWriter();
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(text));
        PlannedStep s = step(ChangeAction.DELETE, SUSPEND, 0, true,
                new ObjectValue(Map.of("id", Value.of("ri-1"))));
        p.started(s);
        p.still(s, Duration.ofSeconds(3700), null);
        p.finished(s, Duration.ofSeconds(3725), null);
        assertEquals("""
                alicloud_router_interface_connection.i: Destroying... [id=ri-1]
                alicloud_router_interface_connection.i: Still destroying... [id=ri-1, 1h1m40s elapsed]
                alicloud_router_interface_connection.i: waiting until Inactive (1h1m40s in this step)
                alicloud_router_interface_connection.i: Destruction complete after 1h2m5s
                """, text.toString());
    }

    @Test
    void updateNamesTheIdOnBothLinesButNeverASensitiveOne() {
        StringWriter text = new StringWriter();
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(text));
        StepSpec modify = StepSpec.of("modify", Phase.UPDATE, "change the attributes");
        PlannedStep shown = step(ChangeAction.UPDATE, modify, 0, true, new ObjectValue(Map.of("id",
                Value.of("ri-1"))));
        p.started(shown);
        p.finished(shown, Duration.ofSeconds(1), new ObjectValue(Map.of("id", Value.of("ri-1"))));
        PlannedStep hidden = step(ChangeAction.UPDATE, modify, 0, true, new ObjectValue(Map.of("id",
                Value.sensitive(Value.of("ri-secret")))));
        p.started(hidden);
        p.finished(hidden, Duration.ofSeconds(1), new ObjectValue(Map.of("id",
                Value.sensitive(Value.of("ri-secret")))));
        assertEquals("""
                alicloud_router_interface_connection.i: Modifying... [id=ri-1]
                alicloud_router_interface_connection.i: Modifications complete after 1s [id=ri-1]
                alicloud_router_interface_connection.i: Modifying...
                alicloud_router_interface_connection.i: Modifications complete after 1s
                """, text.toString());
    }

    @Test
    void failedStepOfAMultiStepHalfSaysWhichStepFailed() {
        StringWriter text = new StringWriter();
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(text));
        PlannedStep first = step(ChangeAction.CREATE, SET_OPPOSITE, 0, false, null);
        p.started(first);
        p.failed(first, null);
        assertEquals("""
                alicloud_router_interface_connection.i: Creating...
                alicloud_router_interface_connection.i: Set the opposite information...
                alicloud_router_interface_connection.i: Set the opposite information failed.
                """, text.toString());
    }

    @Test
    void jsonHooksFollowTerraformsShapeAndSayWhichHalfOfAReplaceRuns() throws Exception {
        StringWriter text = new StringWriter();
        JsonProgress p = new JsonProgress(new JsonLines(new PrintWriter(text)));
        p.still(step(ChangeAction.DELETE, SUSPEND), Duration.ofSeconds(20), null);
        p.finished(step(ChangeAction.DELETE_THEN_CREATE, StepSpec.of("create", Phase.CREATE,
                "create the interface")), Duration.ofSeconds(2), new ObjectValue(Map.of("id", Value.of("ri-2"))));
        p.started(step(ChangeAction.DELETE_THEN_CREATE, SUSPEND));
        String[] lines = text.toString().split("\n");
        assertEquals(3, lines.length);
        JsonNode still = JSON.readTree(lines[0]);
        assertEquals("apply_progress", still.get("type").asText());
        assertEquals("info", still.get("@level").asText());
        assertEquals(20, still.at("/hook/elapsed_seconds").asInt());
        assertEquals("delete", still.at("/hook/action").asText());
        assertEquals("alicloud_router_interface_connection.i", still.at("/hook/resource/addr").asText());
        assertEquals("alicloud", still.at("/hook/resource/implied_provider").asText());
        assertEquals("suspend", still.at("/hook/peerform_step/name").asText());
        assertFalse(still.get("@timestamp").asText().isEmpty());
        JsonNode complete = JSON.readTree(lines[1]);
        assertEquals("apply_complete", complete.get("type").asText());
        assertEquals("create", complete.at("/hook/action").asText(), "the create half of a replace");
        assertEquals("id", complete.at("/hook/id_key").asText());
        assertEquals("ri-2", complete.at("/hook/id_value").asText());
        assertEquals("delete", JSON.readTree(lines[2]).at("/hook/action").asText(), "the destroy half of a replace");
    }
}
