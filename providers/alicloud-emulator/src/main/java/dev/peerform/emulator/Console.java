package dev.peerform.emulator;

import dev.peerform.emulator.cloud.CloudException;
import dev.peerform.emulator.cloud.WorldClock;
import dev.peerform.emulator.cloud.Model.RouteEntry;
import dev.peerform.emulator.cloud.Model.RouterInterface;
import dev.peerform.vpcapi.billing.SubscriptionPeriod;
import dev.peerform.vpcapi.errors.ErrorCodes;

/**
 * Changes made outside any client, as a person in the console makes them: suspend, resume or delete an interface,
 * change its spec, delete a route. They follow the cloud's rules (an interface is suspended before it is deleted)
 * on behalf of the object's owner; they are how drift is made for demonstrations and tests.
 */
public final class Console {

    private final Emulator emulator;

    Console(Emulator emulator) {
        this.emulator = emulator;
    }

    public void suspend(String interfaceId) {
        emulator.change(c -> {
            c.interfaces().deactivate(owner(c.world().interfaces.get(interfaceId), interfaceId), interfaceId);
            return null;
        });
    }

    public void resume(String interfaceId) {
        emulator.change(c -> {
            c.interfaces().activate(owner(c.world().interfaces.get(interfaceId), interfaceId), interfaceId);
            return null;
        });
    }

    public void deleteInterface(String interfaceId) {
        emulator.change(c -> {
            c.interfaces().deleteInterface(owner(c.world().interfaces.get(interfaceId), interfaceId), interfaceId);
            return null;
        });
    }

    public void modifySpec(String interfaceId, String spec) {
        emulator.change(c -> {
            c.interfaces().modifySpec(owner(c.world().interfaces.get(interfaceId), interfaceId), interfaceId, spec);
            return null;
        });
    }

    /** Moves the world's clock forward (persisted with the world); returns the world's time after the move. */
    public java.time.Instant advance(java.time.Duration by) {
        return emulator.change(c -> {
            WorldClock.advance(c.world(), by);
            c.settle();
            return c.clock().instant();
        });
    }

    /**
     * Renews a subscription interface for {@code period} (with {@code nextCycleSpec} from the renewed cycle on when
     * not null), as its owner would in the console; returns the new due date.
     */
    public java.time.Instant renew(String interfaceId, SubscriptionPeriod period, String nextCycleSpec) {
        return emulator.change(c -> {
            RouterInterface ri = c.world().interfaces.get(interfaceId);
            c.billing().renew(owner(ri, interfaceId), ri, period, nextCycleSpec);
            return c.billing().state(ri).orElseThrow().dueDate();
        });
    }

    /** Deletes a route by its id ({@code rte-...}). */
    public void deleteRoute(String routeEntryId) {
        emulator.change(c -> {
            RouteEntry r = c.world().routes.get(routeEntryId);
            if (r == null) {
                throw new CloudException(ErrorCodes.ROUTE_NOT_FOUND, "No route entry " + routeEntryId + ".");
            }
            c.routes().deleteRoute(c.world().table(r.routeTableId).owner(), null, null, routeEntryId);
            return null;
        });
    }

    private static String owner(RouterInterface ri, String id) {
        if (ri == null) {
            throw new CloudException(ErrorCodes.INTERFACE_NOT_FOUND, "No router interface " + id + ".");
        }
        return ri.owner;
    }
}
