package dev.peerform.alicloud.rules;

import dev.peerform.alicloud.resources.ConnectionResource;
import dev.peerform.alicloud.resources.ConnectionStep;
import dev.peerform.alicloud.resources.InterfaceStep;
import dev.peerform.alicloud.resources.RouteEntryResource;
import dev.peerform.alicloud.resources.RouteStep;
import dev.peerform.alicloud.resources.RouterInterfaceResource;
import dev.peerform.spi.Phase;
import dev.peerform.spi.StepEdge;
import dev.peerform.spi.StepKind;
import dev.peerform.spi.StepView;
import dev.peerform.vpcapi.domain.Role;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cloud's order of work that references alone do not give (domain.md, "Order of work"):
 * <ul>
 * <li>an end connects only after both ends' opposite information is set;</li>
 * <li>the acceptor awaits the connection only once the initiator has connected, so that a refused connect stops
 * the wait instead of leaving it to poll until its deadline;</li>
 * <li>routes over an interface are added after its connection is Active;</li>
 * <li>routes over an interface are deleted before its connection is suspended;</li>
 * <li>a suspended connection is resumed before its interface's bandwidth changes (only an Active interface's
 * specification may change);</li>
 * <li>the acceptor's end is set before the initiator's, and suspended after it ({@link AcceptorFirst}).</li>
 * </ul>
 * Resources are matched by id when known and by reference otherwise, so the order holds on the first apply.
 */
public final class Ordering {

    /** The steps that belong to the destroy phase; every other kind is looked for outside it. */
    private static final Set<StepKind> DESTROYING = Set.of(ConnectionStep.SUSPEND, RouteStep.DELETE);

    private Ordering() {
    }

    public static List<StepEdge> edges(List<StepView> steps) {
        List<StepEdge> out = new ArrayList<>();
        List<StepView> connect = of(steps, ConnectionResource.TYPE, ConnectionStep.CONNECT);
        // set-opposite steps by the interface they set: a connect looks its peer's up instead of scanning
        Map<Token, List<StepView>> setOppositeByInterface = byToken(of(steps, ConnectionResource.TYPE,
                ConnectionStep.SET_OPPOSITE), "interface_id");
        for (StepView c : connect) {
            Set<Token> mine = Identity.of(c, "interface_id");
            for (StepView s : candidates(setOppositeByInterface, Identity.of(c, "opposite_interface_id"))) {
                if (Identity.meet(Identity.of(s, "opposite_interface_id"), mine)) {
                    out.add(new StepEdge(s, c, "the peer's opposite information is set"));
                }
            }
        }
        out.addAll(acceptorsAwaitTheInitiator(steps, connect));
        out.addAll(AcceptorFirst.edges(steps));
        // a resume makes a connection Active as a connect does: routes over it wait for either
        List<StepView> toActive = new ArrayList<>(connect);
        toActive.addAll(of(steps, ConnectionResource.TYPE, ConnectionStep.RESUME));
        Map<Token, List<StepView>> connectByEnd = byToken(toActive, "interface_id");
        byToken(toActive, "opposite_interface_id").forEach((k, v) -> connectByEnd.computeIfAbsent(k,
                x -> new ArrayList<>()).addAll(v));
        for (StepView r : of(steps, RouteEntryResource.TYPE, RouteStep.CREATE)) {
            for (StepView c : candidates(connectByEnd, Identity.of(r, "nexthop_id"))) {
                out.add(new StepEdge(c, r, "the connection is Active"));
            }
        }
        List<StepView> suspends = of(steps, ConnectionResource.TYPE, ConnectionStep.SUSPEND);
        Map<Token, List<StepView>> suspendByEnd = byToken(suspends, "interface_id");
        byToken(suspends, "opposite_interface_id").forEach((k, v) -> suspendByEnd.computeIfAbsent(k,
                x -> new ArrayList<>()).addAll(v));
        for (StepView r : of(steps, RouteEntryResource.TYPE, RouteStep.DELETE)) {
            for (StepView c : candidates(suspendByEnd, Identity.of(r, "nexthop_id"))) {
                out.add(new StepEdge(r, c, "no route uses the interface any more"));
            }
        }
        Map<Token, List<StepView>> resumeByInterface = byToken(of(steps, ConnectionResource.TYPE,
                ConnectionStep.RESUME), "interface_id");
        for (StepView spec : of(steps, RouterInterfaceResource.TYPE, InterfaceStep.SPEC)) {
            for (StepView r : candidates(resumeByInterface, Identity.self(spec.address().toString(), spec.before()))) {
                out.add(new StepEdge(r, spec, "the connection is Active again"));
            }
        }
        out.addAll(BgpOrdering.edges(steps));
        return out;
    }

    /**
     * The acceptor's connect step only awaits the connection the initiator makes: it runs after the initiator's
     * connect, so that when the cloud refuses that connect (Forbidden.OnlyOneConnection, for example) the engine
     * skips the wait as a descendant of the failure. Roles come from the interfaces' steps in this plan; an end
     * whose role the plan cannot tell (neither interface changes) keeps waiting as before.
     */
    private static List<StepEdge> acceptorsAwaitTheInitiator(List<StepView> steps, List<StepView> connect) {
        Map<Token, Role> roles = Roles.of(steps);
        List<StepEdge> out = new ArrayList<>();
        if (roles.isEmpty()) {
            return out;
        }
        Map<Token, List<StepView>> connectByInterface = byToken(connect, "interface_id");
        for (StepView c : connect) {
            Role mine = Roles.of(roles, Identity.of(c, "interface_id"));
            if (mine == Role.INITIATOR) {
                continue;
            }
            for (StepView peer : candidates(connectByInterface, Identity.of(c, "opposite_interface_id"))) {
                Role theirs = Roles.of(roles, Identity.of(peer, "interface_id"));
                if (peer != c && theirs != Role.ACCEPTOR && (mine == Role.ACCEPTOR || theirs == Role.INITIATOR)) {
                    out.add(new StepEdge(peer, c, "the initiator has connected"));
                }
            }
        }
        return out;
    }



    private static Map<Token, List<StepView>> byToken(List<StepView> steps, String attribute) {
        Map<Token, List<StepView>> out = new HashMap<>();
        for (StepView s : steps) {
            for (Token t : Identity.of(s, attribute)) {
                out.computeIfAbsent(t, k -> new ArrayList<>()).add(s);
            }
        }
        return out;
    }

    /** The steps indexed under any of the tokens, each once, in a stable order. */
    private static List<StepView> candidates(Map<Token, List<StepView>> index, Set<Token> tokens) {
        Set<StepView> out = Collections.newSetFromMap(new IdentityHashMap<>());
        List<StepView> ordered = new ArrayList<>();
        for (Token t : new TreeSet<>(tokens)) {
            for (StepView s : index.getOrDefault(t, List.of())) {
                if (out.add(s)) {
                    ordered.add(s);
                }
            }
        }
        return ordered;
    }

    /** The steps of {@code kind} of resources of {@code type}, in the phase that kind runs in. */
    private static List<StepView> of(List<StepView> steps, String type, StepKind kind) {
        boolean destroying = DESTROYING.contains(kind);
        return steps.stream().filter(s -> s.type().equals(type) && s.spec().is(kind)
                && (s.spec().phase() != Phase.DESTROY || destroying)).toList();
    }
}
