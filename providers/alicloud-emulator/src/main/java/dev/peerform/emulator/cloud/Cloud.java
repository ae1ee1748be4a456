package dev.peerform.emulator.cloud;

import dev.peerform.emulator.cloud.Model.Account;
import dev.peerform.vpcapi.domain.Role;
import dev.peerform.vpcapi.domain.RouterType;
import java.time.Clock;

/**
 * The cloud's rules (shared/domain.md) over a {@link World}: every action checks what the real API checks and
 * answers with its error codes. Its parts are the API's: {@link Networks} (VPCs, VBRs, leased lines),
 * {@link Interfaces} (router interfaces and their connections), {@link RouteTables} and {@link Bgp} (BGP on a VBR). Accounts are walls: an
 * account sees and changes only its own objects and names a peer's interface only through opposite information.
 * Not thread-safe: the emulator serialises calls.
 */
public final class Cloud {

    public static final String INITIATOR = Role.INITIATOR.apiName();
    public static final String ACCEPTOR = Role.ACCEPTOR.apiName();
    public static final String VROUTER = RouterType.VROUTER.apiName();
    public static final String VBR = RouterType.VBR.apiName();

    private final World world;
    private final Clock clock;
    private final Networks networks;
    private final Interfaces interfaces;
    private final RouteTables routes;
    private final Bgp bgp;
    private final CustomTables customTables;
    private final FastLink fastLink;
    private final Billing billing;
    private final Ecs ecs;

    public Cloud(World world, Clock clock, Durations durations, Quotas quotas) {
        this.world = world;
        this.clock = clock;
        this.billing = new Billing(world, clock);
        this.networks = new Networks(world, clock);
        this.interfaces = new Interfaces(world, clock, durations, quotas, billing);
        this.routes = new RouteTables(world, clock, durations, quotas);
        this.bgp = new Bgp(world, clock, durations);
        this.customTables = new CustomTables(world, clock, networks);
        this.fastLink = new FastLink(world, clock, durations, interfaces);
        this.ecs = new Ecs(world, clock);
    }

    public World world() {
        return world;
    }

    public Networks networks() {
        return networks;
    }

    public Interfaces interfaces() {
        return interfaces;
    }

    public RouteTables routes() {
        return routes;
    }

    public FastLink fastLink() {
        return fastLink;
    }

    public CustomTables customTables() {
        return customTables;
    }

    public Bgp bgp() {
        return bgp;
    }

    public Billing billing() {
        return billing;
    }

    /** The world's time (the host's plus {@code emulator advance}). */
    public Clock clock() {
        return clock;
    }

    public Ecs ecs() {
        return ecs;
    }

    /** Brings every transition that has ended up to date; the emulator calls it before each action. */
    public void settle() {
        world.settle(clock.millis());
        billing.settle();
    }

    /** Accounts, for the seed and the console. */
    public Account account(String id) {
        return world.accounts.get(id);
    }
}
