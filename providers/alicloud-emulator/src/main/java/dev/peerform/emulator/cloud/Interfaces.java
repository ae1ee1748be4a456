package dev.peerform.emulator.cloud;

import dev.peerform.emulator.cloud.Model.RouteEntry;
import dev.peerform.emulator.cloud.Model.RouterInterface;
import dev.peerform.emulator.cloud.Model.Vbr;
import dev.peerform.emulator.cloud.Model.Vpc;
import dev.peerform.net.Cidr;
import dev.peerform.vpcapi.billing.ChargeType;
import dev.peerform.vpcapi.billing.SubscriptionPeriod;
import dev.peerform.vpcapi.domain.Role;
import dev.peerform.vpcapi.domain.RouterType;
import dev.peerform.vpcapi.domain.Spec;
import dev.peerform.vpcapi.domain.Status;
import dev.peerform.vpcapi.errors.ErrorCodes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Router interfaces: creation with its role, spec, charge and quota checks; opposite information; the connect
 * checks (roles, opposite information on both ends, one connected pair per two routers, overlapping VPCs, VPCs per
 * leased line); suspend, resume, spec changes and deletion, each a timed transition of the status machine.
 */
public final class Interfaces {

    private static final String INITIATOR = Role.INITIATOR.apiName();
    private static final String ACCEPTOR = Role.ACCEPTOR.apiName();
    private static final String VROUTER = RouterType.VROUTER.apiName();
    private static final String VBR = RouterType.VBR.apiName();

    private final World world;
    private final Clock clock;
    private final Durations durations;
    private final Quotas quotas;
    private final Billing billing;

    Interfaces(World world, Clock clock, Durations durations, Quotas quotas, Billing billing) {
        this.world = world;
        this.billing = billing;
        this.clock = clock;
        this.durations = durations;
        this.quotas = quotas;
    }

    private long now() {
        return clock.millis();
    }

    /** The arguments of CreateRouterInterface. */
    public record NewInterface(String region, String role, String routerType, String routerId, String spec,
            String oppositeRegionId, String accessPointId, String oppositeInterfaceId, String oppositeRouterId,
            String oppositeRouterType, String oppositeInterfaceOwnerId, String name, String description,
            String healthCheckSourceIp, String healthCheckTargetIp, String chargeType, int period,
            String pricingCycle, boolean autoRenew) {

        /** Without auto-renewal, the API's default. */
        public NewInterface(String region, String role, String routerType, String routerId, String spec,
                String oppositeRegionId, String accessPointId, String oppositeInterfaceId, String oppositeRouterId,
                String oppositeRouterType, String oppositeInterfaceOwnerId, String name, String description,
                String healthCheckSourceIp, String healthCheckTargetIp, String chargeType, int period,
                String pricingCycle) {
            this(region, role, routerType, routerId, spec, oppositeRegionId, accessPointId, oppositeInterfaceId,
                    oppositeRouterId, oppositeRouterType, oppositeInterfaceOwnerId, name, description,
                    healthCheckSourceIp, healthCheckTargetIp, chargeType, period, pricingCycle, false);
        }
    }

    public RouterInterface createInterface(String account, NewInterface n) {
        if (!INITIATOR.equals(n.role()) && !ACCEPTOR.equals(n.role())) {
            throw new CloudException("InvalidRole.Malformed", "Role must be InitiatingSide or AcceptingSide, "
                    + "not " + n.role() + ".");
        }
        if (!VROUTER.equals(n.routerType()) && !VBR.equals(n.routerType())) {
            throw new CloudException("InvalidRouterType.Malformed", "RouterType must be VRouter or VBR, not "
                    + n.routerType() + ".");
        }
        if (VBR.equals(n.routerType()) && ACCEPTOR.equals(n.role())) {
            throw new CloudException("OperationUnsupported.VbrAcceptingSide", "A router interface on a VBR is "
                    + "always the initiator: the VBR initiates, the VPC accepts.");
        }
        Spec spec = Spec.fromApiName(n.spec()).orElseThrow(() -> new CloudException("InvalidSpec.Malformed",
                "The specification " + n.spec() + " does not exist."));
        if (ACCEPTOR.equals(n.role()) && spec != Spec.NEGATIVE) {
            throw new CloudException("InvalidSpec.Malformed", "An acceptor's specification must be Negative: "
                    + "its bandwidth follows the initiator's.");
        }
        if (INITIATOR.equals(n.role()) && spec == Spec.NEGATIVE) {
            throw new CloudException("InvalidSpec.Malformed", "Negative is the acceptor's specification; an "
                    + "initiator needs a bandwidth such as Large.2.");
        }
        String chargeType = n.chargeType() == null ? "PostPaid" : n.chargeType();
        if (!chargeType.equals("PostPaid") && !chargeType.equals("PrePaid")) {
            throw new CloudException("InvalidInstanceChargeType.Malformed", "InstanceChargeType must be "
                    + "PostPaid or PrePaid.");
        }
        SubscriptionPeriod period = null;
        if (chargeType.equals("PrePaid")) {
            Billing.checkCreate(n.role(), ChargeType.PRE_PAID);
            period = Billing.period(n.period(), n.pricingCycle());
        }
        Validation.checkName(n.name(), "Name");
        Validation.checkDescription(n.description());
        Validation.checkHealthCheck(n.routerType(), n.oppositeRouterType(), n.healthCheckSourceIp(),
                n.healthCheckTargetIp());
        String accessPoint = n.accessPointId();
        if (VROUTER.equals(n.routerType())) {
            Vpc v = world.vpcOfRouter(n.routerId());
            if (v == null || !v.owner.equals(account) || !v.region.equals(n.region())) {
                throw new CloudException("InvalidRouterId.NotFound", "The router " + n.routerId() + " does not "
                        + "exist in " + n.region() + ".");
            }
        } else {
            Vbr b = world.vbrs.get(n.routerId());
            if (b == null || !b.owner.equals(account) || !b.region.equals(n.region())) {
                throw new CloudException("InvalidRouterId.NotFound", "The VBR " + n.routerId() + " does not "
                        + "exist in " + n.region() + ".");
            }
            if (!"active".equals(b.status)) {
                throw new CloudException("IncorrectVbrStatus", "The VBR " + b.id + " is " + b.status
                        + "; router interfaces can be created only on an active VBR.");
            }
            accessPoint = b.accessPointId;
        }
        if (world.interfacesOnRouter(n.routerId()).size() >= quotas.interfacesPerRouter()) {
            throw new CloudException("LimitationExceed.InterfaceNumberOnRouter", "The router " + n.routerId()
                    + " already has " + quotas.interfacesPerRouter() + " router interfaces, the most it may have.");
        }
        if (world.interfacesOfAccount(account).size() >= quotas.interfacesPerAccount()) {
            throw new CloudException("QuotaExceeded", "The account already has "
                    + quotas.interfacesPerAccount() + " router interfaces, its quota.");
        }
        RouterInterface ri = new RouterInterface();
        ri.id = world.newId("ri");
        ri.owner = account;
        ri.region = n.region();
        ri.role = n.role();
        ri.spec = spec.apiName();
        ri.routerType = n.routerType();
        ri.routerId = n.routerId();
        ri.accessPointId = accessPoint;
        ri.name = n.name();
        ri.description = n.description();
        ri.oppositeRegionId = n.oppositeRegionId() == null ? n.region() : n.oppositeRegionId();
        ri.oppositeInterfaceId = n.oppositeInterfaceId();
        ri.oppositeRouterId = n.oppositeRouterId();
        ri.oppositeRouterType = n.oppositeRouterType();
        ri.oppositeInterfaceOwnerId = n.oppositeInterfaceOwnerId();
        ri.healthCheckSourceIp = n.healthCheckSourceIp();
        ri.healthCheckTargetIp = n.healthCheckTargetIp();
        ri.chargeType = chargeType;
        ri.createdAt = now();
        ri.subscription = Billing.subscribe(ChargeType.fromInstanceChargeType(chargeType).orElseThrow(), period,
                ri.spec, n.autoRenew(), now());
        world.addInterface(ri);
        return ri;
    }

    /** The arguments of ModifyRouterInterfaceAttribute; a null field is left as it is. */
    public record InterfaceChanges(String name, String description, String oppositeInterfaceId,
            String oppositeRouterId, String oppositeRouterType, String oppositeInterfaceOwnerId,
            String healthCheckSourceIp, String healthCheckTargetIp, boolean deleteHealthCheckIp) {
    }

    public RouterInterface modifyInterface(String account, String id, InterfaceChanges c) {
        RouterInterface ri = ownInterface(account, id);
        boolean oppositeChange = c.oppositeInterfaceId() != null || c.oppositeRouterId() != null
                || c.oppositeRouterType() != null || c.oppositeInterfaceOwnerId() != null;
        if (oppositeChange && ri.status != Status.Idle) {
            throw new CloudException(ErrorCodes.INCORRECT_INTERFACE_STATUS, "The opposite information of " + id
                    + " may change only while it is Idle; it is " + ri.status + ".");
        }
        if (c.name() != null) {
            Validation.checkName(c.name(), "Name");
        }
        if (c.description() != null) {
            Validation.checkDescription(c.description());
        }
        String source = c.deleteHealthCheckIp() ? null : first(c.healthCheckSourceIp(), ri.healthCheckSourceIp);
        String target = c.deleteHealthCheckIp() ? null : first(c.healthCheckTargetIp(), ri.healthCheckTargetIp);
        if (c.healthCheckSourceIp() != null || c.healthCheckTargetIp() != null) {
            Validation.checkHealthCheck(ri.routerType, first(c.oppositeRouterType(), ri.oppositeRouterType), source,
                    target);
        }
        ri.name = first(c.name(), ri.name);
        ri.description = first(c.description(), ri.description);
        ri.oppositeInterfaceId = first(c.oppositeInterfaceId(), ri.oppositeInterfaceId);
        ri.oppositeRouterId = first(c.oppositeRouterId(), ri.oppositeRouterId);
        ri.oppositeRouterType = first(c.oppositeRouterType(), ri.oppositeRouterType);
        ri.oppositeInterfaceOwnerId = first(c.oppositeInterfaceOwnerId(), ri.oppositeInterfaceOwnerId);
        ri.healthCheckSourceIp = source;
        ri.healthCheckTargetIp = target;
        return ri;
    }

    public void connect(String account, String id) {
        RouterInterface init = ownInterface(account, id);
        if (!init.isInitiator()) {
            throw new CloudException("IncorrectRole.NotInitiatingSide", "Only the initiator can initiate a "
                    + "connection; " + id + " is the accepting side.");
        }
        if (init.status != Status.Idle) {
            throw new CloudException("IncorrectRIStatus", "The router interface " + id + " is "
                    + init.status + "; it must be Idle to connect.");
        }
        if (init.oppositeInterfaceId == null || init.oppositeRouterId == null || init.oppositeRouterType == null
                || init.oppositeInterfaceOwnerId == null) {
            throw new CloudException(ErrorCodes.OPPOSITE_INFO_NOT_SET, "The initiator " + id + " does "
                    + "not know its peer yet: set its opposite interface id, router id, router type and owner id.");
        }
        RouterInterface acc = world.interfaces.get(init.oppositeInterfaceId);
        if (acc == null || !acc.owner.equals(init.oppositeInterfaceOwnerId)
                || !acc.region.equals(init.oppositeRegionId)) {
            throw new CloudException("InvalidOppositeInterfaceId.NotFound", "The opposite interface "
                    + init.oppositeInterfaceId + " does not exist in account " + init.oppositeInterfaceOwnerId
                    + " and region " + init.oppositeRegionId + ".");
        }
        if (acc.oppositeInterfaceId == null || acc.oppositeRouterId == null || acc.oppositeRouterType == null
                || acc.oppositeInterfaceOwnerId == null) {
            throw new CloudException(ErrorCodes.OPPOSITE_INFO_NOT_SET, "The accepting side "
                    + acc.id + " does not know its peer yet: set its opposite information first.");
        }
        mismatch(!ACCEPTOR.equals(acc.role), "AttrMismatching.AcceptingSideRole", acc.id + " is not an acceptor.");
        mismatch(!acc.routerId.equals(init.oppositeRouterId), "AttrMismatching.AcceptingSideRouterId",
                "The initiator names router " + init.oppositeRouterId + " but " + acc.id + " is on " + acc.routerId
                        + ".");
        mismatch(!acc.routerType.equals(init.oppositeRouterType), "AttrMismatching.AcceptingSideRouterType",
                "The initiator names router type " + init.oppositeRouterType + " but " + acc.id + " is on a "
                        + acc.routerType + ".");
        mismatch(!init.id.equals(acc.oppositeInterfaceId), "AttrMismatching.AcceptingSideOppositeInterfaceId",
                "The acceptor " + acc.id + " names " + acc.oppositeInterfaceId + " as its peer, not " + init.id + ".");
        mismatch(!init.routerId.equals(acc.oppositeRouterId), "AttrMismatching.AcceptingSideOppositeRouterId",
                "The acceptor names router " + acc.oppositeRouterId + " but the initiator is on " + init.routerId
                        + ".");
        mismatch(!init.routerType.equals(acc.oppositeRouterType), "AttrMismatching.AcceptingSideOppositeRouterType",
                "The acceptor names router type " + acc.oppositeRouterType + " but the initiator is on a "
                        + init.routerType + ".");
        mismatch(!init.owner.equals(acc.oppositeInterfaceOwnerId), "AttrMismatching.AcceptingSideOppositeOwnerId",
                "The acceptor names owner " + acc.oppositeInterfaceOwnerId + " but the initiator belongs to "
                        + init.owner + ".");
        if (acc.status != Status.Idle) {
            throw new CloudException("IncorrectRIStatus", "The accepting side " + acc.id + " is "
                    + acc.status + "; it must be Idle.");
        }
        for (RouterInterface other : world.interfacesOnRouter(init.routerId)) {
            RouterInterface peer = other.oppositeInterfaceId == null ? null
                    : world.interfaces.get(other.oppositeInterfaceId);
            if (other != init && other.status != Status.Idle && peer != null
                    && peer.routerId.equals(acc.routerId)) {
                throw new CloudException(ErrorCodes.ONLY_ONE_CONNECTION, "Routers " + init.routerId + " and "
                        + acc.routerId + " are already joined by " + other.id + " and " + peer.id
                        + "; only one connected pair may join two routers.");
            }
        }
        checkCidrOverlap(init, acc);
        checkPhysicalConnectionVpcs(init, acc);
        long ends = now() + durations.connect().toMillis();
        world.transition(init, Status.Connecting, Status.Active, ends);
        world.transition(acc, Status.AcceptingConnecting, Status.Active, ends);
        world.settle(now());
    }

    public void deactivate(String account, String id) {
        RouterInterface ri = ownInterface(account, id);
        if (ri.status != Status.Active) {
            throw new CloudException(ErrorCodes.INCORRECT_INTERFACE_STATUS, "Only an Active interface can be "
                    + "deactivated; " + id + " is " + ri.status + ".");
        }
        world.transition(ri, Status.Deactivating, Status.Inactive, now() + durations.deactivate().toMillis());
        world.settle(now());
    }

    public void activate(String account, String id) {
        RouterInterface ri = ownInterface(account, id);
        if (ri.status != Status.Inactive) {
            throw new CloudException(ErrorCodes.INCORRECT_INTERFACE_STATUS, "Only an Inactive interface can be "
                    + "activated; " + id + " is " + ri.status + ".");
        }
        if (ri.oppositeInterfaceId == null || !world.interfaces.containsKey(ri.oppositeInterfaceId)) {
            throw new CloudException("IncorrectOppositeInterface.Deleted", "The opposite interface of " + id
                    + " has been deleted; this connection cannot be resumed.");
        }
        world.transition(ri, Status.Activating, Status.Active, now() + durations.activate().toMillis());
        world.settle(now());
    }

    public void modifySpec(String account, String id, String specName) {
        RouterInterface ri = ownInterface(account, id);
        Spec spec = Spec.fromApiName(specName).orElseThrow(() -> new CloudException("InvalidSpec.Malformed",
                "The specification " + specName + " does not exist."));
        if (!ri.isInitiator()) {
            throw new CloudException("IncorrectRole.NotInitiatingSide", "Only the initiator's bandwidth can "
                    + "change; the acceptor's follows it.");
        }
        if (spec == Spec.NEGATIVE) {
            throw new CloudException("InvalidSpec.Malformed", "Negative is the acceptor's specification.");
        }
        if (ri.status != Status.Active) {
            throw new CloudException(ErrorCodes.INCORRECT_INTERFACE_STATUS, "The specification can change only "
                    + "while the interface is Active; " + id + " is " + ri.status + ".");
        }
        billing.upgrade(ri, spec.apiName());
        ri.pendingSpec = spec.apiName();
        world.transition(ri, Status.Modifying, Status.Active, now() + durations.modifySpec().toMillis());
        world.settle(now());
    }

    public void deleteInterface(String account, String id) {
        RouterInterface ri = ownInterface(account, id);
        if (ri.status != Status.Idle && ri.status != Status.Inactive) {
            throw new CloudException(ErrorCodes.INCORRECT_STATUS, "The router interface " + id + " is "
                    + ri.status + "; suspend it (DeactivateRouterInterface) and wait for Inactive before deleting.");
        }
        for (RouteEntry r : world.routes.values()) {
            if (id.equals(r.nextHopId)) {
                throw new CloudException(ErrorCodes.INTERFACE_USED_BY_ROUTE, "The route entry to "
                        + r.destination + " in " + r.routeTableId + " still uses " + id + " as its next hop.");
            }
        }
        world.transition(ri, Status.Deleting, null, now() + durations.deleteInterface().toMillis());
        world.settle(now());
    }

    /** DescribeRouterInterfaces filters: every key is a field; an interface matches when each filter matches. */
    public List<RouterInterface> describeInterfaces(String account, String region, List<Filter> filters) {
        List<RouterInterface> candidates = null;
        for (Filter f : filters) {
            if (f.key().equals("RouterInterfaceId")) {
                candidates = new ArrayList<>();
                for (String id : f.values()) {
                    RouterInterface ri = world.interfaces.get(id);
                    if (ri != null) {
                        candidates.add(ri);
                    }
                }
                break;
            }
            if (f.key().equals("RouterId") && candidates == null) {
                candidates = new ArrayList<>();
                for (String id : f.values()) {
                    candidates.addAll(world.interfacesOnRouter(id));
                }
            }
        }
        if (candidates == null) {
            candidates = world.interfacesOfAccount(account);
        }
        List<RouterInterface> out = new ArrayList<>();
        for (RouterInterface ri : candidates) {
            if (ri.owner.equals(account) && ri.region.equals(region) && filters.stream().allMatch(f -> f.matches(ri))) {
                out.add(ri);
            }
        }
        return out;
    }

    /** One {@code Filter.N}: a key and the values any of which it may have. */
    public record Filter(String key, List<String> values) {
        boolean matches(RouterInterface ri) {
            String v = switch (key) {
                case "RouterInterfaceId" -> ri.id;
                case "RouterId" -> ri.routerId;
                case "RouterType" -> ri.routerType;
                case "OppositeInterfaceId" -> ri.oppositeInterfaceId;
                case "OppositeRouterId" -> ri.oppositeRouterId;
                case "Status" -> ri.status.name();
                case "Name" -> ri.name;
                case "Role" -> ri.role;
                case "AccessPointId" -> ri.accessPointId;
                default -> throw new CloudException("InvalidFilterKey.ValueNotSupported", "Filter key " + key
                        + " is not supported.");
            };
            return v != null && values.contains(v);
        }
    }

    public RouterInterface ownInterface(String account, String id) {
        RouterInterface ri = id == null ? null : world.interfaces.get(id);
        if (ri == null || !ri.owner.equals(account)) {
            throw new CloudException(ErrorCodes.INTERFACE_NOT_FOUND, "The router interface " + id
                    + " does not exist.");
        }
        return ri;
    }

    // ---- what a connect checks besides the two ends ---------------------------------------------------------

    private void checkCidrOverlap(RouterInterface init, RouterInterface acc) {
        if (!VROUTER.equals(init.routerType) || !VROUTER.equals(acc.routerType)) {
            return;
        }
        Vpc a = world.vpcOfRouter(init.routerId);
        Vpc b = world.vpcOfRouter(acc.routerId);
        if (a != null && b != null && Cidr.parse(a.cidrBlock).overlaps(Cidr.parse(b.cidrBlock))) {
            throw new CloudException("InvalidCidrBlock.Overlapped", "The CIDR blocks of " + a.id + " ("
                    + a.cidrBlock + ") and " + b.id + " (" + b.cidrBlock + ") overlap; interconnected VPCs must not "
                    + "overlap.");
        }
    }

    private void checkPhysicalConnectionVpcs(RouterInterface init, RouterInterface acc) {
        if (!VBR.equals(init.routerType) || !VROUTER.equals(acc.routerType)) {
            return;
        }
        String pc = world.vbrs.get(init.routerId).physicalConnectionId;
        Set<String> served = new HashSet<>();
        for (Vbr b : world.vbrs.values()) {
            if (!b.physicalConnectionId.equals(pc)) {
                continue;
            }
            for (RouterInterface ri : world.interfacesOnRouter(b.id)) {
                RouterInterface peer = ri.oppositeInterfaceId == null ? null
                        : world.interfaces.get(ri.oppositeInterfaceId);
                if (ri.status != Status.Idle && peer != null) {
                    served.add(peer.routerId);
                }
            }
        }
        if (!served.contains(acc.routerId) && served.size() >= quotas.vpcsPerPhysicalConnection()) {
            throw new CloudException("QuotaExceeded.VpcPerPhysicalConnection", "The physical connection " + pc
                    + " already serves " + served.size() + " VPCs, the most it may serve.");
        }
    }

    private static void mismatch(boolean bad, String code, String message) {
        if (bad) {
            throw new CloudException(code, message);
        }
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
