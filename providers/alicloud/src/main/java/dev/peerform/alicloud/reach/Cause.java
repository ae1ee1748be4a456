package dev.peerform.alicloud.reach;

import dev.peerform.net.Cidr;
import java.util.List;

/** Why a leg stops. */
public sealed interface Cause {

    /** No route of the table matches (part of) the destination. */
    record NoRoute(String routerId, String routeTableId, Cidr destination) implements Cause {
    }

    /** The longest match is a route that discards. */
    record Blackhole(String routerId, RouteEntry route, Cidr destination) implements Cause {
    }

    /**
     * A more specific route wins over the one that leads to the destination ({@code intended}) and sends the
     * packet elsewhere, where {@code downstream} stops it.
     */
    record MoreSpecificRoute(String routerId, RouteEntry taken, RouteEntry intended, Cidr destination,
            Cause downstream) implements Cause {
    }

    /** The route's next hop leaves what is modelled (an instance, a VPN gateway...), so nothing can be proved. */
    record Unfollowed(String routerId, RouteEntry route, Cidr destination) implements Cause {
    }

    /** The route names a router interface that is not on this router, or that does not exist. */
    record DeadNextHop(String routerId, RouteEntry route, Cidr destination) implements Cause {
    }

    /** The longest match keeps the packet here (a local vswitch, the cloud services, the data centre). */
    record DeliveredElsewhere(String routerId, Cidr destination, String where) implements Cause {
    }

    /** Arrived in the destination's VPC, but no vswitch holds the address. */
    record NotDelivered(String routerId, Cidr destination) implements Cause {
    }

    /** The route came back to a router it had passed. */
    record Loop(List<String> routerIds, Cidr destination) implements Cause {
    }

    /** An end of the pair is not Active, or its opposite is unset or gone. */
    record InterfaceNotActive(String interfaceId, Role role, InterfaceStatus status, String oppositeId)
            implements Cause {
    }

    /** The initiator does not forward: overdue and locked, or released. */
    record InterfaceNotForwarding(String initiatorId, BusinessStatus business) implements Cause {
    }

    /** The VBR on the path is not active. */
    record VbrNotActive(String vbrId, VbrStatus status) implements Cause {
    }

    /**
     * The instance's groups deny: {@code rule} is the drop rule that decided, null when no rule matched and the
     * default denies. {@code ignored} are rules that look as if they allowed it but cannot.
     */
    record GroupDenied(String instanceId, Direction direction, String groupId, SecurityGroupRule rule,
            List<Ignored> ignored) implements Cause {
    }

    /** A rule that does not apply, and why. */
    record Ignored(String groupId, SecurityGroupRule rule, Why why) {
    }

    enum Why {
        /** Group authorization works only within a region (peering guide, "Configure security groups"). */
        GROUP_IN_OTHER_REGION,
        /** The peer group is another account's and the rule does not name that account. */
        OWNER_ACCOUNT_MISSING,
        /** The rule names an owner account that is not the peer group's. */
        OWNER_ACCOUNT_WRONG,
        /** Enterprise groups cannot reference groups (ECS, AuthorizeSecurityGroup). */
        ENTERPRISE_GROUP_REFERENCE
    }
}
