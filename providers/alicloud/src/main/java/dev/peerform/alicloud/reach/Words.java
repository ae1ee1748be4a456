package dev.peerform.alicloud.reach;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Hops, causes and changes in words, for the text renderer and the JSON's "text" fields. */
final class Words {

    private final UnaryOperator<String> name;

    Words(UnaryOperator<String> name) {
        this.name = name;
    }

    String hop(Hop h) {
        if (h instanceof Hop.Routed r) {
            return "in " + name.apply(r.routerId()) + " table " + r.routeTableId() + ": " + r.destination() + " matches "
                    + (r.system() ? "system route " : "route ") + r.routeDestination() + " -> " + r.nextHopType()
                    + (r.nextHopId() == null ? "" : " " + name.apply(r.nextHopId()));
        }
        if (h instanceof Hop.Crossed c) {
            return "crosses " + name.apply(c.interfaceId()) + " -> " + name.apply(c.oppositeInterfaceId())
                    + " into " + name.apply(c.toRouterId()) + " (both Active; initiator " + c.initiatorId() + ", "
                    + c.spec() + ")";
        }
        if (h instanceof Hop.Delivered d) {
            return "delivered: " + d.destination() + " is in " + name.apply(d.where());
        }
        if (h instanceof Hop.GroupPassed g) {
            String by = g.rule() != null ? " by rule " + rule(g.rule()) + " of " + name.apply(g.groupId())
                    : ": " + g.reason();
            return name.apply(g.instanceId()) + " " + g.direction().api() + " allowed" + by;
        }
        if (h instanceof Hop.Entered e) {
            return "enters " + name.apply(e.routerId()) + " from the data centre over " + e.via()
                    + " (the data centre's own routing is assumed to send it there)";
        }
        Hop.NoGroups n = (Hop.NoGroups) h;
        return n.endpoint() + ": no instance, no security group to pass";
    }

    String cause(Cause c) {
        if (c instanceof Cause.NoRoute n) {
            return "no route in " + name.apply(n.routerId()) + " table " + n.routeTableId() + " matches "
                    + n.destination();
        }
        if (c instanceof Cause.Blackhole b) {
            return "in " + name.apply(b.routerId()) + " the longest match for " + b.destination() + " is "
                    + route(b.route()) + ", which discards it";
        }
        if (c instanceof Cause.MoreSpecificRoute m) {
            return "in " + name.apply(m.routerId()) + " the more specific " + route(m.taken()) + " wins over "
                    + route(m.intended()) + " and sends " + m.destination() + " elsewhere, where "
                    + cause(m.downstream());
        }
        if (c instanceof Cause.Unfollowed u) {
            return "in " + name.apply(u.routerId()) + " " + u.destination() + " leaves by " + route(u.route())
                    + ", a next hop reach does not follow";
        }
        if (c instanceof Cause.DeadNextHop d) {
            return "in " + name.apply(d.routerId()) + " " + route(d.route())
                    + " names a router interface that is not on this router";
        }
        if (c instanceof Cause.DeliveredElsewhere e) {
            return "in " + name.apply(e.routerId()) + " " + e.destination() + " goes to " + name.apply(e.where())
                    + " instead (overlapping ranges)";
        }
        if (c instanceof Cause.NotDelivered n) {
            return n.destination() + " reaches " + name.apply(n.routerId()) + " but no vswitch there holds it";
        }
        if (c instanceof Cause.Loop l) {
            return l.destination() + " loops: " + l.routerIds().stream().map(name).collect(Collectors.joining(" -> "));
        }
        if (c instanceof Cause.InterfaceNotActive i) {
            String role = i.role() == Role.INITIATOR ? "initiator" : "acceptor";
            return "router interface " + name.apply(i.interfaceId()) + " (" + role + ") is " + i.status()
                    + (i.oppositeId() == null ? ", with no opposite interface set" : "") + ": only Active forwards";
        }
        if (c instanceof Cause.InterfaceNotForwarding f) {
            return "initiator " + name.apply(f.initiatorId()) + (f.business() == BusinessStatus.RELEASED
                    ? " was released after its overdue period; its configuration is gone"
                    : " is overdue and locked: it stopped forwarding");
        }
        if (c instanceof Cause.VbrNotActive v) {
            return name.apply(v.vbrId()) + " is " + v.status().api() + ": only an active VBR forwards";
        }
        Cause.GroupDenied g = (Cause.GroupDenied) c;
        StringBuilder b = new StringBuilder(name.apply(g.instanceId())).append(' ').append(g.direction().api());
        if (g.rule() != null) {
            b.append(" denied by ").append(rule(g.rule())).append(" of ").append(name.apply(g.groupId()));
        } else {
            b.append(" denied: no rule matches, and ").append(g.direction() == Direction.INGRESS
                    ? "ingress is denied by default" : "this enterprise group denies egress by default");
        }
        for (Cause.Ignored i : g.ignored()) {
            b.append("; ").append(rule(i.rule())).append(" of ").append(name.apply(i.groupId()))
                    .append(" does not apply: ").append(why(i.why()));
        }
        return b.toString();
    }

    private static String why(Cause.Why why) {
        return switch (why) {
            case GROUP_IN_OTHER_REGION -> "a security group can be authorized only within its region; across "
                    + "regions authorize the peer VPC's CIDR block";
            case OWNER_ACCOUNT_MISSING -> "the peer group is another account's, and the rule does not name that "
                    + "account (source_group_owner_account)";
            case OWNER_ACCOUNT_WRONG -> "source_group_owner_account is not the peer group's account";
            case ENTERPRISE_GROUP_REFERENCE -> "an enterprise group cannot reference security groups";
        };
    }

    /** One change per entry; a rule or route as the resource to write. */
    List<String> fix(List<Change> fix) {
        return fix.stream().map(this::change).toList();
    }

    String change(Change c) {
        if (c instanceof Change.AddRoute a) {
            return "add the route: resource \"alicloud_route_entry\" { route_table_id = \"" + a.routeTableId()
                    + "\", destination_cidrblock = \"" + a.destination() + "\", nexthop_type = \""
                    + a.nextHopType() + "\", nexthop_id = \"" + a.nextHopId() + "\" }";
        }
        if (c instanceof Change.DeleteRoute d) {
            return "delete " + route(d.route()) + " from " + d.route().routeTableId();
        }
        if (c instanceof Change.CreatePeering p) {
            return "create a peering connection between " + name.apply(p.routerId()) + " and "
                    + name.apply(p.towardRouterId()) + " (no router interface joins them), then route over it";
        }
        if (c instanceof Change.ResumeInterface r) {
            return "resume the interface " + name.apply(r.interfaceId()) + " (ActivateRouterInterface)";
        }
        if (c instanceof Change.ConnectInterface r) {
            return "set both ends' opposite information, then connect from the initiator "
                    + name.apply(r.initiatorId()) + " (ConnectRouterInterface)";
        }
        if (c instanceof Change.WaitForInterface w) {
            return "wait: " + name.apply(w.interfaceId()) + " is " + w.status() + ", a transition";
        }
        if (c instanceof Change.RenewInterface r) {
            return "renew the subscription of " + name.apply(r.interfaceId()) + " (forwarding resumes at once)";
        }
        if (c instanceof Change.RecreateConnection r) {
            return "create the connection again: " + name.apply(r.interfaceId()) + " cannot be restored";
        }
        if (c instanceof Change.RecoverVbr v) {
            return "recover " + name.apply(v.vbrId()) + " (RecoverVirtualBorderRouter) or wait until it is active";
        }
        if (c instanceof Change.AddRule a) {
            return "write the rule: " + ruleResource(a.groupId(), a.rule());
        }
        Change.RevokeRule r = (Change.RevokeRule) c;
        return "revoke " + rule(r.rule()) + " of " + name.apply(r.groupId())
                + " (nothing outranks a drop at priority 1)";
    }

    static String route(RouteEntry r) {
        return "route " + r.destination() + " -> " + r.nextHopType() + " " + r.nextHopId();
    }

    static String rule(SecurityGroupRule r) {
        String peer = r.cidr() != null ? r.cidr().toString()
                : "group " + r.peerGroupId() + (r.peerGroupOwnerAccount() == null ? ""
                        : " of account " + r.peerGroupOwnerAccount());
        return "[" + r.direction().api() + " " + r.protocol().api() + " " + r.ports() + " " + peer + " priority "
                + r.priority() + " " + r.policy().api() + "]";
    }

    static String ruleResource(String groupId, SecurityGroupRule r) {
        StringBuilder b = new StringBuilder("resource \"alicloud_security_group_rule\" { security_group_id = \"")
                .append(groupId).append("\", type = \"").append(r.direction().api())
                .append("\", ip_protocol = \"").append(r.protocol().api())
                .append("\", port_range = \"").append(r.ports()).append("\", nic_type = \"intranet\", ");
        if (r.cidr() != null) {
            b.append("cidr_ip = \"").append(r.cidr()).append("\", ");
        } else {
            b.append("source_security_group_id = \"").append(r.peerGroupId()).append("\", ");
            if (r.peerGroupOwnerAccount() != null) {
                b.append("source_group_owner_account = \"").append(r.peerGroupOwnerAccount()).append("\", ");
            }
        }
        return b.append("priority = ").append(r.priority()).append(", policy = \"").append(r.policy().api())
                .append("\" }").toString();
    }
}
