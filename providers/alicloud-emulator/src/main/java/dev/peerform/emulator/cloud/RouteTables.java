package dev.peerform.emulator.cloud;

import dev.peerform.emulator.cloud.Model.PhysicalConnection;
import dev.peerform.emulator.cloud.Model.RouteEntry;
import dev.peerform.emulator.cloud.Model.RouterInterface;
import dev.peerform.emulator.cloud.Model.Vbr;
import dev.peerform.net.Cidr;
import dev.peerform.vpcapi.domain.ReservedRange;
import dev.peerform.vpcapi.domain.Status;
import dev.peerform.vpcapi.errors.ErrorCodes;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Route entries in VPC and VBR route tables: one route per destination, the reserved range refused, next hops on
 * the table's own router, the table's quota, and one change at a time per table (TaskConflict).
 */
public final class RouteTables {

    private final World world;
    private final Clock clock;
    private final Durations durations;
    private final Quotas quotas;

    RouteTables(World world, Clock clock, Durations durations, Quotas quotas) {
        this.world = world;
        this.clock = clock;
        this.durations = durations;
        this.quotas = quotas;
    }

    /**
     * The API's other documented next-hop types: the emulator models none of their targets, so a route to one is
     * stored and described back as given, without routing checks.
     */
    private static final Set<String> UNROUTED_NEXT_HOP_TYPES = Set.of("Instance", "HaVip",
            "NetworkInterface", "VpnGateway", "IPv6Gateway", "NatGateway", "Attachment", "VpcPeer", "Ipv4Gateway",
            "GatewayEndpoint", "Ecr");

    private long now() {
        return clock.millis();
    }

    public RouteEntry createRoute(String account, String tableId, String destination, String nextHopType,
            String nextHopId, String name) {
        World.Table table = ownTable(account, tableId);
        Cidr dest = Validation.parseCidr(destination, "DestinationCidrBlock");
        if (ReservedRange.coveredBy(dest)) {
            throw new CloudException("InvalidDestinationCidrBlock.Reserved", ReservedRange.CLOUD_SERVICES
                    + " is reserved; route the cloud services' range as " + ReservedRange.HALVES.get(0) + " and "
                    + ReservedRange.HALVES.get(1) + " instead.");
        }
        checkNoChangeInProgress(tableId);
        if (world.routeTo(tableId, dest.network().toString()) != null) {
            throw new CloudException(ErrorCodes.ROUTE_DESTINATION_TAKEN, "The route table " + tableId + " already has "
                    + "a route to " + destination + ".");
        }
        if (world.routesOfTable(tableId).size() >= quotas.routeEntriesPerTable()) {
            throw new CloudException("QuotaExceeded.RouteEntryNum", "The route table " + tableId + " already "
                    + "holds " + quotas.routeEntriesPerTable() + " custom entries.");
        }
        if ("RouterInterface".equals(nextHopType)) {
            RouterInterface ri = world.interfaces.get(nextHopId);
            if (ri == null || !ri.owner.equals(account)) {
                throw new CloudException("InvalidNextHopId.NotFound", "The next hop " + nextHopId + " does not "
                        + "exist.");
            }
            if (!ri.routerId.equals(table.routerId())) {
                throw new CloudException("InvalidNextHop.NotOnRouter", "The next hop " + nextHopId + " is an "
                        + "interface of " + ri.routerId + ", not of " + table.routerId() + " whose table this is.");
            }
            if (ri.status != Status.Active) {
                throw new CloudException(ErrorCodes.INCORRECT_INTERFACE_STATUS, "The next hop " + nextHopId
                        + " is " + ri.status + "; routes can use an interface only once it is Active.");
            }
            if (table.onVbr() && !"active".equals(world.vbrs.get(table.routerId()).status)) {
                throw new CloudException("IncorrectVbrStatus", "The VBR " + table.routerId() + " is not "
                        + "active.");
            }
        } else if ("PhysicalConnection".equals(nextHopType)) {
            if (!table.onVbr()) {
                throw new CloudException("InvalidNextHopType.NotSupported", "A physical connection is a next "
                        + "hop only in a VBR's route table.");
            }
            Vbr b = world.vbrs.get(table.routerId());
            if (!b.physicalConnectionId.equals(nextHopId)) {
                throw new CloudException("InvalidNextHop.NotOnRouter", "The VBR " + b.id + " is on "
                        + b.physicalConnectionId + ", not on " + nextHopId + ".");
            }
        } else if (!UNROUTED_NEXT_HOP_TYPES.contains(nextHopType)) {
            throw new CloudException("InvalidNextHopType.NotSupported", "NextHopType must be RouterInterface "
                    + "(or PhysicalConnection on a VBR), not " + nextHopType + ".");
        }
        Validation.checkName(name, "RouteEntryName");
        RouteEntry r = new RouteEntry();
        r.id = world.newId("rte");
        r.routeTableId = tableId;
        r.destination = dest.network().toString();
        r.nextHopType = nextHopType;
        r.nextHopId = nextHopId;
        r.name = name;
        r.status = "Pending";
        r.transitionEndsAt = now() + durations.routeChange().toMillis();
        world.addRoute(r);
        world.settle(now());
        return r;
    }

    public void deleteRoute(String account, String tableId, String destination, String routeEntryId) {
        RouteEntry r;
        if (routeEntryId != null) {
            r = world.routes.get(routeEntryId);
            if (r != null) {
                ownTable(account, r.routeTableId);
            }
        } else {
            ownTable(account, tableId);
            r = destination == null ? null : world.routeTo(tableId, Validation.parseCidr(destination,
                    "DestinationCidrBlock")
                    .network().toString());
        }
        if (r == null) {
            throw new CloudException(ErrorCodes.ROUTE_NOT_FOUND, "The route entry does not exist.");
        }
        if ("Deleting".equals(r.status)) {
            throw new CloudException(ErrorCodes.INCORRECT_ROUTE_ENTRY_STATUS, "The route entry is already being deleted.");
        }
        checkNoChangeInProgress(r.routeTableId);
        world.routeTransition(r, "Deleting", now() + durations.routeChange().toMillis());
        world.settle(now());
    }

    public List<RouteEntry> describeRoutes(String account, String tableId) {
        ownTable(account, tableId);
        return world.routesOfTable(tableId);
    }

    /** DescribeRouteTables for one table: the router whose table it is and its kind. */
    public World.Table describeTable(String account, String tableId) {
        return ownTable(account, tableId);
    }

    private World.Table ownTable(String account, String tableId) {
        World.Table t = tableId == null ? null : world.table(tableId);
        if (t == null || !t.owner().equals(account)) {
            throw new CloudException("InvalidRouteTableId.NotFound", "The route table " + tableId + " does not "
                    + "exist.");
        }
        return t;
    }

    /** Changes to one route table run one at a time: another is refused while one is still in progress. */
    private void checkNoChangeInProgress(String tableId) {
        for (RouteEntry r : world.routesOfTable(tableId)) {
            if (!"Available".equals(r.status)) {
                throw new CloudException(ErrorCodes.TASK_CONFLICT, "Another change to route table " + tableId + " is in "
                        + "progress; retry when it is done.");
            }
        }
    }
}
