package dev.peerform.alicloud.reach;

import dev.peerform.net.Cidr;

/** A change that removes a block. */
public sealed interface Change {

    record AddRoute(String routeTableId, Cidr destination, String nextHopType, String nextHopId) implements Change {
    }

    record DeleteRoute(RouteEntry route) implements Change {
    }

    /** No interface joins the two routers: a peering connection is needed first. */
    record CreatePeering(String routerId, String towardRouterId) implements Change {
    }

    /** ActivateRouterInterface. */
    record ResumeInterface(String interfaceId) implements Change {
    }

    /** ConnectRouterInterface from the initiator (after both ends know their opposite). */
    record ConnectInterface(String initiatorId) implements Change {
    }

    /** Wait until a transition ends. */
    record WaitForInterface(String interfaceId, InterfaceStatus status) implements Change {
    }

    /** Renew the overdue subscription: forwarding comes back at once. */
    record RenewInterface(String interfaceId) implements Change {
    }

    /** A released interface cannot be restored: the connection has to be created again. */
    record RecreateConnection(String interfaceId) implements Change {
    }

    /** RecoverVirtualBorderRouter (a terminated VBR), or wait for its status to settle. */
    record RecoverVbr(String vbrId) implements Change {
    }

    /** Write an alicloud_security_group_rule with these fields. */
    record AddRule(String groupId, SecurityGroupRule rule) implements Change {
    }

    /** Revoke a rule. */
    record RevokeRule(String groupId, SecurityGroupRule rule) implements Change {
    }
}
