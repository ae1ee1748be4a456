package dev.peerform.alicloud.data;

import static dev.peerform.alicloud.data.DataSources.STRINGS;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.alicloud.transport.Api;
import dev.peerform.alicloud.transport.ApiException;
import dev.peerform.spi.AttributeSchema;
import dev.peerform.spi.DataSourceType;
import dev.peerform.spi.Schema;
import dev.peerform.value.ListValue;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The network data sources with the official schemas: {@code alicloud_express_connect_virtual_border_routers}
 * (DescribeVirtualBorderRouters, its {@code filter} blocks passed to the API as {@code Filter.N}),
 * {@code alicloud_route_tables} (DescribeRouteTableList), {@code alicloud_route_entries} (the custom entries of
 * one table) and {@code alicloud_vswitches} (DescribeVSwitches). What the emulator has no value for is null.
 */
final class NetworkSources {

    private NetworkSources() {
    }

    static void addTo(Map<String, DataSourceType> out) {
        out.put("alicloud_express_connect_virtual_border_routers", new DataSources.Source(
                "alicloud_express_connect_virtual_border_routers", Schema.builder()
                .attribute("id", AttributeSchema.computed(Type.STRING))
                .attribute("ids", AttributeSchema.optional(STRINGS).alsoComputed())
                .attribute("name_regex", AttributeSchema.optional(Type.STRING))
                .attribute("names", AttributeSchema.computed(STRINGS))
                .attribute("output_file", AttributeSchema.optional(Type.STRING))
                .attribute("routers", AttributeSchema.computed(Type.list(Shapes.object("access_point_id", Type.STRING,
                        "activation_time", Type.STRING,
                        "circuit_code", Type.STRING,
                        "cloud_box_instance_id", Type.STRING,
                        "create_time", Type.STRING,
                        "description", Type.STRING,
                        "detect_multiplier", Type.NUMBER,
                        "ecc_id", Type.STRING,
                        "enable_ipv6", Type.BOOL,
                        "local_gateway_ip", Type.STRING,
                        "local_ipv6_gateway_ip", Type.STRING,
                        "min_rx_interval", Type.NUMBER,
                        "min_tx_interval", Type.NUMBER,
                        "payment_vbr_expire_time", Type.STRING,
                        "peer_gateway_ip", Type.STRING,
                        "peer_ipv6_gateway_ip", Type.STRING,
                        "peering_ipv6_subnet_mask", Type.STRING,
                        "peering_subnet_mask", Type.STRING,
                        "physical_connection_business_status", Type.STRING,
                        "physical_connection_id", Type.STRING,
                        "physical_connection_owner_uid", Type.STRING,
                        "physical_connection_status", Type.STRING,
                        "recovery_time", Type.STRING,
                        "route_table_id", Type.STRING,
                        "status", Type.STRING,
                        "termination_time", Type.STRING,
                        "type", Type.STRING,
                        "id", Type.STRING,
                        "virtual_border_router_id", Type.STRING,
                        "virtual_border_router_name", Type.STRING,
                        "vlan_id", Type.NUMBER,
                        "vlan_interface_id", Type.STRING))))
                .attribute("status", AttributeSchema.optional(Type.STRING))
                .block("filter", new Schema.NestedBlock(Schema.Nesting.LIST, Schema.builder()
                        .attribute("key", AttributeSchema.optional(Type.STRING))
                        .attribute("values", AttributeSchema.optional(STRINGS))
                        .build(), 0, Integer.MAX_VALUE))
                .build(), "routers", "virtual_border_router_name", NetworkSources::vbrs));
        out.put("alicloud_route_tables", new DataSources.Source("alicloud_route_tables", Schema.builder()
                .attribute("id", AttributeSchema.computed(Type.STRING))
                .attribute("ids", AttributeSchema.optional(STRINGS).alsoComputed())
                .attribute("name_regex", AttributeSchema.optional(Type.STRING))
                .attribute("names", AttributeSchema.computed(STRINGS))
                .attribute("output_file", AttributeSchema.optional(Type.STRING))
                .attribute("page_number", AttributeSchema.optional(Type.NUMBER))
                .attribute("page_size", AttributeSchema.optional(Type.NUMBER).withDefault(Value.of(50)))
                .attribute("resource_group_id", AttributeSchema.optional(Type.STRING))
                .attribute("route_table_name", AttributeSchema.optional(Type.STRING))
                .attribute("route_table_type", AttributeSchema.optional(Type.STRING))
                .attribute("router_id", AttributeSchema.optional(Type.STRING))
                .attribute("router_type", AttributeSchema.optional(Type.STRING))
                .attribute("status", AttributeSchema.optional(Type.STRING))
                .attribute("tables", AttributeSchema.computed(Type.list(Shapes.object("description", Type.STRING,
                        "resource_group_id", Type.STRING,
                        "id", Type.STRING,
                        "route_table_id", Type.STRING,
                        "route_table_name", Type.STRING,
                        "name", Type.STRING,
                        "route_table_type", Type.STRING,
                        "router_id", Type.STRING,
                        "router_type", Type.STRING,
                        "status", Type.STRING,
                        "tags", Type.map(Type.STRING),
                        "vswitch_ids", STRINGS,
                        "vpc_id", Type.STRING))))
                .attribute("tags", AttributeSchema.optional(Type.map(Type.STRING)))
                .attribute("total_count", AttributeSchema.computed(Type.NUMBER))
                .attribute("vpc_id", AttributeSchema.optional(Type.STRING))
                .build(), "tables", "route_table_name", NetworkSources::tables));
        out.put("alicloud_route_entries", new DataSources.Source("alicloud_route_entries", Schema.builder()
                .attribute("id", AttributeSchema.computed(Type.STRING))
                .attribute("cidr_block", AttributeSchema.optional(Type.STRING))
                .attribute("entries", AttributeSchema.computed(Type.list(Shapes.object("type", Type.STRING,
                        "next_hop_type", Type.STRING,
                        "status", Type.STRING,
                        "instance_id", Type.STRING,
                        "route_table_id", Type.STRING,
                        "cidr_block", Type.STRING))))
                .attribute("instance_id", AttributeSchema.optional(Type.STRING))
                .attribute("output_file", AttributeSchema.optional(Type.STRING))
                .attribute("route_table_id", AttributeSchema.required(Type.STRING))
                .attribute("type", AttributeSchema.optional(Type.STRING))
                .build(), "entries", null, NetworkSources::entries));
        out.put("alicloud_vswitches", new DataSources.Source("alicloud_vswitches", Schema.builder()
                .attribute("id", AttributeSchema.computed(Type.STRING))
                .attribute("cidr_block", AttributeSchema.optional(Type.STRING))
                .attribute("dry_run", AttributeSchema.optional(Type.BOOL))
                .attribute("ids", AttributeSchema.optional(STRINGS).alsoComputed())
                .attribute("is_default", AttributeSchema.optional(Type.BOOL))
                .attribute("name_regex", AttributeSchema.optional(Type.STRING))
                .attribute("names", AttributeSchema.computed(STRINGS))
                .attribute("output_file", AttributeSchema.optional(Type.STRING))
                .attribute("resource_group_id", AttributeSchema.optional(Type.STRING))
                .attribute("route_table_id", AttributeSchema.optional(Type.STRING))
                .attribute("status", AttributeSchema.optional(Type.STRING))
                .attribute("tags", AttributeSchema.optional(Type.map(Type.STRING)))
                .attribute("vpc_id", AttributeSchema.optional(Type.STRING))
                .attribute("vswitch_name", AttributeSchema.optional(Type.STRING))
                .attribute("vswitch_owner_id", AttributeSchema.optional(Type.NUMBER))
                .attribute("vswitches", AttributeSchema.computed(Type.list(Shapes.object("creation_time", Type.STRING,
                        "available_ip_address_count", Type.NUMBER,
                        "cidr_block", Type.STRING,
                        "description", Type.STRING,
                        "is_default", Type.BOOL,
                        "enable_ipv6", Type.BOOL,
                        "resource_group_id", Type.STRING,
                        "route_table_id", Type.STRING,
                        "status", Type.STRING,
                        "tags", Type.map(Type.STRING),
                        "id", Type.STRING,
                        "vswitch_id", Type.STRING,
                        "vswitch_name", Type.STRING,
                        "name", Type.STRING,
                        "vpc_id", Type.STRING,
                        "zone_id", Type.STRING,
                        "ipv6_cidr_block", Type.STRING))))
                .attribute("zone_id", AttributeSchema.optional(Type.STRING))
                .build(), "vswitches", "vswitch_name", NetworkSources::vswitches));
    }

    private static List<Map<String, Value>> vbrs(Api api, ObjectValue config) throws ApiException {
        List<String> params = new ArrayList<>();
        Value filters = config.get("filter");
        if (filters != null && filters.isKnown() && !filters.isNull()) {
            int n = 0;
            for (Value f : filters.children()) {
                ObjectValue o = (ObjectValue) f.unmarked();
                String key = DataSources.filter(o, "key");
                if (key == null) {
                    continue;
                }
                n++;
                params.add("Filter." + n + ".Key");
                params.add(key);
                Value values = o.get("values");
                int m = 0;
                if (values != null && values.isKnown() && !values.isNull()) {
                    for (Value v : values.children()) {
                        params.add("Filter." + n + ".Value." + (++m));
                        params.add(v.unmarked().asString());
                    }
                }
            }
        }
        List<JsonNode> listed = DataSources.pages(api, "DescribeVirtualBorderRouters", "VirtualBorderRouterSet",
                "VirtualBorderRouterType", params.toArray(String[]::new));
        return Filters.of(config, "status", "Status").keep(listed, NetworkSources::vbr);
    }

    private static Map<String, Value> vbr(JsonNode b) {
        Map<String, Value> m = new TreeMap<>();
        String id = b.path("VbrId").asText();
        m.put("id", Value.of(id));
        m.put("virtual_border_router_id", Value.of(id));
        m.put("virtual_border_router_name", DataSources.text(b, "Name"));
        m.put("status", DataSources.text(b, "Status"));
        m.put("physical_connection_id", DataSources.text(b, "PhysicalConnectionId"));
        m.put("access_point_id", DataSources.text(b, "AccessPointId"));
        m.put("vlan_id", Value.of(b.path("VlanId").asLong()));
        m.put("local_gateway_ip", DataSources.text(b, "LocalGatewayIp"));
        m.put("peer_gateway_ip", DataSources.text(b, "PeerGatewayIp"));
        m.put("peering_subnet_mask", DataSources.text(b, "PeeringSubnetMask"));
        m.put("route_table_id", DataSources.text(b, "RouteTableId"));
        m.put("create_time", DataSources.text(b, "CreationTime"));
        m.put("description", DataSources.text(b, "Description"));
        m.put("enable_ipv6", Value.of(false));
        return m;
    }

    private static List<Map<String, Value>> tables(Api api, ObjectValue config) throws ApiException {
        List<JsonNode> listed = DataSources.pages(api, "DescribeRouteTableList", "RouterTableList",
                "RouterTableListType", "VpcId", DataSources.filter(config, "vpc_id"), "RouterId",
                DataSources.filter(config, "router_id"), "RouterType", DataSources.filter(config, "router_type"),
                "RouteTableName", DataSources.filter(config, "route_table_name"),
                "RouteTableType", DataSources.filter(config, "route_table_type"));
        return Filters.of(config, "status", "Status").keep(listed, NetworkSources::table);
    }

    private static Map<String, Value> table(JsonNode t) {
        Map<String, Value> m = new TreeMap<>();
        String id = t.path("RouteTableId").asText();
        m.put("id", Value.of(id));
        m.put("route_table_id", Value.of(id));
        m.put("route_table_name", DataSources.text(t, "RouteTableName"));
        m.put("name", DataSources.text(t, "RouteTableName"));
        m.put("route_table_type", DataSources.text(t, "RouteTableType"));
        m.put("router_id", DataSources.text(t, "RouterId"));
        m.put("router_type", DataSources.text(t, "RouterType"));
        m.put("vpc_id", DataSources.text(t, "VpcId"));
        m.put("description", DataSources.text(t, "Description"));
        m.put("status", DataSources.text(t, "Status"));
        m.put("resource_group_id", DataSources.text(t, "ResourceGroupId"));
        m.put("tags", Value.nullOf(Type.map(Type.STRING)));
        List<Value> switches = new ArrayList<>();
        t.path("VSwitchIds").path("VSwitchId").forEach(s -> switches.add(Value.of(s.asText())));
        m.put("vswitch_ids", new ListValue(Type.STRING, switches));
        return m;
    }

    private static List<Map<String, Value>> entries(Api api, ObjectValue config) throws ApiException {
        List<JsonNode> listed = new ArrayList<>();
        String token = null;
        do {
            JsonNode r = api.call("DescribeRouteEntryList", "RouteTableId", DataSources.filter(config,
                    "route_table_id"), "DestinationCidrBlock", DataSources.filter(config, "cidr_block"),
                    "NextHopId", DataSources.filter(config, "instance_id"), "MaxResult", "100", "NextToken", token);
            r.path("RouteEntrys").path("RouteEntry").forEach(listed::add);
            token = r.path("NextToken").asText("");
        } while (!token.isEmpty());
        return Filters.of(config, "type", "Type").keep(listed, NetworkSources::entry);
    }

    private static Map<String, Value> entry(JsonNode e) {
        Map<String, Value> m = new TreeMap<>();
        m.put("id", Value.of(e.path("RouteEntryId").asText()));
        m.put("route_table_id", DataSources.text(e, "RouteTableId"));
        m.put("cidr_block", DataSources.text(e, "DestinationCidrBlock"));
        m.put("type", DataSources.text(e, "Type"));
        m.put("status", DataSources.text(e, "Status"));
        m.put("next_hop_type", DataSources.text(e, "NextHopType"));
        m.put("instance_id", DataSources.text(e, "InstanceId"));
        return m;
    }

    private static List<Map<String, Value>> vswitches(Api api, ObjectValue config) throws ApiException {
        List<JsonNode> listed = DataSources.pages(api, "DescribeVSwitches", "VSwitches", "VSwitch",
                "VpcId", DataSources.filter(config, "vpc_id"), "ZoneId", DataSources.filter(config, "zone_id"),
                "VSwitchName", DataSources.filter(config, "vswitch_name"));
        return Filters.of(config, "cidr_block", "CidrBlock", "status", "Status", "route_table_id",
                "RouteTable.RouteTableId").keep(listed, NetworkSources::vswitch);
    }

    private static Map<String, Value> vswitch(JsonNode s) {
        Map<String, Value> m = new TreeMap<>();
        String id = s.path("VSwitchId").asText();
        m.put("id", Value.of(id));
        m.put("vswitch_id", Value.of(id));
        m.put("vswitch_name", DataSources.text(s, "VSwitchName"));
        m.put("name", DataSources.text(s, "VSwitchName"));
        m.put("vpc_id", DataSources.text(s, "VpcId"));
        m.put("zone_id", DataSources.text(s, "ZoneId"));
        m.put("cidr_block", DataSources.text(s, "CidrBlock"));
        m.put("description", DataSources.text(s, "Description"));
        m.put("status", DataSources.text(s, "Status"));
        m.put("creation_time", DataSources.text(s, "CreationTime"));
        m.put("is_default", Value.of(s.path("IsDefault").asBoolean()));
        m.put("enable_ipv6", Value.of(false));
        m.put("resource_group_id", DataSources.text(s, "ResourceGroupId"));
        m.put("route_table_id", DataSources.text(s.path("RouteTable"), "RouteTableId"));
        m.put("available_ip_address_count", Value.of(s.path("AvailableIpAddressCount").asLong()));
        m.put("tags", Value.nullOf(Type.map(Type.STRING)));
        return m;
    }
}
