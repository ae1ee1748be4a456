package dev.peerform.alicloud.rules;

import dev.peerform.alicloud.resources.BgpGroupResource;
import dev.peerform.alicloud.resources.BgpNetworkResource;
import dev.peerform.alicloud.resources.BgpPeerResource;
import dev.peerform.alicloud.resources.BgpStep;
import dev.peerform.alicloud.resources.ObjectStep;
import dev.peerform.alicloud.resources.VbrResource;
import dev.peerform.spi.Phase;
import dev.peerform.spi.StepEdge;
import dev.peerform.spi.StepKind;
import dev.peerform.spi.StepView;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The cloud's order for BGP on a VBR (the VPC API refuses it otherwise): a group or an advertised network only on
 * a VBR that is there and active, so after the VBR is created or changed; a peer only in its group, so after the
 * group is created or changed; and in reverse on the way out: peers are deleted before their group
 * (DependencyViolation.BgpPeer), groups and networks before their VBR (DependencyViolation.BgpGroup). Matched by
 * id when known and by reference otherwise, so the order holds without depends_on, also when an id is written
 * literally.
 */
final class BgpOrdering {

    private BgpOrdering() {
    }

    static List<StepEdge> edges(List<StepView> steps) {
        List<StepEdge> out = new ArrayList<>();
        List<StepView> vbrReady = of(steps, VbrResource.TYPE, Set.of(ObjectStep.CREATE, ObjectStep.RENAME));
        List<StepView> vbrDelete = of(steps, VbrResource.TYPE, Set.of(ObjectStep.DELETE));
        List<StepView> groupReady = of(steps, BgpGroupResource.TYPE, Set.of(BgpStep.CREATE, BgpStep.MODIFY));
        List<StepView> groupDelete = of(steps, BgpGroupResource.TYPE, Set.of(BgpStep.DELETE));
        for (String type : List.of(BgpGroupResource.TYPE, BgpNetworkResource.TYPE)) {
            for (StepView s : of(steps, type, Set.of(BgpStep.CREATE))) {
                after(out, vbrReady, s, "router_id", "the VBR is active");
            }
            for (StepView d : of(steps, type, Set.of(BgpStep.DELETE))) {
                before(out, d, vbrDelete, "router_id", "no BGP is left on the VBR");
            }
        }
        for (StepView p : of(steps, BgpPeerResource.TYPE, Set.of(BgpStep.CREATE))) {
            after(out, groupReady, p, "bgp_group_id", "the BGP group is Available");
        }
        for (StepView p : of(steps, BgpPeerResource.TYPE, Set.of(BgpStep.DELETE))) {
            before(out, p, groupDelete, "bgp_group_id", "the group has no peer left");
        }
        return out;
    }

    /** {@code step} runs after each of {@code targets} its {@code attribute} points at. */
    private static void after(List<StepEdge> out, List<StepView> targets, StepView step, String attribute,
            String reason) {
        for (StepView t : targets) {
            if (t != step && Identity.meet(Identity.of(step, attribute), self(t))) {
                out.add(new StepEdge(t, step, reason));
            }
        }
    }

    /** {@code step} runs before each of {@code targets} its {@code attribute} points at. */
    private static void before(List<StepEdge> out, StepView step, List<StepView> targets, String attribute,
            String reason) {
        for (StepView t : targets) {
            if (t != step && Identity.meet(Identity.of(step, attribute), self(t))) {
                out.add(new StepEdge(step, t, reason));
            }
        }
    }

    private static Set<Token> self(StepView s) {
        Set<Token> out = Identity.self(s.address().toString(), s.after());
        out.addAll(Identity.self(s.address().toString(), s.before()));
        return out;
    }

    private static List<StepView> of(List<StepView> steps, String type, Set<? extends StepKind> kinds) {
        return steps.stream().filter(s -> s.type().equals(type) && kinds.stream().anyMatch(k -> s.spec().is(k))
                && (s.spec().phase() == Phase.DESTROY) == kinds.stream().allMatch(BgpOrdering::destroys)).toList();
    }

    private static boolean destroys(StepKind k) {
        return k == ObjectStep.DELETE || k == BgpStep.DELETE;
    }
}
