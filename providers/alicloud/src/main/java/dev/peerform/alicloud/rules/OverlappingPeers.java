package dev.peerform.alicloud.rules;

import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import dev.peerform.net.Cidr;
import dev.peerform.spi.ChangeView;

/** The CIDR blocks of two peered VPCs must not overlap (InvalidCidrBlock.Overlapped). */
final class OverlappingPeers implements PlanRule {

    @Override
    public void check(PlannedSet plan, Diagnostics diags) {
        for (ChangeView c : plan.connections) {
            Node[] ends = plan.ends(c);
            if (ends == null) {
                continue;
            }
            Node a = plan.vpcIndex.find(ends[0].router());
            Node b = plan.vpcIndex.find(ends[1].router());
            if (a == null || b == null) {
                continue;
            }
            String ca = PlanValues.str(a.view().current(), "cidr_block");
            String cb = PlanValues.str(b.view().current(), "cidr_block");
            try {
                if (ca != null && cb != null && Cidr.parse(ca).overlaps(Cidr.parse(cb))) {
                    diags.add(Diagnostic.errorAt(c.address().toString(), "Peered VPCs overlap", c.address() + " would connect "
                            + a.address() + " (" + ca + ") and " + b.address() + " (" + cb + "), whose CIDR "
                            + "blocks overlap; the cloud refuses to interconnect overlapping VPCs "
                            + "(InvalidCidrBlock.Overlapped). Give one of them a range that does not overlap.")
                            .withAttribute("opposite_interface_id"));
                }
            } catch (IllegalArgumentException ignored) {
                // an invalid block is reported by the VPC's own check
            }
        }
    }
}
