package dev.peerform.alicloud.rules;

import dev.peerform.alicloud.resources.ConnectionResource;
import dev.peerform.alicloud.resources.ConnectionStep;
import dev.peerform.alicloud.resources.RouterInterfaceResource;
import dev.peerform.spi.Phase;
import dev.peerform.spi.StepEdge;
import dev.peerform.spi.StepView;
import dev.peerform.value.ObjectValue;
import dev.peerform.vpcapi.domain.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
        Map<Token, Role> roles = new HashMap<>();
        for (StepView s : steps) {
            if (s.type().equals(RouterInterfaceResource.TYPE)) {
                Role role = roleOf(s);
                if (role != null) {
                    Identity.self(s.address().toString(), s.after()).forEach(t -> roles.putIfAbsent(t, role));
                    Identity.self(s.address().toString(), s.before()).forEach(t -> roles.putIfAbsent(t, role));
                }
            }
        }
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
            Role r = role(roles, Identity.of(s, "interface_id"));
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

    private static Role roleOf(StepView s) {
        for (ObjectValue v : new ObjectValue[] {s.after(), s.before()}) {
            String role = PlanValues.str(v, "role");
            if (role != null) {
                return Role.fromApiName(role).orElse(null);
            }
        }
        return null;
    }

    private static Role role(Map<Token, Role> roles, Set<Token> identity) {
        for (Token t : new TreeSet<>(identity)) {
            Role r = roles.get(t);
            if (r != null) {
                return r;
            }
        }
        return null;
    }
}
