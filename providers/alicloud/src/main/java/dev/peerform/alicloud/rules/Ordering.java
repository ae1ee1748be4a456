package dev.peerform.alicloud.rules;

import dev.peerform.alicloud.resources.ConnectionResource;
import dev.peerform.alicloud.resources.RouteEntryResource;
import dev.peerform.alicloud.resources.RouterInterfaceResource;
import dev.peerform.spi.Phase;
import dev.peerform.spi.StepEdge;
import dev.peerform.spi.StepView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.List;
import java.util.Set;

/**
 * The cloud's order of work that references alone do not give (domain.md, "Order of work"):
 * <ul>
 * <li>an end connects only after both ends' opposite information is set;</li>
 * <li>routes over an interface are added after its connection is Active;</li>
 * <li>routes over an interface are deleted before its connection is suspended;</li>
 * <li>a suspended connection is resumed before its interface's bandwidth changes (only an Active interface's
 * specification may change).</li>
 * </ul>
 * Resources are matched by id when known and by reference otherwise, so the order holds on the first apply.
 */
public final class Ordering {

    private Ordering() {
    }

    public static List<StepEdge> edges(List<StepView> steps) {
        List<StepEdge> out = new ArrayList<>();
        List<StepView> connect = named(steps, ConnectionResource.TYPE, "connect");
        // set-opposite steps by the interface they set: a connect looks its peer's up instead of scanning
        Map<String, List<StepView>> setOppositeByInterface = byToken(named(steps, ConnectionResource.TYPE,
                "set-opposite"), "interface_id");
        for (StepView c : connect) {
            Set<String> mine = Identity.of(c, "interface_id");
            for (StepView s : candidates(setOppositeByInterface, Identity.of(c, "opposite_interface_id"))) {
                if (Identity.meet(Identity.of(s, "opposite_interface_id"), mine)) {
                    out.add(new StepEdge(s, c, "the peer's opposite information is set"));
                }
            }
        }
        Map<String, List<StepView>> connectByEnd = byToken(connect, "interface_id");
        byToken(connect, "opposite_interface_id").forEach((k, v) -> connectByEnd.computeIfAbsent(k,
                x -> new ArrayList<>()).addAll(v));
        for (StepView r : named(steps, RouteEntryResource.TYPE, "create")) {
            for (StepView c : candidates(connectByEnd, Identity.of(r, "nexthop_id"))) {
                out.add(new StepEdge(c, r, "the connection is Active"));
            }
        }
        List<StepView> suspends = named(steps, ConnectionResource.TYPE, "suspend");
        Map<String, List<StepView>> suspendByEnd = byToken(suspends, "interface_id");
        byToken(suspends, "opposite_interface_id").forEach((k, v) -> suspendByEnd.computeIfAbsent(k,
                x -> new ArrayList<>()).addAll(v));
        for (StepView r : named(steps, RouteEntryResource.TYPE, "delete")) {
            for (StepView c : candidates(suspendByEnd, Identity.of(r, "nexthop_id"))) {
                out.add(new StepEdge(r, c, "no route uses the interface any more"));
            }
        }
        Map<String, List<StepView>> resumeByInterface = byToken(named(steps, ConnectionResource.TYPE, "resume"),
                "interface_id");
        for (StepView spec : named(steps, RouterInterfaceResource.TYPE, "spec")) {
            for (StepView r : candidates(resumeByInterface, Identity.self(spec.address().toString(), spec.before()))) {
                out.add(new StepEdge(r, spec, "the connection is Active again"));
            }
        }
        return out;
    }

    private static Map<String, List<StepView>> byToken(List<StepView> steps, String attribute) {
        Map<String, List<StepView>> out = new HashMap<>();
        for (StepView s : steps) {
            for (String t : Identity.of(s, attribute)) {
                out.computeIfAbsent(t, k -> new ArrayList<>()).add(s);
            }
        }
        return out;
    }

    /** The steps indexed under any of the tokens, each once, in a stable order. */
    private static List<StepView> candidates(Map<String, List<StepView>> index, Set<String> tokens) {
        Set<StepView> out = Collections.newSetFromMap(new IdentityHashMap<>());
        List<StepView> ordered = new ArrayList<>();
        for (String t : new TreeSet<>(tokens)) {
            for (StepView s : index.getOrDefault(t, List.of())) {
                if (out.add(s)) {
                    ordered.add(s);
                }
            }
        }
        return ordered;
    }

    private static List<StepView> named(List<StepView> steps, String type, String name) {
        return steps.stream().filter(s -> s.type().equals(type) && s.spec().name().equals(name)
                && (s.spec().phase() != Phase.DESTROY || name.equals("suspend") || name.equals("delete"))).toList();
    }
}
