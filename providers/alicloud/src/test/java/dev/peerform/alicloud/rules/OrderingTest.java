package dev.peerform.alicloud.rules;

import dev.peerform.addrs.InstanceAddress;
import static dev.peerform.alicloud.rules.Plans.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.alicloud.resources.ConnectionResource;
import dev.peerform.alicloud.resources.ConnectionStep;
import dev.peerform.alicloud.resources.InterfaceStep;
import dev.peerform.alicloud.resources.RouterInterfaceResource;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.Phase;
import dev.peerform.spi.StepEdge;
import dev.peerform.spi.StepSpec;
import dev.peerform.spi.StepView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderingTest {

    private static StepView interfaceCreate(String name, String role) {
        return new StepView(InstanceAddress.parse(RouterInterfaceResource.TYPE + "." + name), RouterInterfaceResource.TYPE,
                ChangeAction.CREATE, StepSpec.of(InterfaceStep.CREATE, Phase.CREATE, "create"), null,
                values("id", null, "role", role), Map.of());
    }

    private static StepView connection(String name, ConnectionStep step, String mine, String peer) {
        return new StepView(InstanceAddress.parse(ConnectionResource.TYPE + "." + name), ConnectionResource.TYPE, ChangeAction.CREATE,
                StepSpec.of(step, Phase.CREATE, step.id()), null,
                values("interface_id", null, "opposite_interface_id", null),
                Map.of("interface_id", List.of(RouterInterfaceResource.TYPE + "." + mine),
                        "opposite_interface_id", List.of(RouterInterfaceResource.TYPE + "." + peer)));
    }

    private static List<StepEdge> edges(List<StepView> steps, String why) {
        return Ordering.edges(steps).stream().filter(e -> e.why().equals(why)).toList();
    }

    @Test
    void acceptorAwaitsTheConnectionOnlyAfterTheInitiatorsConnectSoAFailedConnectStopsTheWait() {
        StepView initiatorConnect = connection("init", ConnectionStep.CONNECT, "init", "acc");
        StepView acceptorConnect = connection("acc", ConnectionStep.CONNECT, "acc", "init");
        List<StepView> steps = new ArrayList<>(List.of(interfaceCreate("init", "InitiatingSide"),
                interfaceCreate("acc", "AcceptingSide"),
                connection("init", ConnectionStep.SET_OPPOSITE, "init", "acc"),
                connection("acc", ConnectionStep.SET_OPPOSITE, "acc", "init"), acceptorConnect, initiatorConnect));
        List<StepEdge> waits = edges(steps, "the initiator has connected");
        assertEquals(1, waits.size(), waits.toString());
        assertTrue(waits.get(0).before() == initiatorConnect && waits.get(0).after() == acceptorConnect);
        assertEquals(2, edges(steps, "the peer's opposite information is set").size());
    }

    @Test
    void connectsOfEndsWhoseRolesThePlanCannotTellAreNotChained() {
        List<StepView> steps = List.of(connection("x", ConnectionStep.CONNECT, "x", "y"),
                connection("y", ConnectionStep.CONNECT, "y", "x"));
        assertEquals(List.of(), edges(steps, "the initiator has connected"));
    }
}
