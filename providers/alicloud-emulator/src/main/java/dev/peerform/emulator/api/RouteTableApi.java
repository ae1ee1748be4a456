package dev.peerform.emulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerform.emulator.cloud.Cloud;
import dev.peerform.emulator.cloud.CustomTables;
import dev.peerform.emulator.cloud.Model.VSwitch;
import dev.peerform.emulator.cloud.RouteTableModel.CustomTable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/**
 * Custom route tables and the vSwitch actions beyond create and delete (VPC API 2016-04-28): CreateRouteTable,
 * ModifyRouteTableAttributes, AssociateRouteTable, UnassociateRouteTable, DeleteRouteTable, DescribeRouteTableList
 * ({@code RouterTableList.RouterTableListType}), ModifyVSwitchAttribute and DescribeVSwitchAttributes.
 */
final class RouteTableApi {

    static final Set<String> ACTIONS = Set.of("CreateRouteTable", "ModifyRouteTableAttributes",
            "AssociateRouteTable", "UnassociateRouteTable", "DeleteRouteTable", "DescribeRouteTableList",
            "ModifyVSwitchAttribute", "DescribeVSwitchAttributes");

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Cloud cloud;

    RouteTableApi(Cloud cloud) {
        this.cloud = cloud;
    }

    void dispatch(String account, String action, Params p, ObjectNode out) {
        CustomTables tables = cloud.customTables();
        switch (action) {
            case "CreateRouteTable" -> out.put("RouteTableId", tables.create(account, p.required("VpcId"),
                    p.optional("RouteTableName"), p.optional("Description"), p.optional("AssociateType")).id);
            case "ModifyRouteTableAttributes" -> tables.modify(account, p.required("RouteTableId"),
                    p.optional("RouteTableName"), p.optional("Description"));
            case "AssociateRouteTable" -> tables.associate(account, p.required("RouteTableId"),
                    p.required("VSwitchId"));
            case "UnassociateRouteTable" -> tables.unassociate(account, p.required("RouteTableId"),
                    p.required("VSwitchId"));
            case "DeleteRouteTable" -> tables.delete(account, p.required("RouteTableId"));
            case "DescribeRouteTableList" -> {
                String id = p.optional("RouteTableId");
                String vpc = p.optional("VpcId");
                String router = p.optional("RouterId");
                String routerType = p.optional("RouterType");
                String name = p.optional("RouteTableName");
                String type = p.optional("RouteTableType");
                List<CustomTables.Listed> found = tables.list(account, p.required("RegionId")).stream()
                        .filter(t -> (id == null || List.of(id.split(",")).contains(t.id()))
                                && (vpc == null || vpc.equals(t.vpcId()))
                                && (router == null || router.equals(t.routerId()))
                                && (routerType == null || routerType.equals(t.routerType()))
                                && (name == null || name.equals(t.name()))
                                && (type == null || type.equals(t.type()))).toList();
                VpcApi.page(out, "RouterTableList", "RouterTableListType", found, p, RouteTableApi::table);
            }
            case "ModifyVSwitchAttribute" -> cloud.networks().modifyVSwitch(account, p.required("VSwitchId"),
                    p.optional("VSwitchName"), p.optional("Description"));
            case "DescribeVSwitchAttributes" -> {
                VSwitch s = cloud.networks().vswitch(account, p.required("VSwitchId"));
                vswitch(s, cloud).fields().forEachRemaining(e -> out.set(e.getKey(), e.getValue()));
            }
            default -> throw new IllegalStateException(action);
        }
    }

    private static ObjectNode table(CustomTables.Listed t) {
        ObjectNode o = F.objectNode().put("RouteTableId", t.id()).put("RouteTableName", t.name())
                .put("RouteTableType", t.type()).put("AssociateType", t.associateType()).put("VpcId", t.vpcId()).put("RouterId", t.routerId())
                .put("RouterType", t.routerType()).put("Description", t.description()).put("Status", t.status())
                .put("CreationTime", TIME.format(Instant.ofEpochMilli(t.createdAt()))).put("OwnerId", t.owner())
                .put("ResourceGroupId", AccountApi.defaultResourceGroup(t.owner()));
        ArrayNode ids = o.putObject("VSwitchIds").putArray("VSwitchId");
        t.vswitchIds().forEach(ids::add);
        return o;
    }

    /** A vSwitch as DescribeVSwitches and DescribeVSwitchAttributes answer it, with the table it uses. */
    static ObjectNode vswitch(VSwitch s, Cloud cloud) {
        CustomTable custom = cloud.customTables().tableOf(s);
        String table = custom != null ? custom.id : cloud.world().vpcs.get(s.vpcId).routeTableId;
        int prefix = Integer.parseInt(s.cidrBlock.substring(s.cidrBlock.indexOf('/') + 1));
        ObjectNode o = F.objectNode().put("VSwitchId", s.id).put("VpcId", s.vpcId).put("ZoneId", s.zoneId)
                .put("CidrBlock", s.cidrBlock).put("VSwitchName", s.name).put("Description", s.description)
                .put("Status", s.status).put("IsDefault", false)
                .put("CreationTime", TIME.format(Instant.ofEpochMilli(s.createdAt))).put("OwnerId", s.owner)
                .put("ResourceGroupId", AccountApi.defaultResourceGroup(s.owner))
                // the cloud keeps the first three addresses and the last one of every vSwitch
                .put("AvailableIpAddressCount", (1L << (32 - prefix)) - 4);
        o.putObject("RouteTable").put("RouteTableId", table).put("RouteTableType", custom != null ? "Custom"
                : "System");
        return o;
    }
}
