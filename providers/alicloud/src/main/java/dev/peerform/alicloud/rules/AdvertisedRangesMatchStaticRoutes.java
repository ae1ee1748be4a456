package dev.peerform.alicloud.rules;

import dev.peerform.alicloud.resources.BgpNetworkResource;
import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import dev.peerform.net.Cidr;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.ChangeView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The guide's advice for BGP on a VBR (domain.md, "Leased lines and BGP"): a range the VBR advertises over BGP and
 * a static route on the same VBR are the same block. An advertised range that overlaps a static route's
 * destination in the VBR's table without being that very block (one is a part of the other, or they straddle)
 * makes the data centre and the cloud disagree on where the range goes: a warning on the network, naming the
 * route.
 */
final class AdvertisedRangesMatchStaticRoutes implements PlanRule {

    @Override
    public void check(PlannedSet plan, Diagnostics diags) {
        Map<Token, Node> vbrByTable = new HashMap<>();
        for (Node vbr : plan.vbrs) {
            vbrByTable.put(Token.ref(vbr.address()), vbr);
            String table = PlanValues.str(vbr.view().current(), "route_table_id");
            if (table != null) {
                vbrByTable.put(Token.id(table), vbr);
            }
        }
        Index vbrs = new Index(plan.vbrs);
        List<ChangeView> networks = plan.all.stream().filter(c -> c.action() != ChangeAction.DELETE
                && c.type().equals(BgpNetworkResource.TYPE)).toList();
        for (ChangeView n : networks) {
            Node vbr = vbrs.find(Identity.of(n, "router_id"));
            Cidr advertised = cidr(PlanValues.str(n.current(), "dst_cidr_block"));
            if (vbr == null || advertised == null) {
                continue;
            }
            for (ChangeView r : plan.routes) {
                if (find(vbrByTable, Identity.of(r, "route_table_id")) != vbr) {
                    continue;
                }
                Cidr routed = cidr(PlanValues.str(r.current(), "destination_cidrblock"));
                if (routed != null && routed.overlaps(advertised) && !routed.network().equals(advertised.network())) {
                    diags.add(Diagnostic.warningAt(n.address().toString(), "Advertised range differs from the static route",
                            n.address() + " advertises " + advertised.network() + " on " + vbr.address()
                            + ", and " + r.address() + " routes " + routed.network() + " in the same VBR's table. "
                            + "A range both advertised over BGP and routed statically should be the same block: "
                            + "advertise " + routed.network() + ", or route " + advertised.network() + "."));
                }
            }
        }
    }

    private static Node find(Map<Token, Node> index, Set<Token> identity) {
        for (Token t : identity) {
            Node n = index.get(t);
            if (n != null) {
                return n;
            }
        }
        return null;
    }

    private static Cidr cidr(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Cidr.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
