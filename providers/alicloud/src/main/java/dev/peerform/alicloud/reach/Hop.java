package dev.peerform.alicloud.reach;

import dev.peerform.net.Cidr;

/** One step that passed. */
public sealed interface Hop {

    /** A route table chose a route for (part of) the destination; {@code routeDestination} is the entry's. */
    record Routed(String routerId, String routeTableId, Cidr destination, Cidr routeDestination,
            String nextHopType, String nextHopId, boolean system) implements Hop {
    }

    /** The packet crossed a connected pair of router interfaces. */
    record Crossed(String interfaceId, String oppositeInterfaceId, String fromRouterId, String toRouterId,
            String initiatorId, String spec) implements Hop {
    }

    /** Arrived: {@code where} is the vswitch, VPC, physical connection or cloud-services range that holds it. */
    record Delivered(String routerId, Cidr destination, String where) implements Hop {
    }

    /**
     * A security group decision that let the packet pass: the rule that decided (null when a default decided, then
     * {@code reason} says which).
     */
    record GroupPassed(String instanceId, Direction direction, String groupId, SecurityGroupRule rule,
            String reason) implements Hop {
    }

    /**
     * Traffic from the data centre enters the VBR over its physical connection; the data centre's own routing is
     * not visible to the cloud, so it is assumed to send the range there.
     */
    record Entered(String routerId, String via) implements Hop {
    }

    /** A side without an instance has no security group to pass. */
    record NoGroups(Direction direction, String endpoint) implements Hop {
    }
}
