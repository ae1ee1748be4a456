package dev.peerform.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerform.emulator.cloud.Billing;
import dev.peerform.emulator.cloud.Cloud;
import dev.peerform.emulator.cloud.CloudException;
import dev.peerform.emulator.cloud.FastLink;
import dev.peerform.emulator.cloud.Interfaces;
import dev.peerform.emulator.cloud.Model.PhysicalConnection;
import dev.peerform.emulator.cloud.Model.RouteEntry;
import dev.peerform.emulator.cloud.Model.RouterInterface;
import dev.peerform.emulator.cloud.Model.Vbr;
import dev.peerform.emulator.cloud.Model.VSwitch;
import dev.peerform.emulator.cloud.Model.Vpc;
import dev.peerform.emulator.cloud.World;
import dev.peerform.vpcapi.domain.Limits;
import dev.peerform.vpcapi.wire.ApiVersion;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The VPC OpenAPI actions of Express Connect, version 2016-04-28: parameters in, JSON out, with the API's wrapper
 * objects around lists ({@code "RouterInterfaceSet":{"RouterInterfaceType":[...]}}). Creating calls honour
 * ClientToken: the same token and parameters answer the first result, other parameters are refused.
 */
public final class VpcApi {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Set<String> CREATING = Set.of("CreateVpc", "CreateVSwitch", "CreateVirtualBorderRouter",
            "CreateRouterInterface", "CreateRouteEntry", "CreateRouteTable", "CreateBgpGroup", "CreateBgpPeer",
            "AddBgpNetwork", "CreateSecurityGroup", "RunInstances");

    private final Cloud cloud;
    private final BgpApi bgp;
    private final RouteTableApi tables;
    private final EcsApi ecs;

    public VpcApi(Cloud cloud) {
        this.cloud = cloud;
        this.bgp = new BgpApi(cloud.bgp());
        this.tables = new RouteTableApi(cloud);
        this.ecs = new EcsApi(cloud.ecs());
    }

    /** Runs one action for an account; throws {@link CloudException} when the cloud refuses it. */
    public ObjectNode call(String account, Params p, String requestId) {
        String action = p.required("Action");
        String token = p.optional("ClientToken");
        if (token != null && CREATING.contains(action)) {
            String key = account + "|" + action + "|" + token;
            World.ClientTokenRecord seen = cloud.world().clientTokens.get(key);
            if (seen != null) {
                if (!seen.parameters.equals(p.business())) {
                    throw new CloudException("IdempotentParameterMismatch", "The request uses the same client "
                            + "token as a previous, but non-identical request. Do not reuse a client token with "
                            + "different requests, unless the requests are identical.");
                }
                try {
                    ObjectNode first = (ObjectNode) JSON.readTree(seen.response);
                    first.put("RequestId", requestId);
                    return first;
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            ObjectNode result = dispatch(account, action, p);
            cloud.world().clientTokens.put(key, new World.ClientTokenRecord(p.business(), result.toString()));
            return result.put("RequestId", requestId);
        }
        return dispatch(account, action, p).put("RequestId", requestId);
    }

    private ObjectNode dispatch(String account, String action, Params p) {
        cloud.settle();
        ObjectNode out = F.objectNode();
        if (BgpApi.ACTIONS.contains(action)) {
            bgp.dispatch(account, action, p, out);
            return out;
        }
        if (EcsApi.ACTIONS.contains(action)) {
            ecs.dispatch(account, action, p, out);
            return out;
        }
        if (RouteTableApi.ACTIONS.contains(action)) {
            tables.dispatch(account, action, p, out);
            return out;
        }
        boolean fastLink = action.equals("CreateRouterInterface") && p.bool("FastLinkMode");
        if (fastLink) {
            FastLink.check(p.required("Role"), p.required("RouterType"), p.optional("OppositeRouterType"),
                    p.optional("OppositeRouterId"));
        }
        if (action.equals("DeleteExpressConnect")) {
            cloud.fastLink().delete(account, p.required("RouterInterfaceId"), p.bool("Force"));
            return out;
        }
        if (AccountApi.ACTIONS.contains(action)) {
            AccountApi.dispatch(account, action, p, out);
            return out;
        }
        switch (action) {
            case "CreateVpc" -> {
                // without a CidrBlock the cloud picks its default range, as the API documents
                String cidr = p.optional("CidrBlock") == null ? "172.16.0.0/12" : p.optional("CidrBlock");
                Vpc v = cloud.networks().createVpc(account, p.required("RegionId"), cidr, p.optional("VpcName"));
                out.put("VpcId", v.id).put("VRouterId", v.vrouterId).put("RouteTableId", v.routeTableId);
            }
            case "ModifyVpcAttribute" -> cloud.networks().modifyVpc(account, p.required("VpcId"),
                    p.optional("VpcName"), p.optional("CidrBlock"));
            case "DeleteVpc" -> cloud.networks().deleteVpc(account, p.required("VpcId"));
            case "DescribeVpcs" -> {
                Set<String> ids = new LinkedHashSet<>();
                String idList = p.optional("VpcId");
                if (idList != null) {
                    ids.addAll(List.of(idList.split(",")));
                }
                String name = p.optional("VpcName");
                List<Vpc> vpcs = cloud.networks().describeVpcs(account, p.required("RegionId"), ids).stream()
                        .filter(v -> name == null || name.equals(v.name)).toList();
                page(out, "Vpcs", "Vpc", vpcs, p, this::vpc);
            }
            case "CreateVSwitch" -> {
                VSwitch s = cloud.networks().createVSwitch(account, p.required("VpcId"), p.required("ZoneId"),
                        p.required("CidrBlock"), p.optional("VSwitchName"), p.optional("Description"));
                out.put("VSwitchId", s.id);
            }
            case "DeleteVSwitch" -> cloud.networks().deleteVSwitch(account, p.required("VSwitchId"));
            case "DescribeVSwitches" -> {
                String vpcId = p.optional("VpcId");
                String zoneId = p.optional("ZoneId");
                String id = p.optional("VSwitchId");
                String name = p.optional("VSwitchName");
                page(out, "VSwitches", "VSwitch", cloud.networks().describeVSwitches(account, p.required("RegionId"),
                        s -> (vpcId == null || vpcId.equals(s.vpcId)) && (zoneId == null || zoneId.equals(s.zoneId))
                                && (id == null || List.of(id.split(",")).contains(s.id))
                                && (name == null || name.equals(s.name))), p, s -> RouteTableApi.vswitch(s, cloud));
            }
            case "CreateVirtualBorderRouter" -> {
                Vbr b = cloud.networks().createVbr(account, p.required("RegionId"), p.required("PhysicalConnectionId"),
                        p.integer("VlanId", -1), p.required("LocalGatewayIp"), p.required("PeerGatewayIp"),
                        p.required("PeeringSubnetMask"), p.optional("Name"));
                out.put("VbrId", b.id);
            }
            case "ModifyVirtualBorderRouterAttribute" -> cloud.networks().modifyVbr(account, p.required("VbrId"),
                    p.optional("Name"), p.integer("VlanId", -1), p.optional("LocalGatewayIp"),
                    p.optional("PeerGatewayIp"), p.optional("PeeringSubnetMask"));
            case "DeleteVirtualBorderRouter" -> cloud.networks().deleteVbr(account, p.required("VbrId"));
            case "DescribeVirtualBorderRouters" -> {
                List<Interfaces.Filter> filters = filters(p);
                List<Vbr> vbrs = cloud.networks().describeVbrs(account, p.required("RegionId"), b -> filters.stream()
                        .allMatch(f -> f.values().contains(vbrField(b, f.key()))));
                page(out, "VirtualBorderRouterSet", "VirtualBorderRouterType", vbrs, p, this::vbr);
            }
            case "DescribePhysicalConnections" -> page(out, "PhysicalConnectionSet", "PhysicalConnectionType",
                    cloud.networks().describePhysicalConnections(account, p.required("RegionId")), p,
                            this::physicalConnection);
            case "CreateRouterInterface" -> {
                RouterInterface ri = cloud.interfaces().createInterface(account,
                        new Interfaces.NewInterface(p.required("RegionId"),
                        p.required("Role"), p.required("RouterType"), p.required("RouterId"), p.required("Spec"),
                        p.optional("OppositeRegionId"), p.optional("AccessPointId"), p.optional("OppositeInterfaceId"),
                        p.optional("OppositeRouterId"), p.optional("OppositeRouterType"),
                        p.optional("OppositeInterfaceOwnerId"), p.optional("Name"), p.optional("Description"),
                        p.optional("HealthCheckSourceIp"), p.optional("HealthCheckTargetIp"),
                        p.optional("InstanceChargeType"), p.integer("Period", 0), p.optional("PricingCycle"),
                        p.bool("AutoRenew")));
                out.put("RouterInterfaceId", ri.id).put("OrderId", 0);
            }
            case "ModifyRouterInterfaceAttribute" -> cloud.interfaces().modifyInterface(account,
                    p.required("RouterInterfaceId"),
                    new Interfaces.InterfaceChanges(p.optional("Name"), p.optional("Description"),
                            p.optional("OppositeInterfaceId"), p.optional("OppositeRouterId"),
                            p.optional("OppositeRouterType"), p.optional("OppositeInterfaceOwnerId"),
                            p.optional("HealthCheckSourceIp"), p.optional("HealthCheckTargetIp"),
                            p.bool("DeleteHealthCheckIp")));
            case "ConnectRouterInterface" -> cloud.interfaces().connect(account, p.required("RouterInterfaceId"));
            case "DeactivateRouterInterface" -> cloud.interfaces().deactivate(account, p.required("RouterInterfaceId"));
            case "ActivateRouterInterface" -> cloud.interfaces().activate(account, p.required("RouterInterfaceId"));
            case "ModifyRouterInterfaceSpec" -> {
                cloud.interfaces().modifySpec(account, p.required("RouterInterfaceId"), p.required("Spec"));
                out.put("Spec", p.required("Spec"));
            }
            case "RenewInstance" -> {
                RouterInterface ri = cloud.interfaces().ownInterface(account, p.required("InstanceId"));
                cloud.billing().renew(account, ri, Billing.renewalPeriod(p.optional("ProductCode"),
                        p.optional("RenewPeriod"), p.integer("Period", 1), p.optional("PricingCycle")),
                        p.optional("Spec"));
                cloud.billing().state(ri).ifPresent(st -> out.put("EndTime", time(st.dueDate().toEpochMilli())));
            }
            case "DeleteRouterInterface" -> cloud.interfaces().deleteInterface(account,
                    p.required("RouterInterfaceId"));
            case "DescribeRouterInterfaces" -> page(out, "RouterInterfaceSet", "RouterInterfaceType",
                    cloud.interfaces().describeInterfaces(account, p.required("RegionId"), filters(p)), p,
                            this::routerInterface);
            case "DescribeRouterInterfaceAttribute" -> {
                RouterInterface ri = cloud.interfaces().ownInterface(account, p.optional("InstanceId") != null
                        ? p.optional("InstanceId") : p.required("RouterInterfaceId"));
                routerInterface(ri).fields().forEachRemaining(e -> out.set(e.getKey(), e.getValue()));
            }
            case "CreateRouteEntry" -> {
                String nextHopType = p.optional("NextHopType") == null ? "RouterInterface" : p.optional("NextHopType");
                RouteEntry r = cloud.routes().createRoute(account, p.required("RouteTableId"),
                        p.required("DestinationCidrBlock"),
                        nextHopType, p.required("NextHopId"), p.optional("RouteEntryName"));
                out.put("RouteEntryId", r.id);
            }
            case "DeleteRouteEntry" -> cloud.routes().deleteRoute(account, p.optional("RouteTableId"),
                    p.optional("DestinationCidrBlock"), p.optional("RouteEntryId"));
            case "DescribeRouteEntryList" -> {
                List<RouteEntry> routes = new ArrayList<>(cloud.routes().describeRoutes(account,
                        p.required("RouteTableId")));
                String dest = p.optional("DestinationCidrBlock");
                String nextHop = p.optional("NextHopId");
                String id = p.optional("RouteEntryId");
                String name = p.optional("RouteEntryName");
                String hopType = p.optional("NextHopType");
                String type = p.optional("RouteEntryType");
                routes.removeIf(r -> (dest != null && !dest.equals(r.destination))
                        || (nextHop != null && !nextHop.equals(r.nextHopId))
                        || (id != null && !id.equals(r.id))
                        || (name != null && !name.equals(r.name))
                        || (hopType != null && !hopType.equals(r.nextHopType))
                        || (type != null && !ROUTE_TYPE.equals(type)));
                tokenPage(out, routes, p);
            }
            case "DescribeRouteTables" -> {
                String tableId = p.required("RouteTableId");
                World.Table t = cloud.routes().describeTable(account, tableId);
                ObjectNode table = out.putObject("RouteTables").putArray("RouteTable").addObject()
                        .put("RouteTableId", tableId).put("RouteTableType", cloud.world().routeTables.containsKey(tableId)
                                ? "Custom" : "System")
                        .put("VRouterId", t.routerId()).put("RouterType", t.onVbr() ? "VBR" : "VRouter");
                out.put("TotalCount", 1).put("PageNumber", 1).put("PageSize", 10);
                table.put("Status", "Available");
            }
            default -> throw new CloudException("InvalidAction.NotFound", "The action " + action + " is not "
                    + "part of the Express Connect API that this emulator serves.");
        }
        if (fastLink) {
            cloud.fastLink().connect(account, out.get("RouterInterfaceId").asText());
        }
        return out;
    }

    private static List<Interfaces.Filter> filters(Params p) {
        List<Interfaces.Filter> filters = new ArrayList<>();
        for (int i = 1; p.values().containsKey("Filter." + i + ".Key"); i++) {
            filters.add(new Interfaces.Filter(p.values().get("Filter." + i + ".Key"),
                    p.numbered("Filter." + i + ".Value")));
        }
        return filters;
    }

    /** Every entry the emulator holds is one a client added: the API's route type {@code Custom}. */
    private static final String ROUTE_TYPE = "Custom";

    /**
     * DescribeRouteEntryList's paging: at most MaxResult (1-100, default 10) entries by id, and a NextToken (the
     * last id given) while more follow. Keyed on the id, not a position, so entries added or deleted between two
     * pages neither repeat nor hide the others.
     */
    private void tokenPage(ObjectNode out, List<RouteEntry> routes, Params p) {
        int max = p.integer("MaxResult", Limits.DEFAULT_ROUTE_RESULTS);
        if (max < 1 || max > Limits.MAX_ROUTE_RESULTS) {
            throw new CloudException("InvalidMaxResult.Malformed", "MaxResult must be between 1 and "
                    + Limits.MAX_ROUTE_RESULTS + ".");
        }
        String after = p.optional("NextToken");
        List<RouteEntry> sorted = routes.stream().sorted(Comparator.comparing((RouteEntry r) -> r.id))
                .filter(r -> after == null || r.id.compareTo(after) > 0).toList();
        ArrayNode list = F.arrayNode();
        sorted.stream().limit(max).forEach(r -> list.add(route(r)));
        out.putObject("RouteEntrys").set("RouteEntry", list);
        out.put("NextToken", sorted.size() > max ? sorted.get(max - 1).id : "");
    }

    private static String vbrField(Vbr b, String key) {
        return switch (key) {
            case "VbrId" -> b.id;
            case "PhysicalConnectionId" -> b.physicalConnectionId;
            case "Status" -> b.status;
            case "Name" -> b.name;
            case "AccessPointId" -> b.accessPointId;
            case "VlanId" -> Integer.toString(b.vlanId);
            default -> throw new CloudException("InvalidFilterKey.ValueNotSupported", "Filter key " + key
                    + " is not supported.");
        };
    }

    /** Pages a list (PageNumber from 1, PageSize 1-50) into the API's wrapper objects. */
    static <T> void page(ObjectNode out, String outer, String inner, List<T> items, Params p,
            Function<T, ObjectNode> render) {
        int size = p.integer("PageSize", 10);
        int number = p.integer("PageNumber", 1);
        if (size < 1 || size > 50) {
            throw new CloudException("InvalidPageSize.Malformed", "PageSize must be between 1 and 50.");
        }
        if (number < 1) {
            throw new CloudException("InvalidPageNumber.Malformed", "PageNumber starts at 1.");
        }
        ArrayNode list = F.arrayNode();
        // a page past the end is empty, however large its number (PageNumber=2147483647 must not overflow)
        int from = (int) Math.min(items.size(), (number - 1L) * size);
        for (T item : items.subList(from, Math.min(items.size(), from + size))) {
            list.add(render.apply(item));
        }
        out.putObject(outer).set(inner, list);
        out.put("TotalCount", items.size()).put("PageNumber", number).put("PageSize", size);
    }

    private ObjectNode vpc(Vpc v) {
        ObjectNode o = F.objectNode().put("VpcId", v.id).put("VpcName", v.name).put("CidrBlock", v.cidrBlock)
                .put("VRouterId", v.vrouterId).put("Status", v.status).put("RegionId", v.region)
                .put("CreationTime", time(v.createdAt)).put("OwnerId", v.owner);
        o.putObject("RouterTableIds").putArray("RouterTableIds").add(v.routeTableId);
        return o;
    }

    private ObjectNode vbr(Vbr b) {
        return F.objectNode().put("VbrId", b.id).put("Status", b.status).put("PhysicalConnectionId",
                b.physicalConnectionId).put("AccessPointId", b.accessPointId).put("VlanId", b.vlanId)
                .put("LocalGatewayIp", b.localGatewayIp).put("PeerGatewayIp", b.peerGatewayIp)
                .put("PeeringSubnetMask", b.peeringSubnetMask).put("Name", b.name).put("RouteTableId", b.routeTableId)
                .put("CreationTime", time(b.createdAt));
    }

    private ObjectNode physicalConnection(PhysicalConnection pc) {
        return F.objectNode().put("PhysicalConnectionId", pc.id).put("AccessPointId", pc.accessPointId)
                .put("Name", pc.name).put("Status", pc.status).put("OwnerId", pc.owner);
    }

    private ObjectNode routerInterface(RouterInterface ri) {
        return F.objectNode().put("RouterInterfaceId", ri.id).put("Role", ri.role).put("Spec", ri.spec)
                .put("Status", ri.status.name()).put("RouterId", ri.routerId).put("RouterType", ri.routerType)
                .put("AccessPointId", ri.accessPointId).put("Name", ri.name).put("Description", ri.description)
                .put("OppositeRegionId", ri.oppositeRegionId).put("OppositeInterfaceId", ri.oppositeInterfaceId)
                .put("OppositeRouterId", ri.oppositeRouterId).put("OppositeRouterType", ri.oppositeRouterType)
                .put("OppositeInterfaceOwnerId", ri.oppositeInterfaceOwnerId)
                .put("HealthCheckSourceIp", ri.healthCheckSourceIp).put("HealthCheckTargetIp", ri.healthCheckTargetIp)
                .put("ChargeType", "PostPaid".equals(ri.chargeType) ? "AfterPay" : "PrePaid")
                .put("BusinessStatus", cloud.billing().businessStatus(ri).name())
                .put("EndTime", cloud.billing().state(ri).map(st -> time(st.dueDate().toEpochMilli())).orElse(null))
                .put("CreationTime", time(ri.createdAt))
                .put("ConnectedTime", ri.connectedAt == 0 ? null : time(ri.connectedAt));
    }

    private ObjectNode route(RouteEntry r) {
        ObjectNode o = F.objectNode().put("RouteEntryId", r.id).put("RouteTableId", r.routeTableId)
                .put("DestinationCidrBlock", r.destination).put("Type", "Custom").put("Status", r.status)
                .put("RouteEntryName", r.name).put("NextHopType", r.nextHopType).put("InstanceId", r.nextHopId);
        o.putObject("NextHops").putArray("NextHop").addObject().put("NextHopType", r.nextHopType)
                .put("NextHopId", r.nextHopId).put("Enabled", 1);
        return o;
    }

    private static String time(long millis) {
        return TIME.format(Instant.ofEpochMilli(millis));
    }

    /** The API version an action belongs to: ECS's for security groups and instances, the VPC API's otherwise. */
    public static String versionOf(String action) {
        return ApiVersion.of(action);
    }

    /** The error body the API returns. */
    public static JsonNode error(String requestId, String code, String message) {
        return F.objectNode().put("RequestId", requestId).put("HostId", "vpc.aliyuncs.com").put("Code", code)
                .put("Message", message);
    }
}
