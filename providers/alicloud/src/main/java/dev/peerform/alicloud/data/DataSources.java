package dev.peerform.alicloud.data;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The data sources: {@code alicloud_vpcs}, {@code alicloud_router_interfaces} and
 * {@code alicloud_express_connect_physical_connections}, each with ids and name_regex filters and a list of
 * objects, as Terraform's alicloud provider has them.
 */
public final class DataSources {

    private record Source(String name, Schema schema, Reader reader) implements DataSourceType {
    }

    @FunctionalInterface
    private interface Reader {
        List<ObjectValue> read(Api api, ObjectValue config) throws ApiException;
    }

    private static final Type VPC = Type.object(Map.of("id", Type.STRING, "vpc_name", Type.STRING, "cidr_block",
            Type.STRING, "router_id", Type.STRING, "route_table_id", Type.STRING, "status", Type.STRING));
    private static final Type INTERFACE = Type.object(Map.of("id", Type.STRING, "name", Type.STRING, "status",
            Type.STRING, "role", Type.STRING, "specification", Type.STRING, "router_id", Type.STRING, "router_type",
            Type.STRING, "opposite_interface_id", Type.STRING, "opposite_router_id", Type.STRING));
    private static final Type CONNECTION = Type.object(Map.of("id", Type.STRING, "name", Type.STRING,
            "access_point_id", Type.STRING, "status", Type.STRING));

    private DataSources() {
    }

    public static Map<String, DataSourceType> all() {
        Map<String, DataSourceType> out = new LinkedHashMap<>();
        out.put("alicloud_vpcs", new Source("alicloud_vpcs", schema(Map.of("cidr_block", Type.STRING), "vpcs", VPC),
                DataSources::vpcs));
        out.put("alicloud_router_interfaces", new Source("alicloud_router_interfaces", schema(Map.of("router_id",
                Type.STRING, "router_type", Type.STRING, "role", Type.STRING, "status", Type.STRING), "interfaces",
                INTERFACE), DataSources::interfaces));
        out.put("alicloud_express_connect_physical_connections", new Source(
                "alicloud_express_connect_physical_connections", schema(Map.of(), "connections", CONNECTION),
                DataSources::physicalConnections));
        return out;
    }

    public static ObjectValue read(DataSourceType type, Api api, ObjectValue config) throws ApiException {
        List<ObjectValue> items = ((Source) type).reader.read(api, config);
        Pattern regex = config.get("name_regex") == null || config.get("name_regex").isNull() ? null
                : Pattern.compile(config.get("name_regex").asString());
        List<String> ids = new ArrayList<>();
        if (config.get("ids") != null && !config.get("ids").isNull()) {
            config.get("ids").children().forEach(v -> ids.add(v.asString()));
        }
        String nameField = items.isEmpty() || items.get(0).get("vpc_name") == null ? "name" : "vpc_name";
        List<Value> kept = new ArrayList<>();
        List<Value> keptIds = new ArrayList<>();
        for (ObjectValue item : items) {
            String id = item.get("id").asString();
            Value name = item.get(nameField);
            if (!ids.isEmpty() && !ids.contains(id)) {
                continue;
            }
            if (regex != null && (name == null || name.isNull() || !regex.matcher(name.asString()).find())) {
                continue;
            }
            kept.add(item);
            keptIds.add(Value.of(id));
        }
        Map<String, Value> out = new TreeMap<>(config.attributes());
        String listName = ((Source) type).schema.attributes().keySet().stream().filter(k -> !k.equals("ids")
                && ((Source) type).schema.attributes().get(k).computed() && !k.equals("id")).findFirst()
                .orElseThrow();
        out.put(listName, new ListValue(((Type.ListType) ((Source) type).schema.attributes().get(listName).type())
                .element(), kept));
        out.put("ids", new ListValue(Type.STRING, keptIds));
        out.put("id", Value.of(Integer.toHexString(keptIds.hashCode())));
        return new ObjectValue(out);
    }

    private static Schema schema(Map<String, Type> filters, String list, Type element) {
        Schema.Builder b = Schema.builder()
                .attribute("id", AttributeSchema.computed(Type.STRING))
                .attribute("ids", AttributeSchema.optional(Type.list(Type.STRING)).alsoComputed())
                .attribute("name_regex", AttributeSchema.optional(Type.STRING));
        filters.forEach((k, t) -> b.attribute(k, AttributeSchema.optional(t)));
        b.attribute(list, AttributeSchema.computed(Type.list(element)));
        return b.build();
    }

    private static String filter(ObjectValue config, String name) {
        Value v = config.get(name);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static List<ObjectValue> vpcs(Api api, ObjectValue config) throws ApiException {
        List<ObjectValue> out = new ArrayList<>();
        for (JsonNode v : pages(api, "DescribeVpcs", "Vpcs", "Vpc")) {
            String cidr = filter(config, "cidr_block");
            if (cidr != null && !cidr.equals(v.get("CidrBlock").asText())) {
                continue;
            }
            Map<String, Value> m = new TreeMap<>();
            m.put("id", Value.of(v.get("VpcId").asText()));
            m.put("vpc_name", text(v, "VpcName"));
            m.put("cidr_block", Value.of(v.get("CidrBlock").asText()));
            m.put("router_id", Value.of(v.get("VRouterId").asText()));
            m.put("route_table_id", Value.of(v.path("RouterTableIds").path("RouterTableIds").path(0).asText()));
            m.put("status", Value.of(v.get("Status").asText()));
            out.add(new ObjectValue(m));
        }
        return out;
    }

    private static List<ObjectValue> interfaces(Api api, ObjectValue config) throws ApiException {
        List<ObjectValue> out = new ArrayList<>();
        for (JsonNode v : pages(api, "DescribeRouterInterfaces", "RouterInterfaceSet", "RouterInterfaceType")) {
            if (!matches(config, "router_id", v, "RouterId") || !matches(config, "router_type", v, "RouterType")
                    || !matches(config, "role", v, "Role") || !matches(config, "status", v, "Status")) {
                continue;
            }
            Map<String, Value> m = new TreeMap<>();
            m.put("id", Value.of(v.get("RouterInterfaceId").asText()));
            m.put("name", text(v, "Name"));
            m.put("status", Value.of(v.get("Status").asText()));
            m.put("role", Value.of(v.get("Role").asText()));
            m.put("specification", Value.of(v.get("Spec").asText()));
            m.put("router_id", Value.of(v.get("RouterId").asText()));
            m.put("router_type", Value.of(v.get("RouterType").asText()));
            m.put("opposite_interface_id", text(v, "OppositeInterfaceId"));
            m.put("opposite_router_id", text(v, "OppositeRouterId"));
            out.add(new ObjectValue(m));
        }
        return out;
    }

    private static List<ObjectValue> physicalConnections(Api api, ObjectValue config) throws ApiException {
        List<ObjectValue> out = new ArrayList<>();
        for (JsonNode v : pages(api, "DescribePhysicalConnections", "PhysicalConnectionSet",
                "PhysicalConnectionType")) {
            Map<String, Value> m = new TreeMap<>();
            m.put("id", Value.of(v.get("PhysicalConnectionId").asText()));
            m.put("name", text(v, "Name"));
            m.put("access_point_id", Value.of(v.get("AccessPointId").asText()));
            m.put("status", Value.of(v.get("Status").asText()));
            out.add(new ObjectValue(m));
        }
        return out;
    }

    private static boolean matches(ObjectValue config, String name, JsonNode v, String field) {
        String want = filter(config, name);
        return want == null || want.equals(v.path(field).asText());
    }

    private static Value text(JsonNode v, String field) {
        String s = v.path(field).isNull() ? null : v.path(field).asText(null);
        return s == null || s.isEmpty() ? Value.nullOf(Type.STRING) : Value.of(s);
    }

    private static List<JsonNode> pages(Api api, String action, String outer, String inner) throws ApiException {
        List<JsonNode> out = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode r = api.call(action, "PageSize", "50", "PageNumber", Integer.toString(page));
            r.path(outer).path(inner).forEach(out::add);
            if (page * 50 >= r.path("TotalCount").asInt()) {
                return out;
            }
        }
    }
}
