package dev.peerform.emulator.cloud;

import dev.peerform.emulator.cloud.Model.RouterInterface;
import dev.peerform.vpcapi.domain.Role;
import dev.peerform.vpcapi.domain.RouterType;
import dev.peerform.vpcapi.domain.Spec;
import dev.peerform.vpcapi.domain.Status;
import dev.peerform.vpcapi.errors.ErrorCodes;
import java.time.Clock;

/**
 * Express Connect's fast-link mode: a VBR's initiating interface created with {@code FastLinkMode = true} toward a
 * VPC's VRouter gets its accepting side made by the cloud on that router (in the router owner's account, pay as you
 * go, spec Negative), both ends know each other, and the pair connects at once. DeleteExpressConnect with
 * {@code Force} removes such an interface together with the accepting side the cloud made for it.
 */
public final class FastLink {

    private static final String ACCEPTOR = Role.ACCEPTOR.apiName();
    private static final String VROUTER = RouterType.VROUTER.apiName();
    private static final String VBR = RouterType.VBR.apiName();

    private final World world;
    private final Clock clock;
    private final Durations durations;
    private final Interfaces interfaces;

    public FastLink(World world, Clock clock, Durations durations, Interfaces interfaces) {
        this.world = world;
        this.clock = clock;
        this.durations = durations;
        this.interfaces = interfaces;
    }

    /** Refuses, before anything is made, an interface that fast-link mode cannot connect. */
    public static void check(String role, String routerType, String oppositeRouterType, String oppositeRouterId) {
        if (!Role.INITIATOR.is(role) || !VBR.equals(routerType) || !VROUTER.equals(oppositeRouterType)
                || oppositeRouterId == null) {
            throw new CloudException("OperationUnsupported.FastLinkMode", "Fast-link mode connects a VBR's "
                    + "initiating interface to a VPC's VRouter: give RouterType VBR, Role InitiatingSide, "
                    + "OppositeRouterType VRouter and OppositeRouterId.");
        }
    }

    /** Makes the accepting side of a fast-link initiator and connects the pair. */
    public RouterInterface connect(String account, String initiatorId) {
        RouterInterface init = interfaces.ownInterface(account, initiatorId);
        String owner = init.oppositeInterfaceOwnerId == null ? account : init.oppositeInterfaceOwnerId;
        RouterInterface acc = interfaces.createInterface(owner, new Interfaces.NewInterface(init.oppositeRegionId,
                ACCEPTOR, VROUTER, init.oppositeRouterId, Spec.NEGATIVE.apiName(), init.region, null, init.id,
                init.routerId, VBR, account, null, null, null, null, "PostPaid", 0, null));
        init.oppositeInterfaceId = acc.id;
        init.oppositeInterfaceOwnerId = owner;
        interfaces.connect(account, init.id);
        return acc;
    }

    /** DeleteExpressConnect: without Force as DeleteRouterInterface; with it, the pair whatever its status. */
    public void delete(String account, String id, boolean force) {
        RouterInterface ri = interfaces.ownInterface(account, id);
        if (!force) {
            interfaces.deleteInterface(account, id);
            return;
        }
        RouterInterface peer = ri.oppositeInterfaceId == null ? null : world.interfaces.get(ri.oppositeInterfaceId);
        boolean pair = peer != null && ri.id.equals(peer.oppositeInterfaceId) && ACCEPTOR.equals(peer.role);
        for (RouterInterface end : pair ? new RouterInterface[] {ri, peer} : new RouterInterface[] {ri}) {
            for (Model.RouteEntry r : world.routes.values()) {
                if (end.id.equals(r.nextHopId)) {
                    throw new CloudException(ErrorCodes.INTERFACE_USED_BY_ROUTE, "The router interface " + end.id
                            + " is the next hop of route entry " + r.id + "; delete the route first.");
                }
            }
        }
        long ends = clock.millis() + durations.deleteInterface().toMillis();
        world.transition(ri, Status.Deleting, null, ends);
        if (pair) {
            world.transition(peer, Status.Deleting, null, ends);
        }
    }
}
