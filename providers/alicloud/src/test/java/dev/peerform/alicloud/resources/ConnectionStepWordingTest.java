package dev.peerform.alicloud.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.ChangeView;
import dev.peerform.spi.StepSpec;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plan's words for a connection brought back to Active say what the cloud will be asked to do. */
class ConnectionStepWordingTest {

    private static String stepBackToActive(String foundStatus) {
        ObjectValue before = new ObjectValue(Map.of("interface_id", Value.of("ri-b"), "status", Value.of(foundStatus)));
        ObjectValue after = new ObjectValue(Map.of("interface_id", Value.of("ri-b"), "status", Value.of("Active")));
        List<StepSpec> steps = new ConnectionResource().steps(new ChangeView(InstanceAddress.parse(
                ConnectionResource.TYPE + ".acceptor"), ConnectionResource.TYPE, ChangeAction.UPDATE, before, after));
        assertEquals(1, steps.size(), steps.toString());
        return steps.get(0).description();
    }

    @Test
    void anIdleEndIsNotResumedItsAcceptorWaitsForTheInitiator() {
        String words = stepBackToActive("Idle");
        assertFalse(words.contains("resume"), words);
        assertTrue(words.contains("wait for the initiator"), words);
    }

    @Test
    void onlyASuspendedEndIsResumed() {
        assertEquals("resume the connection", stepBackToActive("Inactive"));
        assertFalse(stepBackToActive("Connecting").contains("resume"));
    }
}
