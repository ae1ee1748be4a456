package dev.peerform.alicloud.rules;

import dev.peerform.alicloud.resources.ConnectionResource;
import dev.peerform.alicloud.resources.ConnectionStep;
import dev.peerform.spi.Phase;
import dev.peerform.spi.StepEdge;
import dev.peerform.spi.StepView;
import dev.peerform.vpcapi.domain.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The two ends of one connection, in the order the official documentation gives them with {@code depends_on}: the
 * acceptor's end sets its opposite information before the initiator's does (the initiator then connects), and the
 * initiator's end is suspended before the acceptor's. The cloud needs neither, but with them the cloud sees the same
 * calls in the same order whether or not a configuration writes those {@code depends_on}. Roles come from the
 * interfaces' steps in this plan; when the plan cannot tell them, no order is added.
 */
final class AcceptorFirst {

    private AcceptorFirst() {
    }

    static List<StepEdge> edges(List<StepView> steps) {
        Map<Token, Role> roles = Roles.of(steps);
        List<StepEdge> out = new ArrayList<>();
        if (roles.isEmpty()) {
            return out;
        }
        out.addAll(pairs(steps, roles, ConnectionStep.SET_OPPOSITE, false, "the acceptor's end knows its peer"));
        out.addAll(pairs(steps, roles, ConnectionStep.SUSPEND, true, "the initiator's end is suspended"));
        return out;
    }

    /** Edges between the acceptor's and the initiator's step of {@code kind} of one connection. */
    private static List<StepEdge> pairs(List<StepView> steps, Map<Token, Role> roles, ConnectionStep kind,
            boolean initiatorFirst, String why) {
        boolean destroying = kind == ConnectionStep.SUSPEND;
        List<StepView> acceptors = new ArrayList<>();
        List<StepView> initiators = new ArrayList<>();
        for (StepView s : steps) {
            if (!s.type().equals(ConnectionResource.TYPE) || !s.spec().is(kind)
                    || (s.spec().phase() == Phase.DESTROY) != destroying) {
                continue;
            }
            Role r = Roles.of(roles, Identity.of(s, "interface_id"));
            if (r == Role.ACCEPTOR) {
                acceptors.add(s);
            } else if (r == Role.INITIATOR) {
                initiators.add(s);
            }
        }
        List<StepEdge> out = new ArrayList<>();
        for (StepView i : initiators) {
            Set<Token> mine = Identity.of(i, "interface_id");
            Set<Token> peer = Identity.of(i, "opposite_interface_id");
            for (StepView a : acceptors) {
                if (Identity.meet(Identity.of(a, "interface_id"), peer)
                        && Identity.meet(Identity.of(a, "opposite_interface_id"), mine)) {
                    out.add(initiatorFirst ? new StepEdge(i, a, why) : new StepEdge(a, i, why));
                }
            }
        }
        return out;
    }


}
