package dev.peerform.alicloud.reach;

import dev.peerform.net.Cidr;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * One leg's route walk: from a router toward a destination, longest prefix match in each table, across each pair
 * of router interfaces, until the destination's vswitch, VPC, data centre or the cloud services take it. Stops at
 * the first block.
 */
final class Walk {

    private final Index index;
    private final Leg leg;
    private final Resolved target;
    private final List<Hop> hops = new ArrayList<>();
    /** The routers of the current branch, to see a loop. */
    private final LinkedHashSet<String> path = new LinkedHashSet<>();
    private Block block;

    /** A more specific route taken where a less specific one led straight to the destination. */
    private record Turn(String routerId, Route taken, Route intended) {
    }

    private Walk(Index index, Leg leg, Resolved target) {
        this.index = index;
        this.leg = leg;
        this.target = target;
    }

    static LegResult run(Index index, Leg leg, Resolved from, Resolved to) {
        Walk w = new Walk(index, leg, to);
        if (from.side() == Resolved.Side.DATA_CENTRE) {
            w.hops.add(new Hop.Entered(from.homeRouterId(), index.vbrs.get(from.homeRouterId())
                    .physicalConnectionId()));
        }
        w.step(from.homeRouterId(), to.range(), null);
        return new LegResult(leg, w.hops, Optional.ofNullable(w.block));
    }

    private void step(String router, Cidr piece, Turn turn) {
        if (block != null) {
            return;
        }
        if (path.contains(router)) {
            List<String> loop = new ArrayList<>(path);
            loop.add(router);
            stop(turn, new Cause.Loop(loop, piece), List.of());
            return;
        }
        Vbr vbr = index.vbrs.get(router);
        if (vbr != null && vbr.status() != VbrStatus.ACTIVE) {
            stop(turn, new Cause.VbrNotActive(vbr.id(), vbr.status()), List.of(new Change.RecoverVbr(vbr.id())));
            return;
        }
        if (router.equals(target.homeRouterId()) && target.side() != Resolved.Side.DATA_CENTRE) {
            deliverInVpc(router, piece, turn);
            return;
        }
        RouteTable table = index.tables.get(router);
        path.add(router);
        for (RouteTable.Piece p : table.lookup(piece)) {
            if (block != null) {
                break;
            }
            follow(table, p.range(), p.route(), turn);
        }
        path.remove(router);
    }

    private void deliverInVpc(String router, Cidr piece, Turn turn) {
        if (target.side() == Resolved.Side.CLOUD_SERVICES) {
            hops.add(new Hop.Delivered(router, piece, "cloud services " + Index.CLOUD_SERVICES));
            return;
        }
        if (target.wholeVpc()) {
            hops.add(new Hop.Delivered(router, piece, index.vpcByRouter.get(router).id()));
            return;
        }
        Vpc vpc = index.vpcByRouter.get(router);
        for (VSwitch s : index.vswitchesByVpc.getOrDefault(vpc.id(), List.of())) {
            if (s.cidr().contains(piece)) {
                hops.add(new Hop.Delivered(router, piece, s.id()));
                return;
            }
        }
        stop(turn, new Cause.NotDelivered(router, piece), List.of());
    }

    private void follow(RouteTable table, Cidr piece, Route route, Turn turn) {
        String router = table.routerId();
        if (route == null) {
            stop(turn, new Cause.NoRoute(router, table.tableId(), piece), addRoute(table, piece));
            return;
        }
        switch (route.kind()) {
            case VSWITCH -> stop(turn, new Cause.DeliveredElsewhere(router, piece, route.nextHopId()), List.of());
            case CLOUD_SERVICES -> stop(turn, new Cause.DeliveredElsewhere(router, piece,
                    "cloud services " + Index.CLOUD_SERVICES), List.of());
            case PHYSICAL_CONNECTION -> {
                if (router.equals(target.homeRouterId())) {
                    routed(table, piece, route);
                    hops.add(new Hop.Delivered(router, piece, route.nextHopId()));
                } else {
                    stop(turn, new Cause.DeliveredElsewhere(router, piece,
                            "the data centre behind " + route.nextHopId()), List.of());
                }
            }
            case BLACKHOLE -> stop(turn, new Cause.Blackhole(router, route.entry(), piece),
                    List.of(new Change.DeleteRoute(route.entry())));
            case OTHER -> stop(turn, new Cause.Unfollowed(router, route.entry(), piece), List.of());
            case ROUTER_INTERFACE -> cross(table, piece, route, turn);
        }
    }

    private void cross(RouteTable table, Cidr piece, Route route, Turn turn) {
        String router = table.routerId();
        RouterInterface ri = index.interfaces.get(route.nextHopId());
        if (ri == null || !ri.routerId().equals(router)) {
            List<Change> fix = new ArrayList<>();
            fix.add(new Change.DeleteRoute(route.entry()));
            fix.addAll(addRoute(table, route.destination()));
            stop(turn, new Cause.DeadNextHop(router, route.entry(), piece), fix);
            return;
        }
        Optional<RouterInterface> opposite = index.opposite(ri);
        if (opposite.isEmpty()) {
            RouterInterface initiator = ri.role() == Role.INITIATOR ? ri
                    : Optional.ofNullable(ri.oppositeInterfaceId()).map(index.interfaces::get).orElse(ri);
            stop(turn, new Cause.InterfaceNotActive(ri.id(), ri.role(), ri.status(), ri.oppositeInterfaceId()),
                    List.of(new Change.ConnectInterface(initiator.id())));
            return;
        }
        RouterInterface other = opposite.get();
        RouterInterface initiator = ri.role() == Role.INITIATOR ? ri : other;
        RouterInterface acceptor = initiator == ri ? other : ri;
        for (RouterInterface end : List.of(initiator, acceptor)) {
            if (end.status() != InterfaceStatus.Active) {
                stop(turn, new Cause.InterfaceNotActive(end.id(), end.role(), end.status(),
                        end.oppositeInterfaceId()), List.of(activate(end, initiator)));
                return;
            }
        }
        if (initiator.business() != BusinessStatus.FORWARDING) {
            Change fix = initiator.business() == BusinessStatus.RELEASED
                    ? new Change.RecreateConnection(initiator.id()) : new Change.RenewInterface(initiator.id());
            stop(turn, new Cause.InterfaceNotForwarding(initiator.id(), initiator.business()), List.of(fix));
            return;
        }
        routed(table, piece, route);
        hops.add(new Hop.Crossed(ri.id(), other.id(), router, other.routerId(), initiator.id(), initiator.spec()));
        step(other.routerId(), piece, turn != null ? turn : turnAt(table, piece, route, other.routerId()));
    }

    private static Change activate(RouterInterface end, RouterInterface initiator) {
        return switch (end.status()) {
            case Inactive -> new Change.ResumeInterface(end.id());
            case Idle -> new Change.ConnectInterface(initiator.id());
            case Deleting -> new Change.RecreateConnection(end.id());
            default -> new Change.WaitForInterface(end.id(), end.status());
        };
    }

    /**
     * Whether the route taken is more specific than one that leads straight to the destination's router, so that a
     * block downstream is the more specific route's doing.
     */
    private Turn turnAt(RouteTable table, Cidr piece, Route taken, String nextRouter) {
        if (taken.system() || nextRouter.equals(target.homeRouterId())) {
            return null;
        }
        Route wider = table.containing(piece, taken);
        if (wider == null || wider.kind() != Route.Kind.ROUTER_INTERFACE
                || wider.destination().prefix() >= taken.destination().prefix()) {
            return null;
        }
        RouterInterface ri = index.interfaces.get(wider.nextHopId());
        Optional<RouterInterface> o = ri == null ? Optional.empty() : index.opposite(ri);
        return o.isPresent() && o.get().routerId().equals(target.homeRouterId())
                ? new Turn(table.routerId(), taken, wider) : null;
    }

    private void routed(RouteTable table, Cidr piece, Route route) {
        hops.add(new Hop.Routed(table.routerId(), table.tableId(), piece, route.destination(), route.nextHopType(),
                route.nextHopId(), route.system()));
    }

    private void stop(Turn turn, Cause cause, List<Change> fix) {
        if (turn != null) {
            block = new Block(leg, new Cause.MoreSpecificRoute(turn.routerId(), turn.taken().entry(),
                    turn.intended().entry(), target.range(), cause),
                    List.of(new Change.DeleteRoute(turn.taken().entry())));
        } else {
            block = new Block(leg, cause, fix);
        }
    }

    /**
     * The route that would carry the piece: toward the destination's network (the peer's whole range, as the
     * guide writes routes), next hop the interface that leads there, or the physical connection on the
     * destination's VBR. 100.64.0.0/10 cannot be a destination: its two halves are.
     */
    private List<Change> addRoute(RouteTable table, Cidr piece) {
        Cidr dest = target.network().contains(piece) && !table.hasDestination(target.network())
                ? target.network() : piece;
        String type;
        String hop;
        if (table.routerId().equals(target.homeRouterId())) {
            type = "PhysicalConnection";
            hop = index.vbrs.get(table.routerId()).physicalConnectionId();
        } else {
            Optional<RouterInterface> first = index.firstHop(table.routerId(), target.homeRouterId());
            if (first.isEmpty()) {
                return List.of(new Change.CreatePeering(table.routerId(), target.homeRouterId()));
            }
            type = "RouterInterface";
            hop = first.get().id();
        }
        if (dest.equals(Index.CLOUD_SERVICES)) {
            List<Change> out = new ArrayList<>();
            for (String half : List.of("100.64.0.0/11", "100.96.0.0/11")) {
                Cidr h = Cidr.parse(half);
                if (!table.hasDestination(h)) {
                    out.add(new Change.AddRoute(table.tableId(), h, type, hop));
                }
            }
            return out;
        }
        return List.of(new Change.AddRoute(table.tableId(), dest, type, hop));
    }
}
