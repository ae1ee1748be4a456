package dev.peerform.alicloud.reachability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerform.alicloud.reach.Endpoint;
import dev.peerform.alicloud.reach.JsonRenderer;
import dev.peerform.alicloud.reach.Probe;
import dev.peerform.alicloud.reach.Protocol;
import dev.peerform.alicloud.reach.Reach;
import dev.peerform.alicloud.reach.ReachInputException;
import dev.peerform.alicloud.reach.TextRenderer;
import dev.peerform.alicloud.reach.Verdict;
import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.ChangeView;
import dev.peerform.spi.ReachAnswer;
import dev.peerform.spi.ReachQuery;
import dev.peerform.spi.Reachability;
import java.util.List;
import java.util.function.Function;

/** {@code peerform reach} over the alicloud resources: the world made into the model, walked both ways. */
public final class AlicloudReachability implements Reachability {

    private final Function<String, Site> sites;

    /** {@code sites}: each provider configuration key's region and account (for the objects it manages). */
    public AlicloudReachability(Function<String, Site> sites) {
        this.sites = sites;
    }

    @Override
    public ReachAnswer reach(ReachQuery query, List<ChangeView> world, Diagnostics diags) {
        Probe probe = probe(query, diags);
        if (probe == null) {
            return null;
        }
        World w = new World(world, sites);
        String where = query.predicted() ? "plan" : "state";
        try {
            Endpoint from = Places.parse(query.from(), w, where);
            Endpoint to = Places.parse(query.to(), w, where);
            Reach reach = new Reach(w.model());
            Verdict v = reach.analyse(from, to, probe);
            if (query.json()) {
                ObjectNode tree = new JsonRenderer(reach).tree(v);
                tree.put("predicted", query.predicted());
                return new ReachAnswer(v.reachable(), tree.toPrettyString() + "\n");
            }
            String prefix = query.predicted() ? "predicted from the plan, once applied:\n" : "";
            return new ReachAnswer(v.reachable(), prefix + new TextRenderer(reach).render(v));
        } catch (ReachInputException e) {
            diags.error("Cannot place FROM or TO", e.getMessage(), null);
            return null;
        }
    }

    /** The guide's ping unless asked otherwise; a port alone means tcp. */
    private static Probe probe(ReachQuery q, Diagnostics diags) {
        Protocol protocol;
        if (q.protocol() == null) {
            protocol = q.port() != null ? Protocol.TCP : Protocol.ICMP;
        } else {
            try {
                protocol = Protocol.parse(q.protocol());
            } catch (IllegalArgumentException e) {
                diags.error("Invalid -protocol", "-protocol is tcp, udp, icmp or all, not \"" + q.protocol()
                        + "\".", null);
                return null;
            }
        }
        try {
            return new Probe(protocol, q.port());
        } catch (IllegalArgumentException e) {
            diags.error("Invalid probe", e.getMessage() + ".", null);
            return null;
        }
    }
}
