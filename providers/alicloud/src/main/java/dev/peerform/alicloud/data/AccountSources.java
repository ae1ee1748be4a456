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
 * The data sources about the caller and where it may build, with the official schemas: {@code alicloud_account}
 * (STS GetCallerIdentity), {@code alicloud_regions} (ECS DescribeRegions; {@code current} keeps the provider's
 * region), {@code alicloud_zones} (ECS DescribeZones, narrowed by what may be created there, instance type and
 * disk category) and {@code alicloud_resource_manager_resource_groups} (ListResourceGroups).
 */
final class AccountSources {

    private AccountSources() {
    }

    static void addTo(Map<String, DataSourceType> out) {
        out.put("alicloud_account", new DataSources.Source("alicloud_account", Schema.builder()
                .attribute("id", AttributeSchema.computed(Type.STRING))
                .build(), null, null, AccountSources::account));
        out.put("alicloud_regions", new DataSources.Source("alicloud_regions", Schema.builder()
                .attribute("id", AttributeSchema.computed(Type.STRING))
                .attribute("current", AttributeSchema.optional(Type.BOOL).alsoComputed())
                .attribute("ids", AttributeSchema.computed(STRINGS))
                .attribute("name", AttributeSchema.optional(Type.STRING).alsoComputed())
                .attribute("output_file", AttributeSchema.optional(Type.STRING))
                .attribute("regions", AttributeSchema.computed(Type.list(Shapes.object("id", Type.STRING,
                        "region_id", Type.STRING,
                        "local_name", Type.STRING))))
                .build(), "regions", null, AccountSources::regions));
        out.put("alicloud_zones", new DataSources.Source("alicloud_zones", Schema.builder()
                .attribute("id", AttributeSchema.computed(Type.STRING))
                .attribute("available_disk_category", AttributeSchema.optional(Type.STRING))
                .attribute("available_instance_type", AttributeSchema.optional(Type.STRING))
                .attribute("available_resource_creation", AttributeSchema.optional(Type.STRING))
                .attribute("available_slb_address_ip_version", AttributeSchema.optional(Type.STRING))
                .attribute("available_slb_address_type", AttributeSchema.optional(Type.STRING))
                .attribute("enable_details", AttributeSchema.optional(Type.BOOL).withDefault(Value.of(false)))
                .attribute("ids", AttributeSchema.computed(STRINGS))
                .attribute("instance_charge_type", AttributeSchema.optional(Type.STRING).withDefault(Value.of("PostPaid")))
                .attribute("multi", AttributeSchema.optional(Type.BOOL).withDefault(Value.of(false)))
                .attribute("network_type", AttributeSchema.optional(Type.STRING))
                .attribute("output_file", AttributeSchema.optional(Type.STRING))
                .attribute("spot_strategy", AttributeSchema.optional(Type.STRING).withDefault(Value.of("NoSpot")))
                .attribute("zones", AttributeSchema.computed(Type.list(Shapes.object("id", Type.STRING,
                        "local_name", Type.STRING,
                        "available_instance_types", STRINGS,
                        "available_resource_creation", STRINGS,
                        "available_disk_categories", STRINGS,
                        "multi_zone_ids", STRINGS,
                        "slb_slave_zone_ids", STRINGS))))
                .build(), "zones", null, AccountSources::zones));
        out.put("alicloud_resource_manager_resource_groups", new DataSources.Source(
                "alicloud_resource_manager_resource_groups", Schema.builder()
                .attribute("id", AttributeSchema.computed(Type.STRING))
                .attribute("enable_details", AttributeSchema.optional(Type.BOOL).withDefault(Value.of(false)))
                .attribute("groups", AttributeSchema.computed(Type.list(Shapes.object("account_id", Type.STRING,
                        "display_name", Type.STRING,
                        "id", Type.STRING,
                        "region_statuses", Type.list(Shapes.object("region_id", Type.STRING,
                            "status", Type.STRING)),
                        "resource_group_name", Type.STRING,
                        "name", Type.STRING,
                        "status", Type.STRING))))
                .attribute("ids", AttributeSchema.optional(STRINGS).alsoComputed())
                .attribute("name_regex", AttributeSchema.optional(Type.STRING))
                .attribute("names", AttributeSchema.computed(STRINGS))
                .attribute("output_file", AttributeSchema.optional(Type.STRING))
                .attribute("status", AttributeSchema.optional(Type.STRING))
                .build(), "groups", "name", AccountSources::groups));
    }

    private static List<Map<String, Value>> account(Api api, ObjectValue config) throws ApiException {
        JsonNode r = api.call("GetCallerIdentity");
        return List.of(Map.of("id", Value.of(r.path("AccountId").asText())));
    }

    private static List<Map<String, Value>> regions(Api api, ObjectValue config) throws ApiException {
        Value current = config.get("current");
        boolean onlyCurrent = current != null && current.isKnown() && !current.isNull() && current.asBool();
        String name = DataSources.filter(config, "name");
        List<Map<String, Value>> out = new ArrayList<>();
        for (JsonNode r : api.call("DescribeRegions").path("Regions").path("Region")) {
            String id = r.path("RegionId").asText();
            if ((onlyCurrent && !id.equals(api.region())) || (name != null && !name.equals(id))) {
                continue;
            }
            Map<String, Value> m = new TreeMap<>();
            m.put("id", Value.of(id));
            m.put("region_id", Value.of(id));
            m.put("local_name", DataSources.text(r, "LocalName"));
            out.add(m);
        }
        return out;
    }

    private static List<Map<String, Value>> zones(Api api, ObjectValue config) throws ApiException {
        String resource = DataSources.filter(config, "available_resource_creation");
        String instanceType = DataSources.filter(config, "available_instance_type");
        String disk = DataSources.filter(config, "available_disk_category");
        List<Map<String, Value>> out = new ArrayList<>();
        for (JsonNode z : api.call("DescribeZones").path("Zones").path("Zone")) {
            List<String> resources = strings(z.path("AvailableResourceCreation").path("ResourceTypes"));
            List<String> types = strings(z.path("AvailableInstanceTypes").path("InstanceTypes"));
            List<String> disks = strings(z.path("AvailableDiskCategories").path("DiskCategories"));
            if ((resource != null && !resources.contains(resource))
                    || (instanceType != null && !types.contains(instanceType))
                    || (disk != null && !disk.equals("all") && !disks.contains(disk))) {
                continue;
            }
            Map<String, Value> m = new TreeMap<>();
            m.put("id", Value.of(z.path("ZoneId").asText()));
            m.put("local_name", DataSources.text(z, "LocalName"));
            m.put("available_resource_creation", list(resources));
            m.put("available_instance_types", list(types));
            m.put("available_disk_categories", list(disks));
            m.put("multi_zone_ids", list(List.of()));
            m.put("slb_slave_zone_ids", list(List.of()));
            out.add(m);
        }
        return out;
    }

    private static List<Map<String, Value>> groups(Api api, ObjectValue config) throws ApiException {
        return Filters.of(config, "status", "Status").keep(DataSources.pages(api, "ListResourceGroups",
                "ResourceGroups", "ResourceGroup"), AccountSources::group);
    }

    private static Map<String, Value> group(JsonNode g) {
        Map<String, Value> m = new TreeMap<>();
        m.put("id", Value.of(g.path("Id").asText()));
        m.put("name", DataSources.text(g, "Name"));
        m.put("resource_group_name", DataSources.text(g, "Name"));
        m.put("display_name", DataSources.text(g, "DisplayName"));
        m.put("account_id", DataSources.text(g, "AccountId"));
        m.put("status", DataSources.text(g, "Status"));
        m.put("region_statuses", new ListValue(Shapes.object("region_id", Type.STRING, "status", Type.STRING),
                List.of()));
        return m;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Value list(List<String> values) {
        return new ListValue(Type.STRING, values.stream().map(Value::of).toList());
    }
}
