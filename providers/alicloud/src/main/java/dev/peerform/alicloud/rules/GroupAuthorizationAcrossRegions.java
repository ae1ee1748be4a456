package dev.peerform.alicloud.rules;

import dev.peerform.alicloud.resources.SecurityGroupResource;
import dev.peerform.alicloud.resources.SecurityGroupRuleResource;
import dev.peerform.alicloud.resources.VpcResource;
import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.ChangeView;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * domain.md "Security groups": across regions a group authorization cannot admit the peer (the cloud looks the
 * group up in the rule's own region and does not find it); the peer VPC's CIDR block must be authorized instead.
 * Refused at plan time, naming the CIDR rule to write, when both groups are in the plan and their providers'
 * regions are known and differ.
 */
public final class GroupAuthorizationAcrossRegions {

    private GroupAuthorizationAcrossRegions() {
    }

    /**
     * The rules managed by provider configuration {@code providerKey} (each configuration checks its own, so that
     * a plan over several says each thing once); {@code regionOf} gives a key's region, or null when unknown.
     */
    public static void check(List<ChangeView> all, String providerKey, Function<String, String> regionOf,
            Diagnostics diags) {
        List<ChangeView> live = all.stream().filter(c -> c.action() != ChangeAction.DELETE).toList();
        List<Node> groups = nodes(live, SecurityGroupResource.TYPE);
        Index groupIndex = new Index(groups);
        Index vpcIndex = new Index(nodes(live, VpcResource.TYPE));
        for (ChangeView rule : live) {
            if (!rule.type().equals(SecurityGroupRuleResource.TYPE) || !providerKey.equals(rule.provider())) {
                continue;
            }
            Node mine = groupIndex.find(Identity.of(rule, "security_group_id"));
            Node peer = groupIndex.find(Identity.of(rule, "source_security_group_id"));
            if (mine == null || peer == null) {
                continue;
            }
            String here = regionOf.apply(mine.view().provider());
            String there = regionOf.apply(peer.view().provider());
            if (here == null || there == null || here.equals(there)) {
                continue;
            }
            Node vpc = vpcIndex.find(Identity.of(peer.view(), "vpc_id"));
            String cidr = vpc == null ? null : PlanValues.str(vpc.view().current(), "cidr_block");
            String instead = "cidr_ip = " + (cidr != null ? "\"" + cidr + "\"" : vpc != null
                    ? vpc.address() + ".cidr_block" : "<the peer VPC's CIDR block>");
            diags.add(Diagnostic.errorAt(rule.address().toString(), "Security group authorized across regions",
                    rule.address() + " authorizes " + peer.address() + " (" + there + ") in " + mine.address()
                            + " (" + here + "): across regions a security group authorization admits nothing (the "
                            + "cloud looks the group up in " + here + " only). Authorize the peer VPC's range "
                            + "instead: replace source_security_group_id with " + instead + ".")
                    .withAttribute("source_security_group_id"));
        }
    }

    private static List<Node> nodes(List<ChangeView> views, String type) {
        List<Node> out = new ArrayList<>();
        for (ChangeView v : views) {
            if (v.type().equals(type)) {
                out.add(new Node(v, Identity.self(v.address().toString(), v.current())));
            }
        }
        return out;
    }
}
