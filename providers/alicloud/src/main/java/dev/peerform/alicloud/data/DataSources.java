package dev.peerform.alicloud.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.peerform.alicloud.transport.Api;
import dev.peerform.alicloud.transport.ApiException;
import dev.peerform.spi.AttributeSchema;
import dev.peerform.spi.DataSourceType;
import dev.peerform.spi.Schema;
import dev.peerform.value.BoolValue;
import dev.peerform.value.ListValue;
import dev.peerform.value.NumberValue;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Type;
import dev.peerform.value.StringValue;
import dev.peerform.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The data sources {@code alicloud_vpcs}, {@code alicloud_router_interfaces} and
 * {@code alicloud_express_connect_physical_connections} with the official provider's schemas: the filters the API
 * or the provider applies ({@code ids}, {@code name_regex}, {@code status}...), the result list with every field
 * (null where the emulator has no value), {@code names}, {@code total_count}, and {@code output_file} written as the
 * official provider writes it. Arguments the emulator cannot filter on (tags, resource groups, DHCP options) are
 * accepted and, where they would only narrow the result, left to the cloud.
 */
public final class DataSources {

    /** One data source: its schema, the list attribute, the field names match on, and how to read the items. */
    /**
     * One data source: its schema, the list attribute (null for a single object such as {@code alicloud_account},
     * whose one item's fields become the result's), the field names match on, and how to read the items.
     */
    record Source(String name, Schema schema, String list, String nameField, Reader reader)
            implements DataSourceType {
    }

    @FunctionalInterface
    interface Reader {
        List<Map<String, Value>> read(Api api, ObjectValue config) throws ApiException;
    }

    static final Type STRINGS = Type.list(Type.STRING);

    private static final Map<String, Type> VPC = vpcFields("region_id", "creation_time", "cidr_block", "description",
            "dhcp_options_set_id", "dhcp_options_set_status", "dns_hostname_status", "ipv6_cidr_block",
            "resource_group_id", "route_table_id", "router_id", "vrouter_id", "status", "id", "vpc_id", "vpc_name");
    private static final Map<String, Type> INTERFACE = fields("id", "status", "name", "description", "role",
            "specification", "router_id", "router_type", "vpc_id", "access_point_id", "creation_time",
            "opposite_region_id", "opposite_interface_id", "opposite_router_id", "opposite_router_type",
            "opposite_interface_owner_id", "health_check_source_ip", "health_check_target_ip");
    private static final Map<String, Type> CONNECTION = fields("access_point_id", "ad_location", "bandwidth",
            "business_status", "circuit_code", "create_time", "description", "enabled_time", "end_time",
            "has_reservation_data", "line_operator", "loa_status", "payment_type", "peer_location", "id",
            "physical_connection_id", "physical_connection_name", "port_number", "port_type",
            "redundant_physical_connection_id", "reservation_active_time", "reservation_internet_charge_type",
            "reservation_order_type", "spec", "status", "type", "name");

    private DataSources() {
    }

    private static Map<String, Type> fields(String... names) {
        Map<String, Type> m = new TreeMap<>();
        for (String n : names) {
            m.put(n, Type.STRING);
        }
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, Type> vpcFields(String... strings) {
        Map<String, Type> m = new TreeMap<>(fields(strings));
        m.put("is_default", Type.BOOL);
        m.put("secondary_cidr_blocks", STRINGS);
        m.put("tags", Type.map(Type.STRING));
        m.put("user_cidrs", STRINGS);
        m.put("vswitch_ids", STRINGS);
        return Collections.unmodifiableMap(m);
    }

    /** A value as plain JSON data, for output_file. */
    private static Object plain(Value v) {
        if (v == null || v.isNull() || !v.isKnown()) {
            return null;
        }
        Value u = v.unmarked();
        if (u instanceof StringValue s) {
            return s.value();
        }
        if (u instanceof BoolValue b) {
            return b.value();
        }
        if (u instanceof NumberValue n) {
            return n.value();
        }
        List<Object> out = new ArrayList<>();
        u.children().forEach(c -> out.add(plain(c)));
        return out;
    }

    public static Map<String, DataSourceType> all() {
        Map<String, DataSourceType> out = new LinkedHashMap<>();
        out.put("alicloud_vpcs", new Source("alicloud_vpcs", common()
                .attribute("cidr_block", AttributeSchema.optional(Type.STRING))
                .attribute("dhcp_options_set_id", AttributeSchema.optional(Type.STRING))
                .attribute("dry_run", AttributeSchema.optional(Type.BOOL))
                .attribute("enable_details", AttributeSchema.optional(Type.BOOL).withDefault(Value.of(true)))
                .attribute("is_default", AttributeSchema.optional(Type.BOOL))
                .attribute("page_number", AttributeSchema.optional(Type.NUMBER))
                .attribute("page_size", AttributeSchema.optional(Type.NUMBER).withDefault(Value.of(50)))
                .attribute("resource_group_id", AttributeSchema.optional(Type.STRING))
                .attribute("status", AttributeSchema.optional(Type.STRING))
                .attribute("tags", AttributeSchema.optional(Type.map(Type.STRING)))
                .attribute("total_count", AttributeSchema.computed(Type.NUMBER))
                .attribute("vpc_name", AttributeSchema.optional(Type.STRING))
                .attribute("vpc_owner_id", AttributeSchema.optional(Type.NUMBER))
                .attribute("vswitch_id", AttributeSchema.optional(Type.STRING))
                .attribute("vpcs", AttributeSchema.computed(Type.list(Type.object(VPC))))
                .build(), "vpcs", "vpc_name", DataSources::vpcs));
        out.put("alicloud_router_interfaces", new Source("alicloud_router_interfaces", common()
                .attribute("opposite_interface_id", AttributeSchema.optional(Type.STRING))
                .attribute("opposite_interface_owner_id", AttributeSchema.optional(Type.STRING))
                .attribute("role", AttributeSchema.optional(Type.STRING))
                .attribute("router_id", AttributeSchema.optional(Type.STRING))
                .attribute("router_type", AttributeSchema.optional(Type.STRING))
                .attribute("specification", AttributeSchema.optional(Type.STRING))
                .attribute("status", AttributeSchema.optional(Type.STRING))
                .attribute("interfaces", AttributeSchema.computed(Type.list(Type.object(INTERFACE))))
                .build(), "interfaces", "name", DataSources::interfaces));
        out.put("alicloud_express_connect_physical_connections", new Source(
                "alicloud_express_connect_physical_connections", common()
                .attribute("include_reservation_data", AttributeSchema.optional(Type.BOOL))
                .attribute("status", AttributeSchema.optional(Type.STRING))
                .attribute("connections", AttributeSchema.computed(Type.list(Type.object(CONNECTION))))
                .build(), "connections", "physical_connection_name", DataSources::physicalConnections));
        AccountSources.addTo(out);
        NetworkSources.addTo(out);
        return out;
    }

    static Schema.Builder common() {
        return Schema.builder()
                .attribute("id", AttributeSchema.computed(Type.STRING))
                .attribute("ids", AttributeSchema.optional(STRINGS).alsoComputed())
                .attribute("name_regex", AttributeSchema.optional(Type.STRING))
                .attribute("names", AttributeSchema.computed(STRINGS))
                .attribute("output_file", AttributeSchema.optional(Type.STRING));
    }

    /** The official data-source-level deprecation message, or null. */
    public static String deprecation(String type) {
        return type.equals("alicloud_router_interfaces") ? "This data source has been deprecated since v1.199.0 and "
                + "will be removed in the future. Please use 'alicloud_express_connect_router_interfaces' instead."
                : null;
    }

    /**
     * Reads a data source: the items the cloud lists, narrowed by {@code ids} and {@code name_regex}, with
     * {@code output_file} (relative to {@code workingDir}) written when set.
     */
    public static ObjectValue read(DataSourceType type, Api api, ObjectValue config, Path workingDir)
            throws ApiException, IOException {
        Source source = (Source) type;
        if (source.list == null) {
            Map<String, Value> single = new TreeMap<>(config.attributes());
            single.putAll(source.reader.read(api, config).get(0));
            return new ObjectValue(single);
        }
        Pattern regex = filter(config, "name_regex") == null ? null : Pattern.compile(filter(config, "name_regex"));
        List<String> ids = new ArrayList<>();
        if (config.get("ids") != null && !config.get("ids").isNull()) {
            config.get("ids").children().forEach(v -> ids.add(v.asString()));
        }
        Type.ObjectType element = (Type.ObjectType) ((Type.ListType) source.schema.attributes().get(source.list)
                .type()).element();
        List<Value> kept = new ArrayList<>();
        List<Value> keptIds = new ArrayList<>();
        List<Value> names = new ArrayList<>();
        List<Map<String, Object>> written = new ArrayList<>();
        for (Map<String, Value> item : source.reader.read(api, config)) {
            String id = item.get("id").asString();
            Value name = source.nameField == null ? null : item.get(source.nameField);
            if (!ids.isEmpty() && !ids.contains(id)) {
                continue;
            }
            if (regex != null && (name == null || name.isNull() || !regex.matcher(name.asString()).find())) {
                continue;
            }
            Map<String, Value> full = new TreeMap<>();
            element.attributes().forEach((k, t) -> full.put(k, item.getOrDefault(k, Value.nullOf(t))));
            kept.add(new ObjectValue(full));
            keptIds.add(Value.of(id));
            names.add(name == null || name.isNull() ? Value.of("") : name);
            Map<String, Object> plain = new TreeMap<>();
            full.forEach((k, v) -> plain.put(k, plain(v)));
            written.add(plain);
        }
        Map<String, Value> out = new TreeMap<>(config.attributes());
        source.schema.attributes().forEach((k, a) -> {
            if (!out.containsKey(k) || out.get(k).isNull()) {
                out.put(k, a.defaultValue() != null ? a.defaultValue() : Value.nullOf(a.type()));
            }
        });
        out.put(source.list, new ListValue(element, kept));
        if (source.schema.attributes().containsKey("ids")) {
            out.put("ids", new ListValue(Type.STRING, keptIds));
        }
        if (source.schema.attributes().containsKey("names")) {
            out.put("names", new ListValue(Type.STRING, names));
        }
        if (source.schema.attributes().containsKey("total_count")) {
            out.put("total_count", Value.of(kept.size()));
        }
        out.put("id", Value.of(Integer.toString(keptIds.stream().map(Value::asString).toList().hashCode()
                & Integer.MAX_VALUE)));
        String file = filter(config, "output_file");
        if (file != null) {
            writeOutput(workingDir.resolve(file), written);
        }
        return new ObjectValue(out);
    }

    /** As the official provider writes it: the result list as indented JSON, replacing the file. */
    private static void writeOutput(Path path, List<Map<String, Object>> items) throws IOException {
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        Files.writeString(path, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(items));
    }

    static String filter(ObjectValue config, String name) {
        Value v = config.get(name);
        return v == null || v.isNull() || !v.isKnown() ? null : v.asString();
    }

    private static List<Map<String, Value>> vpcs(Api api, ObjectValue config) throws ApiException {
        return Filters.of(config, "cidr_block", "CidrBlock", "status", "Status", "vpc_name", "VpcName")
                .keep(pages(api, "DescribeVpcs", "Vpcs", "Vpc"), DataSources::vpc);
    }

    private static Map<String, Value> vpc(JsonNode v) {
        Map<String, Value> m = new TreeMap<>();
        String id = v.get("VpcId").asText();
        String router = v.get("VRouterId").asText();
        m.put("id", Value.of(id));
        m.put("vpc_id", Value.of(id));
        m.put("vpc_name", text(v, "VpcName"));
        m.put("cidr_block", Value.of(v.get("CidrBlock").asText()));
        m.put("router_id", Value.of(router));
        m.put("vrouter_id", Value.of(router));
        m.put("route_table_id", Value.of(v.path("RouterTableIds").path("RouterTableIds").path(0).asText()));
        m.put("status", Value.of(v.get("Status").asText()));
        m.put("region_id", text(v, "RegionId"));
        m.put("creation_time", text(v, "CreationTime"));
        m.put("description", text(v, "Description"));
        m.put("is_default", Value.of(false));
        for (String list : List.of("secondary_cidr_blocks", "user_cidrs", "vswitch_ids")) {
            m.put(list, new ListValue(Type.STRING, List.of()));
        }
        return m;
    }

    private static List<Map<String, Value>> interfaces(Api api, ObjectValue config) throws ApiException {
        return Filters.of(config, "router_id", "RouterId", "router_type", "RouterType", "role", "Role", "status",
                "Status", "specification", "Spec", "opposite_interface_id", "OppositeInterfaceId",
                "opposite_interface_owner_id", "OppositeInterfaceOwnerId")
                .keep(pages(api, "DescribeRouterInterfaces", "RouterInterfaceSet", "RouterInterfaceType"),
                        DataSources::routerInterface);
    }

    private static Map<String, Value> routerInterface(JsonNode v) {
        Map<String, Value> m = new TreeMap<>();
        m.put("id", Value.of(v.get("RouterInterfaceId").asText()));
        m.put("name", text(v, "Name"));
        m.put("description", text(v, "Description"));
        m.put("status", Value.of(v.get("Status").asText()));
        m.put("role", Value.of(v.get("Role").asText()));
        m.put("specification", Value.of(v.get("Spec").asText()));
        m.put("router_id", Value.of(v.get("RouterId").asText()));
        m.put("router_type", Value.of(v.get("RouterType").asText()));
        m.put("access_point_id", text(v, "AccessPointId"));
        m.put("creation_time", text(v, "CreationTime"));
        m.put("opposite_region_id", text(v, "OppositeRegionId"));
        m.put("opposite_interface_id", text(v, "OppositeInterfaceId"));
        m.put("opposite_router_id", text(v, "OppositeRouterId"));
        m.put("opposite_router_type", text(v, "OppositeRouterType"));
        m.put("opposite_interface_owner_id", text(v, "OppositeInterfaceOwnerId"));
        m.put("health_check_source_ip", text(v, "HealthCheckSourceIp"));
        m.put("health_check_target_ip", text(v, "HealthCheckTargetIp"));
        return m;
    }

    private static List<Map<String, Value>> physicalConnections(Api api, ObjectValue config) throws ApiException {
        return Filters.of(config, "status", "Status").keep(pages(api, "DescribePhysicalConnections",
                "PhysicalConnectionSet", "PhysicalConnectionType"), DataSources::physicalConnection);
    }

    private static Map<String, Value> physicalConnection(JsonNode v) {
        Map<String, Value> m = new TreeMap<>();
        String id = v.get("PhysicalConnectionId").asText();
        m.put("id", Value.of(id));
        m.put("physical_connection_id", Value.of(id));
        m.put("name", text(v, "Name"));
        m.put("physical_connection_name", text(v, "Name"));
        m.put("access_point_id", Value.of(v.get("AccessPointId").asText()));
        m.put("status", Value.of(v.get("Status").asText()));
        return m;
    }

    static Value text(JsonNode v, String field) {
        String s = v.path(field).isNull() ? null : v.path(field).asText(null);
        return s == null || s.isEmpty() ? Value.nullOf(Type.STRING) : Value.of(s);
    }

    static List<JsonNode> pages(Api api, String action, String outer, String inner, String... extra)
            throws ApiException {
        List<JsonNode> out = new ArrayList<>();
        for (int page = 1; ; page++) {
            String[] kv = Arrays.copyOf(extra, extra.length + 4);
            kv[extra.length] = "PageSize";
            kv[extra.length + 1] = "50";
            kv[extra.length + 2] = "PageNumber";
            kv[extra.length + 3] = Integer.toString(page);
            JsonNode r = api.call(action, kv);
            r.path(outer).path(inner).forEach(out::add);
            if (page * 50 >= r.path("TotalCount").asInt()) {
                return out;
            }
        }
    }
}
