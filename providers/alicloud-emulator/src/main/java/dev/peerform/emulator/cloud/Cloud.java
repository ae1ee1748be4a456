package dev.peerform.emulator.cloud;

import dev.peerform.vpcapi.domain.RouterType;

import dev.peerform.vpcapi.domain.Role;

import dev.peerform.vpcapi.domain.ReservedRange;

import dev.peerform.vpcapi.domain.Status;

import dev.peerform.vpcapi.domain.Spec;

import dev.peerform.emulator.cloud.Model.Account;
import dev.peerform.emulator.cloud.Model.PhysicalConnection;
import dev.peerform.emulator.cloud.Model.RouteEntry;
import dev.peerform.emulator.cloud.Model.RouterInterface;
import dev.peerform.emulator.cloud.Model.Vbr;
import dev.peerform.emulator.cloud.Model.Vpc;
import dev.peerform.net.Cidr;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The cloud's rules (shared/domain.md) over a {@link World}: every action checks what the real API checks and
 * answers with its error codes. Accounts are walls: an account sees and changes only its own objects and names a
 * peer's interface only through opposite information. Not thread-safe: the emulator serialises calls.
 */
public final class Cloud {

    public static final String INITIATOR = Role.INITIATOR.apiName();
    public static final String ACCEPTOR = Role.ACCEPTOR.apiName();
    public static final String VROUTER = RouterType.VROUTER.apiName();
    public static final String VBR = RouterType.VBR.apiName();

    private final World world;
    private final Clock clock;
    private final Durations durations;
    private final Quotas quotas;

    public Cloud(World world, Clock clock, Durations durations, Quotas quotas) {
        this.world = world;
        this.clock = clock;
        this.durations = durations;
        this.quotas = quotas;
    }

    public World world() {
        return world;
    }

    /** Brings every transition that has ended up to date; the emulator calls it before each action. */
    public void settle() {
        world.settle(now());
    }

    private long now() {
        return clock.millis();
    }

    // ---- VPCs, VBRs, physical connections -------------------------------------------------------------------

    public Vpc createVpc(String account, String region, String cidrBlock, String name) {
        Cidr cidr = parseCidr(cidrBlock, "CidrBlock");
        if (cidr.prefix() < 8 || cidr.prefix() > 24) {
            throw CloudException.badRequest("InvalidCidrBlock.Malformed", "The VPC CIDR block must have a prefix "
                    + "length between 8 and 24; " + cidrBlock + " does not.");
        }
        checkName(name, "VpcName");
        Vpc v = new Vpc();
        v.id = world.newId("vpc");
        v.owner = account;
        v.region = region;
        v.cidrBlock = cidr.network().toString();
        v.name = name;
        v.vrouterId = world.newId("vrt");
        v.routeTableId = world.newId("vtb");
        v.createdAt = now();
        world.addVpc(v);
        return v;
    }

    /** ModifyVpcAttribute: renames a VPC in place (a null name leaves it as it is). */
    public Vpc modifyVpc(String account, String vpcId, String name) {
        Vpc v = vpc(account, vpcId);
        checkName(name, "VpcName");
        if (name != null) {
            v.name = name;
        }
        return v;
    }

    public void deleteVpc(String account, String vpcId) {
        Vpc v = vpc(account, vpcId);
        if (!world.interfacesOnRouter(v.vrouterId).isEmpty()) {
            throw CloudException.badRequest("DependencyViolation.RouterInterface", "The VPC " + vpcId + " still has "
                    + "router interfaces; delete them first.");
        }
        if (!world.routesOfTable(v.routeTableId).isEmpty()) {
            throw CloudException.badRequest("DependencyViolation.RouteEntry", "The VPC " + vpcId + " still has "
                    + "custom route entries; delete them first.");
        }
        world.removeVpc(v);
    }

    public List<Vpc> describeVpcs(String account, String region, Set<String> ids) {
        List<Vpc> out = new ArrayList<>();
        if (ids != null && !ids.isEmpty()) {
            for (String id : ids) {
                Vpc v = world.vpcs.get(id);
                if (v != null && v.owner.equals(account) && v.region.equals(region)) {
                    out.add(v);
                }
            }
            return out;
        }
        for (Vpc v : world.vpcs.values()) {
            if (v.owner.equals(account) && v.region.equals(region)) {
                out.add(v);
            }
        }
        return out;
    }

    public Vpc vpc(String account, String vpcId) {
        Vpc v = world.vpcs.get(vpcId);
        if (v == null || !v.owner.equals(account)) {
            throw CloudException.notFound("InvalidVpcId.NotFound", "The specified VPC " + vpcId + " does not "
                    + "exist.");
        }
        return v;
    }

    public Vbr createVbr(String account, String region, String physicalConnectionId, int vlanId,
            String localGatewayIp, String peerGatewayIp, String peeringSubnetMask, String name) {
        PhysicalConnection pc = world.physicalConnections.get(physicalConnectionId);
        if (pc == null || !(pc.owner.equals(account) || pc.sharedWith.contains(account))
                || !pc.region.equals(region)) {
            throw CloudException.notFound("InvalidPhysicalConnectionId.NotFound", "The physical connection "
                    + physicalConnectionId + " does not exist in " + region + ".");
        }
        if (vlanId < 0 || vlanId > 2999) {
            throw CloudException.badRequest("InvalidVlanId.Malformed", "VlanId must be between 0 and 2999.");
        }
        for (Vbr other : world.vbrs.values()) {
            if (other.physicalConnectionId.equals(physicalConnectionId) && other.vlanId == vlanId) {
                throw CloudException.badRequest("InvalidVlanId.AlreadyExists", "VLAN " + vlanId + " is already "
                        + "used on " + physicalConnectionId + ".");
            }
        }
        parseAddress(localGatewayIp, "LocalGatewayIp");
        parseAddress(peerGatewayIp, "PeerGatewayIp");
        checkName(name, "Name");
        Vbr b = new Vbr();
        b.id = world.newId("vbr");
        b.owner = account;
        b.region = region;
        b.physicalConnectionId = physicalConnectionId;
        b.accessPointId = pc.accessPointId;
        b.vlanId = vlanId;
        b.localGatewayIp = localGatewayIp;
        b.peerGatewayIp = peerGatewayIp;
        b.peeringSubnetMask = peeringSubnetMask;
        b.name = name;
        b.routeTableId = world.newId("vtb");
        b.createdAt = now();
        world.addVbr(b);
        return b;
    }

    /** ModifyVirtualBorderRouterAttribute: renames a VBR in place (a null name leaves it as it is). */
    public Vbr modifyVbr(String account, String vbrId, String name) {
        Vbr b = vbr(account, vbrId);
        checkName(name, "Name");
        if (name != null) {
            b.name = name;
        }
        return b;
    }

    public void deleteVbr(String account, String vbrId) {
        Vbr b = vbr(account, vbrId);
        if (!world.interfacesOnRouter(b.id).isEmpty()) {
            throw CloudException.badRequest("DependencyViolation.RouterInterface", "The VBR " + vbrId + " still has "
                    + "router interfaces; delete them first.");
        }
        world.removeVbr(b);
    }

    public Vbr vbr(String account, String vbrId) {
        Vbr b = world.vbrs.get(vbrId);
        if (b == null || !b.owner.equals(account)) {
            throw CloudException.notFound("InvalidVbrId.NotFound", "The specified VBR " + vbrId + " does not "
                    + "exist.");
        }
        return b;
    }

    public List<Vbr> describeVbrs(String account, String region, Predicate<Vbr> filter) {
        return world.vbrs.values().stream().filter(b -> b.owner.equals(account) && b.region.equals(region))
                .filter(filter).toList();
    }

    public List<PhysicalConnection> describePhysicalConnections(String account, String region) {
        return world.physicalConnections.values().stream()
                .filter(p -> (p.owner.equals(account) || p.sharedWith.contains(account)) && p.region.equals(region))
                .toList();
    }

    // ---- router interfaces ----------------------------------------------------------------------------------

    /** The arguments of CreateRouterInterface. */
    public record NewInterface(String region, String role, String routerType, String routerId, String spec,
            String oppositeRegionId, String accessPointId, String oppositeInterfaceId, String oppositeRouterId,
            String oppositeRouterType, String oppositeInterfaceOwnerId, String name, String description,
            String healthCheckSourceIp, String healthCheckTargetIp, String chargeType, int period,
            String pricingCycle) {
    }

    public RouterInterface createInterface(String account, NewInterface n) {
        if (!INITIATOR.equals(n.role()) && !ACCEPTOR.equals(n.role())) {
            throw CloudException.badRequest("InvalidRole.Malformed", "Role must be InitiatingSide or AcceptingSide, "
                    + "not " + n.role() + ".");
        }
        if (!VROUTER.equals(n.routerType()) && !VBR.equals(n.routerType())) {
            throw CloudException.badRequest("InvalidRouterType.Malformed", "RouterType must be VRouter or VBR, not "
                    + n.routerType() + ".");
        }
        if (VBR.equals(n.routerType()) && ACCEPTOR.equals(n.role())) {
            throw CloudException.badRequest("OperationUnsupported.VbrAcceptingSide", "A router interface on a VBR is "
                    + "always the initiator: the VBR initiates, the VPC accepts.");
        }
        Spec spec = Spec.fromApiName(n.spec()).orElseThrow(() -> CloudException.badRequest("InvalidSpec.Malformed",
                "The specification " + n.spec() + " does not exist."));
        if (ACCEPTOR.equals(n.role()) && spec != Spec.NEGATIVE) {
            throw CloudException.badRequest("InvalidSpec.Malformed", "An acceptor's specification must be Negative: "
                    + "its bandwidth follows the initiator's.");
        }
        if (INITIATOR.equals(n.role()) && spec == Spec.NEGATIVE) {
            throw CloudException.badRequest("InvalidSpec.Malformed", "Negative is the acceptor's specification; an "
                    + "initiator needs a bandwidth such as Large.2.");
        }
        String chargeType = n.chargeType() == null ? "PostPaid" : n.chargeType();
        if (!chargeType.equals("PostPaid") && !chargeType.equals("PrePaid")) {
            throw CloudException.badRequest("InvalidInstanceChargeType.Malformed", "InstanceChargeType must be "
                    + "PostPaid or PrePaid.");
        }
        if (chargeType.equals("PrePaid")) {
            if (ACCEPTOR.equals(n.role())) {
                throw CloudException.badRequest("Forbidden.AcceptRoleNotSupportPrePay", "An acceptor created on its "
                        + "own must be pay-as-you-go (PostPaid).");
            }
            boolean year = "Year".equals(n.pricingCycle());
            int max = year ? 3 : 9;
            if (n.period() < 1 || n.period() > max) {
                throw CloudException.badRequest("InvalidPeriod.Malformed", "A subscription lasts 1-9 months or 1-3 "
                        + "years; " + n.period() + " " + (year ? "years" : "months") + " is not allowed.");
            }
        }
        checkName(n.name(), "Name");
        checkDescription(n.description());
        checkHealthCheck(n.routerType(), n.oppositeRouterType(), n.healthCheckSourceIp(), n.healthCheckTargetIp());
        String accessPoint = n.accessPointId();
        if (VROUTER.equals(n.routerType())) {
            Vpc v = world.vpcOfRouter(n.routerId());
            if (v == null || !v.owner.equals(account) || !v.region.equals(n.region())) {
                throw CloudException.notFound("InvalidRouterId.NotFound", "The router " + n.routerId() + " does not "
                        + "exist in " + n.region() + ".");
            }
        } else {
            Vbr b = world.vbrs.get(n.routerId());
            if (b == null || !b.owner.equals(account) || !b.region.equals(n.region())) {
                throw CloudException.notFound("InvalidRouterId.NotFound", "The VBR " + n.routerId() + " does not "
                        + "exist in " + n.region() + ".");
            }
            if (!"active".equals(b.status)) {
                throw CloudException.badRequest("IncorrectVbrStatus", "The VBR " + b.id + " is " + b.status
                        + "; router interfaces can be created only on an active VBR.");
            }
            accessPoint = b.accessPointId;
        }
        if (world.interfacesOnRouter(n.routerId()).size() >= quotas.interfacesPerRouter()) {
            throw CloudException.badRequest("LimitationExceed.InterfaceNumberOnRouter", "The router " + n.routerId()
                    + " already has " + quotas.interfacesPerRouter() + " router interfaces, the most it may have.");
        }
        if (world.interfacesOfAccount(account).size() >= quotas.interfacesPerAccount()) {
            throw CloudException.badRequest("QuotaExceeded", "The account already has "
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
            throw CloudException.badRequest("IncorrectStatus.RouterInterface", "The opposite information of " + id
                    + " may change only while it is Idle; it is " + ri.status + ".");
        }
        if (c.name() != null) {
            checkName(c.name(), "Name");
        }
        if (c.description() != null) {
            checkDescription(c.description());
        }
        String source = c.deleteHealthCheckIp() ? null : first(c.healthCheckSourceIp(), ri.healthCheckSourceIp);
        String target = c.deleteHealthCheckIp() ? null : first(c.healthCheckTargetIp(), ri.healthCheckTargetIp);
        if (c.healthCheckSourceIp() != null || c.healthCheckTargetIp() != null) {
            checkHealthCheck(ri.routerType, first(c.oppositeRouterType(), ri.oppositeRouterType), source, target);
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
            throw CloudException.badRequest("IncorrectRole.NotInitiatingSide", "Only the initiator can initiate a "
                    + "connection; " + id + " is the accepting side.");
        }
        if (init.status != Status.Idle) {
            throw CloudException.badRequest("IncorrectRIStatus", "The router interface " + id + " is "
                    + init.status + "; it must be Idle to connect.");
        }
        if (init.oppositeInterfaceId == null || init.oppositeRouterId == null || init.oppositeRouterType == null
                || init.oppositeInterfaceOwnerId == null) {
            throw CloudException.badRequest("IncorrectOppositeInterfaceInfo.NotSet", "The initiator " + id + " does "
                    + "not know its peer yet: set its opposite interface id, router id, router type and owner id.");
        }
        RouterInterface acc = world.interfaces.get(init.oppositeInterfaceId);
        if (acc == null || !acc.owner.equals(init.oppositeInterfaceOwnerId)
                || !acc.region.equals(init.oppositeRegionId)) {
            throw CloudException.notFound("InvalidOppositeInterfaceId.NotFound", "The opposite interface "
                    + init.oppositeInterfaceId + " does not exist in account " + init.oppositeInterfaceOwnerId
                    + " and region " + init.oppositeRegionId + ".");
        }
        if (acc.oppositeInterfaceId == null || acc.oppositeRouterId == null || acc.oppositeRouterType == null
                || acc.oppositeInterfaceOwnerId == null) {
            throw CloudException.badRequest("IncorrectOppositeInterfaceInfo.NotSet", "The accepting side "
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
            throw CloudException.badRequest("IncorrectRIStatus", "The accepting side " + acc.id + " is "
                    + acc.status + "; it must be Idle.");
        }
        for (RouterInterface other : world.interfacesOnRouter(init.routerId)) {
            RouterInterface peer = other.oppositeInterfaceId == null ? null
                    : world.interfaces.get(other.oppositeInterfaceId);
            if (other != init && other.status != Status.Idle && peer != null
                    && peer.routerId.equals(acc.routerId)) {
                throw CloudException.forbidden("Forbidden.OnlyOneConnection", "Routers " + init.routerId + " and "
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
            throw CloudException.badRequest("IncorrectStatus.RouterInterface", "Only an Active interface can be "
                    + "deactivated; " + id + " is " + ri.status + ".");
        }
        world.transition(ri, Status.Deactivating, Status.Inactive, now() + durations.deactivate().toMillis());
        world.settle(now());
    }

    public void activate(String account, String id) {
        RouterInterface ri = ownInterface(account, id);
        if (ri.status != Status.Inactive) {
            throw CloudException.badRequest("IncorrectStatus.RouterInterface", "Only an Inactive interface can be "
                    + "activated; " + id + " is " + ri.status + ".");
        }
        if (ri.oppositeInterfaceId == null || !world.interfaces.containsKey(ri.oppositeInterfaceId)) {
            throw CloudException.badRequest("IncorrectOppositeInterface.Deleted", "The opposite interface of " + id
                    + " has been deleted; this connection cannot be resumed.");
        }
        world.transition(ri, Status.Activating, Status.Active, now() + durations.activate().toMillis());
        world.settle(now());
    }

    public void modifySpec(String account, String id, String specName) {
        RouterInterface ri = ownInterface(account, id);
        Spec spec = Spec.fromApiName(specName).orElseThrow(() -> CloudException.badRequest("InvalidSpec.Malformed",
                "The specification " + specName + " does not exist."));
        if (!ri.isInitiator()) {
            throw CloudException.badRequest("IncorrectRole.NotInitiatingSide", "Only the initiator's bandwidth can "
                    + "change; the acceptor's follows it.");
        }
        if (spec == Spec.NEGATIVE) {
            throw CloudException.badRequest("InvalidSpec.Malformed", "Negative is the acceptor's specification.");
        }
        if (ri.status != Status.Active) {
            throw CloudException.badRequest("IncorrectStatus.RouterInterface", "The specification can change only "
                    + "while the interface is Active; " + id + " is " + ri.status + ".");
        }
        ri.pendingSpec = spec.apiName();
        world.transition(ri, Status.Modifying, Status.Active, now() + durations.modifySpec().toMillis());
        world.settle(now());
    }

    public void deleteInterface(String account, String id) {
        RouterInterface ri = ownInterface(account, id);
        if (ri.status != Status.Idle && ri.status != Status.Inactive) {
            throw CloudException.badRequest("IncorrectStatus.RouterInterface", "The router interface " + id + " is "
                    + ri.status + "; suspend it (DeactivateRouterInterface) and wait for Inactive before deleting.");
        }
        for (RouteEntry r : world.routes.values()) {
            if (id.equals(r.nextHopId)) {
                throw CloudException.badRequest("RouterInterfaceReferredByRouteEntry", "The route entry to "
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
                default -> throw CloudException.badRequest("InvalidFilterKey.ValueNotSupported", "Filter key " + key
                        + " is not supported.");
            };
            return v != null && values.contains(v);
        }
    }

    public RouterInterface ownInterface(String account, String id) {
        RouterInterface ri = id == null ? null : world.interfaces.get(id);
        if (ri == null || !ri.owner.equals(account)) {
            throw CloudException.notFound("InvalidRouterInterfaceId.NotFound", "The router interface " + id
                    + " does not exist.");
        }
        return ri;
    }

    // ---- route entries --------------------------------------------------------------------------------------

    public RouteEntry createRoute(String account, String tableId, String destination, String nextHopType,
            String nextHopId, String name) {
        World.Table table = ownTable(account, tableId);
        Cidr dest = parseCidr(destination, "DestinationCidrBlock");
        if (ReservedRange.coveredBy(dest)) {
            throw CloudException.badRequest("InvalidDestinationCidrBlock.Reserved", ReservedRange.CLOUD_SERVICES
                    + " is reserved; route the cloud services' range as " + ReservedRange.HALVES.get(0) + " and "
                    + ReservedRange.HALVES.get(1) + " instead.");
        }
        checkNoChangeInProgress(tableId);
        if (world.routeTo(tableId, dest.network().toString()) != null) {
            throw CloudException.badRequest("InvalidCIDRBlock.Duplicate", "The route table " + tableId + " already has "
                    + "a route to " + destination + ".");
        }
        if (world.routesOfTable(tableId).size() >= quotas.routeEntriesPerTable()) {
            throw CloudException.badRequest("QuotaExceeded.RouteEntryNum", "The route table " + tableId + " already "
                    + "holds " + quotas.routeEntriesPerTable() + " custom entries.");
        }
        if ("RouterInterface".equals(nextHopType)) {
            RouterInterface ri = world.interfaces.get(nextHopId);
            if (ri == null || !ri.owner.equals(account)) {
                throw CloudException.notFound("InvalidNextHopId.NotFound", "The next hop " + nextHopId + " does not "
                        + "exist.");
            }
            if (!ri.routerId.equals(table.routerId())) {
                throw CloudException.badRequest("InvalidNextHop.NotOnRouter", "The next hop " + nextHopId + " is an "
                        + "interface of " + ri.routerId + ", not of " + table.routerId() + " whose table this is.");
            }
            if (ri.status != Status.Active) {
                throw CloudException.badRequest("IncorrectStatus.RouterInterface", "The next hop " + nextHopId
                        + " is " + ri.status + "; routes can use an interface only once it is Active.");
            }
            if (table.onVbr() && !"active".equals(world.vbrs.get(table.routerId()).status)) {
                throw CloudException.badRequest("IncorrectVbrStatus", "The VBR " + table.routerId() + " is not "
                        + "active.");
            }
        } else if ("PhysicalConnection".equals(nextHopType)) {
            if (!table.onVbr()) {
                throw CloudException.badRequest("InvalidNextHopType.NotSupported", "A physical connection is a next "
                        + "hop only in a VBR's route table.");
            }
            Vbr b = world.vbrs.get(table.routerId());
            if (!b.physicalConnectionId.equals(nextHopId)) {
                throw CloudException.badRequest("InvalidNextHop.NotOnRouter", "The VBR " + b.id + " is on "
                        + b.physicalConnectionId + ", not on " + nextHopId + ".");
            }
        } else {
            throw CloudException.badRequest("InvalidNextHopType.NotSupported", "NextHopType must be RouterInterface "
                    + "(or PhysicalConnection on a VBR), not " + nextHopType + ".");
        }
        checkName(name, "RouteEntryName");
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
            r = destination == null ? null : world.routeTo(tableId, parseCidr(destination, "DestinationCidrBlock")
                    .network().toString());
        }
        if (r == null) {
            throw CloudException.notFound("InvalidRouteEntry.NotFound", "The route entry does not exist.");
        }
        if ("Deleting".equals(r.status)) {
            throw CloudException.badRequest("IncorrectRouteEntryStatus", "The route entry is already being deleted.");
        }
        checkNoChangeInProgress(r.routeTableId);
        world.routeTransition(r, "Deleting", now() + durations.routeChange().toMillis());
        world.settle(now());
    }

    public List<RouteEntry> describeRoutes(String account, String tableId) {
        ownTable(account, tableId);
        return world.routesOfTable(tableId);
    }

    private World.Table ownTable(String account, String tableId) {
        World.Table t = tableId == null ? null : world.table(tableId);
        if (t == null || !t.owner().equals(account)) {
            throw CloudException.notFound("InvalidRouteTableId.NotFound", "The route table " + tableId + " does not "
                    + "exist.");
        }
        return t;
    }

    /** Changes to one route table run one at a time: another is refused while one is still in progress. */
    private void checkNoChangeInProgress(String tableId) {
        for (RouteEntry r : world.routesOfTable(tableId)) {
            if (!"Available".equals(r.status)) {
                throw CloudException.badRequest("TaskConflict", "Another change to route table " + tableId + " is in "
                        + "progress; retry when it is done.");
            }
        }
    }

    // ---- checks ---------------------------------------------------------------------------------------------

    private void checkCidrOverlap(RouterInterface init, RouterInterface acc) {
        if (!VROUTER.equals(init.routerType) || !VROUTER.equals(acc.routerType)) {
            return;
        }
        Vpc a = world.vpcOfRouter(init.routerId);
        Vpc b = world.vpcOfRouter(acc.routerId);
        if (a != null && b != null && Cidr.parse(a.cidrBlock).overlaps(Cidr.parse(b.cidrBlock))) {
            throw CloudException.badRequest("InvalidCidrBlock.Overlapped", "The CIDR blocks of " + a.id + " ("
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
            throw CloudException.badRequest("QuotaExceeded.VpcPerPhysicalConnection", "The physical connection " + pc
                    + " already serves " + served.size() + " VPCs, the most it may serve.");
        }
    }

    private static void mismatch(boolean bad, String code, String message) {
        if (bad) {
            throw CloudException.badRequest(code, message);
        }
    }

    /** Health-check IPs go together, and only on a VPC's interface toward a VBR. */
    private static void checkHealthCheck(String routerType, String oppositeRouterType, String source, String target) {
        if (source == null && target == null) {
            return;
        }
        if (source == null || target == null) {
            throw CloudException.badRequest("InvalidHealthCheckIp.Malformed", "HealthCheckSourceIp and "
                    + "HealthCheckTargetIp must be set together.");
        }
        if (!VROUTER.equals(routerType) || (oppositeRouterType != null && !VBR.equals(oppositeRouterType))) {
            throw CloudException.badRequest("OperationUnsupported.HealthCheck", "Health checks apply only to a VPC's "
                    + "router interface connected to a VBR.");
        }
        parseAddress(source, "HealthCheckSourceIp");
        parseAddress(target, "HealthCheckTargetIp");
    }

    /** A name is 2-128 characters and starts with a letter (absent is fine). */
    static void checkName(String name, String field) {
        if (name == null || name.isEmpty()) {
            return;
        }
        if (name.length() < 2 || name.length() > 128 || !Character.isLetter(name.charAt(0))) {
            throw CloudException.badRequest("InvalidName.Malformed", field + " must be 2-128 characters long and "
                    + "start with a letter: \"" + name + "\" is not.");
        }
    }

    /** A description is 2-256 characters and does not start with http:// or https://. */
    static void checkDescription(String description) {
        if (description == null || description.isEmpty()) {
            return;
        }
        if (description.length() < 2 || description.length() > 256 || description.startsWith("http://")
                || description.startsWith("https://")) {
            throw CloudException.badRequest("InvalidDescription.Malformed", "Description must be 2-256 characters "
                    + "and must not start with http:// or https://.");
        }
    }

    private static Cidr parseCidr(String text, String field) {
        try {
            return Cidr.parse(Objects.requireNonNull(text, field));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw CloudException.badRequest("InvalidCidrBlock.Malformed", field + " \"" + text + "\" is not a valid "
                    + "CIDR block.");
        }
    }

    private static void parseAddress(String text, String field) {
        try {
            Cidr.parseAddress(Objects.requireNonNull(text, field));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw CloudException.badRequest("InvalidIpAddress.Malformed", field + " \"" + text + "\" is not a valid "
                    + "IP address.");
        }
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    /** Accounts, for the seed and the console. */
    public Account account(String id) {
        return world.accounts.get(id);
    }
}
