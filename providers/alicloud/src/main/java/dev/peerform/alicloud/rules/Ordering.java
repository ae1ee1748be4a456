package dev.peerform.alicloud.rules;

import dev.peerform.alicloud.resources.ConnectionResource;
import dev.peerform.alicloud.resources.RouteEntryResource;
import dev.peerform.spi.Phase;
import dev.peerform.spi.StepEdge;
import dev.peerform.spi.StepView;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The cloud's order of work that references alone do not give (domain.md, "Order of work"):
 * <ul>
 * <li>an end connects only after both ends' opposite information is set;</li>
 * <li>routes over an interface are added after its connection is Active;</li>
 * <li>routes over an interface are deleted before its connection is suspended.</li>
 * </ul>
 * Resources are matched by id when known and by reference otherwise, so the order holds on the first apply.
 */
public final class Ordering {

    private Ordering() {
    }

    public static List<StepEdge> edges(List<StepView> steps) {
        List<StepEdge> out = new ArrayList<>();
        List<StepView> setOpposite = named(steps, ConnectionResource.TYPE, "set-opposite");
        List<StepView> connect = named(steps, ConnectionResource.TYPE, "connect");
        for (StepView c : connect) {
            Set<String> mine = Identity.of(c, "interface_id");
            Set<String> peer = Identity.of(c, "opposite_interface_id");
            for (StepView s : setOpposite) {
                if (Identity.meet(Identity.of(s, "interface_id"), peer)
                        && Identity.meet(Identity.of(s, "opposite_interface_id"), mine)) {
                    out.add(new StepEdge(s, c, "the peer's opposite information is set"));
                }
            }
        }
        List<StepView> routeCreates = named(steps, RouteEntryResource.TYPE, "create");
        List<StepView> routeDeletes = named(steps, RouteEntryResource.TYPE, "delete");
        List<StepView> suspends = named(steps, ConnectionResource.TYPE, "suspend");
        for (StepView r : routeCreates) {
            Set<String> hop = Identity.of(r, "nexthop_id");
            for (StepView c : connect) {
                if (Identity.meet(hop, Identity.of(c, "interface_id"))
                        || Identity.meet(hop, Identity.of(c, "opposite_interface_id"))) {
                    out.add(new StepEdge(c, r, "the connection is Active"));
                }
            }
        }
        for (StepView r : routeDeletes) {
            Set<String> hop = Identity.of(r, "nexthop_id");
            for (StepView c : suspends) {
                if (Identity.meet(hop, Identity.of(c, "interface_id"))
                        || Identity.meet(hop, Identity.of(c, "opposite_interface_id"))) {
                    out.add(new StepEdge(r, c, "no route uses the interface any more"));
                }
            }
        }
        return out;
    }

    private static List<StepView> named(List<StepView> steps, String type, String name) {
        return steps.stream().filter(s -> s.type().equals(type) && s.spec().name().equals(name)
                && (s.spec().phase() != Phase.DESTROY || name.equals("suspend") || name.equals("delete"))).toList();
    }
}
