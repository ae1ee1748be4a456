package dev.peerform.emulator.cloud;

import dev.peerform.emulator.cloud.Model.BillingChange;
import dev.peerform.emulator.cloud.Model.RouteEntry;
import dev.peerform.emulator.cloud.Model.RouterInterface;
import dev.peerform.emulator.cloud.Model.Subscription;
import dev.peerform.vpcapi.billing.BillingEvent;
import dev.peerform.vpcapi.billing.BillingState;
import dev.peerform.vpcapi.billing.BillingTerms;
import dev.peerform.vpcapi.billing.BusinessStatus;
import dev.peerform.vpcapi.billing.ChargeRules;
import dev.peerform.vpcapi.billing.ChargeType;
import dev.peerform.vpcapi.billing.OverdueTimeline;
import dev.peerform.vpcapi.billing.Phase;
import dev.peerform.vpcapi.billing.PricingCycle;
import dev.peerform.vpcapi.billing.SubscriptionPeriod;
import dev.peerform.vpcapi.domain.Spec;
import dev.peerform.vpcapi.domain.Status;
import dev.peerform.vpcapi.errors.ErrorCodes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bill of each subscription initiator on the world's clock, played through {@link OverdueTimeline}: it expires,
 * renews itself when auto-renewal is on, stops forwarding (FinancialLocked) 15 days after the due date and is
 * released after 15 days of downtime, which deletes it and clears its configuration (the routes through it). A
 * renewal restores it at once; a renewal with a bandwidth change takes effect when the renewed cycle starts, an
 * upgrade at once. Pay-as-you-go interfaces have no due date here: the emulator's accounts never run out of money.
 */
public final class Billing {

    static final String RENEWAL = "renewal";
    static final String UPGRADE = "upgrade";

    private final World world;
    private final Clock clock;

    Billing(World world, Clock clock) {
        this.world = world;
        this.clock = clock;
    }

    /** The subscription an interface starts with, or null when it is pay-as-you-go. */
    static Subscription subscribe(ChargeType charge, SubscriptionPeriod period, String spec, boolean autoRenew,
            long now) {
        if (charge != ChargeType.PRE_PAID) {
            return null;
        }
        Subscription s = new Subscription();
        s.dueAt = period.after(Instant.ofEpochMilli(now)).toEpochMilli();
        s.spec = spec;
        if (autoRenew) {
            s.autoRenewCount = period.count();
            s.autoRenewCycle = period.cycle().name();
        }
        return s;
    }

    /** Where the interface's bill stands now; empty for pay-as-you-go. */
    public Optional<BillingState> state(RouterInterface ri) {
        return state(ri, clock.instant());
    }

    static Optional<BillingState> state(RouterInterface ri, Instant now) {
        Subscription s = ri.subscription;
        if (s == null) {
            return Optional.empty();
        }
        Spec spec = Spec.fromApiName(s.spec).orElse(Spec.DEFAULT_SAME_REGION);
        BillingTerms terms = s.autoRenewCycle == null
                ? BillingTerms.expiring(Instant.ofEpochMilli(s.dueAt), spec)
                : BillingTerms.autoRenewing(Instant.ofEpochMilli(s.dueAt), spec,
                        new SubscriptionPeriod(s.autoRenewCount, PricingCycle.parse(s.autoRenewCycle).orElseThrow()));
        List<BillingEvent> events = new ArrayList<>();
        for (BillingChange c : s.changes) {
            Instant at = Instant.ofEpochMilli(c.at);
            if (RENEWAL.equals(c.kind)) {
                events.add(new BillingEvent.Renewal(at, new SubscriptionPeriod(c.count,
                        PricingCycle.parse(c.cycle).orElseThrow()), c.spec == null ? null
                        : Spec.fromApiName(c.spec).orElse(null)));
            } else if (UPGRADE.equals(c.kind)) {
                Spec.fromApiName(c.spec).ifPresent(u -> events.add(new BillingEvent.Upgrade(at, u)));
            }
        }
        return Optional.of(OverdueTimeline.at(terms, events, now));
    }

    /** The API's BusinessStatus: Normal for pay-as-you-go and for a subscription in service or still in grace. */
    public BusinessStatus businessStatus(RouterInterface ri) {
        return state(ri).flatMap(BillingState::businessStatus).orElse(BusinessStatus.Normal);
    }

    /**
     * Brings every subscription up to the world's time: the spec in effect follows the bill (a next-cycle
     * bandwidth change lands when its cycle starts), and a released interface is deleted with its routes.
     */
    void settle() {
        Instant now = clock.instant();
        List<RouterInterface> released = new ArrayList<>();
        for (RouterInterface ri : world.interfaces.values()) {
            if (ri.subscription == null) {
                continue;
            }
            BillingState st = state(ri, now).orElseThrow();
            if (st.phase() == Phase.RELEASED) {
                released.add(ri);
            } else if (ri.status != Status.Modifying && ri.pendingSpec == null) {
                ri.spec = st.spec().apiName();
            }
        }
        released.forEach(this::release);
    }

    /** Release: the interface is gone and its configuration cleared; its peer is left without a connection. */
    private void release(RouterInterface ri) {
        for (RouteEntry r : new ArrayList<>(world.routes.values())) {
            if (ri.id.equals(r.nextHopId)) {
                world.removeRouteEntry(r);
            }
        }
        RouterInterface peer = ri.oppositeInterfaceId == null ? null : world.interfaces.get(ri.oppositeInterfaceId);
        if (peer != null && (peer.status == Status.Active || peer.status == Status.Inactive)) {
            peer.status = Status.Idle;
            peer.nextStatus = null;
        }
        world.removeInterface(ri);
    }

    /** RenewInstance: buys {@code period} more (with {@code nextCycleSpec} from the renewed cycle on, when given). */
    public void renew(String account, RouterInterface ri, SubscriptionPeriod period, String nextCycleSpec) {
        if (ri.subscription == null) {
            throw new CloudException("OperationUnsupported.PostPaid", "The router interface " + ri.id + " is "
                    + "pay-as-you-go: there is no subscription to renew. Only subscription (PrePaid) instances renew.");
        }
        if (nextCycleSpec != null) {
            Spec s = Spec.fromApiName(nextCycleSpec).orElseThrow(() -> new CloudException("InvalidSpec.Malformed",
                    "The specification " + nextCycleSpec + " does not exist."));
            if (s == Spec.NEGATIVE) {
                throw new CloudException("InvalidSpec.Malformed", "An initiator needs a bandwidth, not Negative.");
            }
        }
        BillingChange c = new BillingChange();
        c.at = clock.millis();
        c.kind = RENEWAL;
        c.count = period.count();
        c.cycle = period.cycle().name();
        c.spec = nextCycleSpec;
        ri.subscription.changes.add(c);
    }

    /** A bandwidth change on a subscription is an upgrade: it takes effect at once, but not while locked. */
    void upgrade(RouterInterface ri, String spec) {
        if (ri.subscription == null) {
            return;
        }
        BillingState st = state(ri).orElseThrow();
        if (st.phase() == Phase.STOPPED) {
            throw new CloudException(ErrorCodes.INCORRECT_INTERFACE_STATUS, "The router interface " + ri.id
                    + " is locked for an overdue payment (FinancialLocked) since " + st.stopsForwardingAt()
                    + "; renew it before changing its bandwidth.");
        }
        BillingChange c = new BillingChange();
        c.at = clock.millis();
        c.kind = UPGRADE;
        c.spec = spec;
        ri.subscription.changes.add(c);
    }

    /** A period the cloud sells (1-9 months or 1-3 years; Month when no cycle is named), or its refusal. */
    public static SubscriptionPeriod period(int count, String pricingCycle) {
        Optional<String> problem = SubscriptionPeriod.checkArguments(count, pricingCycle);
        if (problem.isPresent()) {
            throw new CloudException("InvalidPeriod.Malformed", problem.get());
        }
        return new SubscriptionPeriod(count, pricingCycle == null ? PricingCycle.Month
                : PricingCycle.parse(pricingCycle).orElseThrow());
    }

    /** The product codes under which BSS sells router interfaces (domestic, international), as RefundInstance uses. */
    public static final java.util.Set<String> ROUTER_INTERFACE_PRODUCT_CODES = java.util.Set.of("ri", "ri_pre_intl");

    /**
     * The period of a RenewInstance. The real action is BSS OpenAPI's (2017-12-14): {@code ProductCode} (ri) and
     * {@code RenewPeriod} in months; the emulator's earlier form ({@code Period} + {@code PricingCycle}, no
     * product code) is still read, so worlds and scripts written for it keep working.
     */
    public static SubscriptionPeriod renewalPeriod(String productCode, String renewPeriod, int period,
            String pricingCycle) {
        if (productCode != null && !ROUTER_INTERFACE_PRODUCT_CODES.contains(productCode)) {
            throw new CloudException("ResourceNotExists", "The specific resource is not exists: product code "
                    + productCode + " sells no router interface (ri or ri_pre_intl).");
        }
        if (renewPeriod == null) {
            return period(period, pricingCycle);
        }
        int months;
        try {
            months = Integer.parseInt(renewPeriod.trim());
        } catch (NumberFormatException e) {
            throw new CloudException("InvalidPeriod.Malformed", "RenewPeriod is a number of months, not \""
                    + renewPeriod + "\".");
        }
        return SubscriptionPeriod.fromOldResourceMonths(months).orElseThrow(() -> new CloudException(
                "InvalidPeriod.Malformed", "RenewPeriod is 1-9, 12, 24 or 36 months; " + months + " is not sold."));
    }

    /** The cloud's refusal of a PrePaid acceptor, by the rule's own code. */
    static void checkCreate(String role, ChargeType charge) {
        dev.peerform.vpcapi.domain.Role.fromApiName(role).flatMap(r -> ChargeRules.refusalOnCreate(r, charge))
                .ifPresent(r -> {
                    throw new CloudException(r.code(), r.message());
                });
    }
}
