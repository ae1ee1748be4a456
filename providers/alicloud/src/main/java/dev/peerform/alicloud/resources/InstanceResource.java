package dev.peerform.alicloud.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.alicloud.transport.Api;
import dev.peerform.alicloud.transport.ApiException;
import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.Schema;
import dev.peerform.spi.StepContext;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.SetValue;
import dev.peerform.value.StringValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code alicloud_instance}, only as far as it decides the network: its vswitch, its security groups and its
 * private address (the cloud assigns a free one of the vswitch's range when none is given). Image, type and every
 * other official argument and block (disks, spot, renewal, metadata options...) are kept as configured, not modelled,
 * so that the documented examples run unchanged. Groups change in place (JoinSecurityGroup,
 * LeaveSecurityGroup); delete is DeleteInstance with Force.
 */
public final class InstanceResource extends RenamableResource {

    public static final String TYPE = "alicloud_instance";

    static final OfficialSchema OFFICIAL = new OfficialSchema()
            .attr("id", Type.STRING, "C")
            .deprecated("allocate_public_ip", Type.BOOL, "O", "Field `allocate_public_ip` has been deprecated from "
                    + "provider version 1.7.0. Setting  `internet_max_bandwidth_out` larger than 0 will allocate "
                    + "public ip for instance.")
            .attr("availability_zone", Type.STRING, "OCF")
            .attr("enable_jumbo_frame", Type.BOOL, "OC")
            .attr("host_name", Type.STRING, "OC")
            .attr("image_id", Type.STRING, "OC")
            .attr("instance_charge_type", Type.STRING, "OC")
            .attr("instance_name", Type.STRING, "OC")
            .attr("instance_type", Type.STRING, "OC")
            .attr("internet_charge_type", Type.STRING, "OC")
            .deprecated("internet_max_bandwidth_in", Type.NUMBER, "OC", "The attribute is invalid and no any affect "
                    + "for the instance. So it has been deprecated since version v1.121.2.")
            .attr("internet_max_bandwidth_out", Type.NUMBER, "OC")
            .attr("ipv6_address_count", Type.NUMBER, "OCF")
            .attr("ipv6_addresses", Type.set(Type.STRING), "OC")
            .attr("launch_template_id", Type.STRING, "OF")
            .attr("launch_template_name", Type.STRING, "OF")
            .attr("network_card_index", Type.NUMBER, "OCF")
            .attr("network_interface_id", Type.STRING, "OCF")
            .attr("network_interface_traffic_mode", Type.STRING, "OCF")
            .attr("primary_ip_address", Type.STRING, "C")
            .attr("private_ip", Type.STRING, "OC")
            .attr("public_ip", Type.STRING, "C")
            .attr("queue_pair_number", Type.NUMBER, "OCF")
            .attr("secondary_private_ip_address_count", Type.NUMBER, "OC")
            .attr("secondary_private_ips", Type.set(Type.STRING), "OC")
            .attr("security_groups", Type.set(Type.STRING), "OC")
            .attr("source_dest_check", Type.BOOL, "OCF")
            .attr("status", Type.STRING, "OC")
            .attr("subnet_id", Type.STRING, "OC")
            .attr("tags", Type.map(Type.STRING), "O")
            .attr("vpc_id", Type.STRING, "OC")
            .attr("vswitch_id", Type.STRING, "OC")
            .attr("auto_release_time", Type.STRING, "O")
            .attr("auto_renew_period", Type.NUMBER, "O", Value.of(1))
            .attr("cpu", Type.NUMBER, "C")
            .attr("create_time", Type.STRING, "C")
            .attr("credit_specification", Type.STRING, "OC")
            .attr("dedicated_host_id", Type.STRING, "OF")
            .attr("deletion_protection", Type.BOOL, "O")
            .attr("deployment_set_group_no", Type.STRING, "C")
            .attr("deployment_set_id", Type.STRING, "O")
            .attr("description", Type.STRING, "OC")
            .attr("dry_run", Type.BOOL, "O", Value.of(false))
            .attr("enable_high_density_mode", Type.BOOL, "O")
            .attr("expired_time", Type.STRING, "C")
            .attr("force_delete", Type.BOOL, "O", Value.of(false))
            .attr("hpc_cluster_id", Type.STRING, "OF")
            .attr("http_endpoint", Type.STRING, "OC")
            .attr("http_put_response_hop_limit", Type.NUMBER, "OCF")
            .attr("http_tokens", Type.STRING, "OC")
            .attr("include_data_disks", Type.BOOL, "O", Value.of(true))
            .attr("io_optimized", Type.STRING, "OC")
            .attr("is_outdated", Type.BOOL, "O")
            .attr("key_name", Type.STRING, "OC")
            .attr("kms_encrypted_password", Type.STRING, "O")
            .attr("kms_encryption_context", Type.map(Type.STRING), "O")
            .attr("launch_template_version", Type.STRING, "OF")
            .attr("maintenance_action", Type.STRING, "OC")
            .attr("maintenance_notify", Type.BOOL, "O")
            .attr("memory", Type.NUMBER, "C")
            .attr("operator_type", Type.STRING, "O")
            .attr("os_name", Type.STRING, "C")
            .attr("os_type", Type.STRING, "C")
            .attr("password", Type.STRING, "OS")
            .attr("password_inherit", Type.BOOL, "O")
            .attr("period", Type.NUMBER, "OC")
            .attr("period_unit", Type.STRING, "O", Value.of("Month"))
            .attr("private_pool_options_id", Type.STRING, "OC")
            .attr("private_pool_options_match_criteria", Type.STRING, "OC")
            .attr("renewal_status", Type.STRING, "O", Value.of("RenewNormal"))
            .attr("resource_group_id", Type.STRING, "OC")
            .deprecated("role_name", Type.STRING, "OC", "Field `role_name` has been deprecated from provider version 1.275.0. "
                    + "New resource `alicloud_ecs_ram_role_attachment` instead.")
            .attr("security_enhancement_strategy", Type.STRING, "OCF")
            .attr("spot_duration", Type.NUMBER, "OC")
            .attr("spot_interruption_behavior", Type.STRING, "OCF")
            .attr("spot_price_limit", Type.NUMBER, "OCF")
            .attr("spot_strategy", Type.STRING, "OCF")
            .attr("start_time", Type.STRING, "C")
            .attr("stopped_mode", Type.STRING, "OC")
            .attr("system_disk_auto_snapshot_policy_id", Type.STRING, "OC")
            .attr("system_disk_bursting_enabled", Type.BOOL, "O")
            .attr("system_disk_category", Type.STRING, "OCF")
            .attr("system_disk_description", Type.STRING, "OC")
            .attr("system_disk_encrypt_algorithm", Type.STRING, "OF")
            .attr("system_disk_encrypted", Type.BOOL, "OCF")
            .attr("system_disk_id", Type.STRING, "C")
            .attr("system_disk_kms_key_id", Type.STRING, "OCF")
            .attr("system_disk_name", Type.STRING, "OC")
            .attr("system_disk_performance_level", Type.STRING, "OC")
            .attr("system_disk_provisioned_iops", Type.NUMBER, "O")
            .attr("system_disk_size", Type.NUMBER, "OC")
            .attr("system_disk_storage_cluster_id", Type.STRING, "OF")
            .attr("user_data", Type.STRING, "O")
            .attr("volume_tags", Type.map(Type.STRING), "OC")
            .block("cpu_options", Schema.Nesting.LIST, 1, new OfficialSchema()
                    .attr("core_count", Type.NUMBER, "OC")
                    .attr("threads_per_core", Type.NUMBER, "OC")
                    .attr("topology_type", Type.STRING, "OC"))
            .block("data_disks", Schema.Nesting.LIST, 16, new OfficialSchema()
                    .attr("name", Type.STRING, "OF")
                    .attr("size", Type.NUMBER, "RF")
                    .attr("category", Type.STRING, "OF", Value.of("cloud_efficiency"))
                    .attr("encrypted", Type.BOOL, "OF", Value.of(false))
                    .attr("kms_key_id", Type.STRING, "O")
                    .attr("snapshot_id", Type.STRING, "OF")
                    .attr("auto_snapshot_policy_id", Type.STRING, "OF")
                    .attr("delete_with_instance", Type.BOOL, "OF", Value.of(true))
                    .attr("description", Type.STRING, "OF")
                    .attr("performance_level", Type.STRING, "OC")
                    .attr("device", Type.STRING, "OF")
                    .attr("provisioned_iops", Type.NUMBER, "OF")
                    .attr("bursting_enabled", Type.BOOL, "OF"))
            .block("image_options", Schema.Nesting.SET, 1, new OfficialSchema()
                    .attr("login_as_non_root", Type.BOOL, "OF"))
            .block("maintenance_time", Schema.Nesting.SET, 1, new OfficialSchema()
                    .attr("start_time", Type.STRING, "O")
                    .attr("end_time", Type.STRING, "O"))
            .block("network_interfaces", Schema.Nesting.LIST, 0, new OfficialSchema()
                    .attr("network_interface_id", Type.STRING, "OCF")
                    .attr("vswitch_id", Type.STRING, "OCF")
                    .attr("network_interface_traffic_mode", Type.STRING, "OCF")
                    .attr("network_card_index", Type.NUMBER, "OCF")
                    .attr("queue_pair_number", Type.NUMBER, "OCF")
                    .attr("source_dest_check", Type.BOOL, "OCF")
                    .attr("security_group_ids", Type.list(Type.STRING), "OCF"))
            .timeouts("create", "10m", "update", "10m", "delete", "20m");

    private static final Schema SCHEMA = OFFICIAL.build();

    public InstanceResource() {
        super(TYPE, SCHEMA, OFFICIAL, "instance", "instance_name", "security_groups");
    }

    @Override
    public void validate(ObjectValue config, Diagnostics diags) {
        OfficialSchema.warnDeprecated(config, OFFICIAL.deprecations(), diags);
        if (ObjectValues.str(config, "vswitch_id") != null && ObjectValues.str(config, "subnet_id") != null) {
            diags.errorOn("subnet_id", "Conflicting configuration arguments", "\"subnet_id\": conflicts with "
                    + "vswitch_id");
        }
    }

    @Override
    ObjectValue create(Api api, StepContext ctx, ObjectValue current) throws ApiException {
        List<String> kv = new ArrayList<>(List.of("ImageId", nz(ObjectValues.str(current, "image_id")),
                "InstanceType", nz(ObjectValues.str(current, "instance_type")), "VSwitchId", nz(vswitch(current)),
                "ClientToken", ctx.clientToken()));
        add(kv, "ZoneId", ObjectValues.str(current, "availability_zone"));
        add(kv, "PrivateIpAddress", ObjectValues.str(current, "private_ip"));
        add(kv, "InstanceName", ObjectValues.str(current, "instance_name"));
        add(kv, "InstanceChargeType", ObjectValues.str(current, "instance_charge_type"));
        List<String> groups = groups(current);
        for (int i = 0; i < groups.size(); i++) {
            kv.add("SecurityGroupIds." + (i + 1));
            kv.add(groups.get(i));
        }
        JsonNode r = api.call("RunInstances", kv.toArray(String[]::new));
        String id = r.path("InstanceIdSet").path("InstanceIdSets").path(0).asText();
        return read(api, List.of(ObjectValues.with(current, "id", id))).get(0);
    }

    /** Name and the other stored arguments live in state; the groups are joined and left to match. */
    @Override
    void rename(Api api, ObjectValue current) throws ApiException {
        String id = ObjectValues.str(current, "id");
        JsonNode now = describe(api, id);
        if (now == null) {
            return;
        }
        List<String> have = new ArrayList<>();
        now.path("SecurityGroupIds").path("SecurityGroupId").forEach(g -> have.add(g.asText()));
        List<String> want = groups(current);
        for (String g : want) {
            if (!have.contains(g)) {
                api.call("JoinSecurityGroup", "InstanceId", id, "SecurityGroupId", g);
            }
        }
        for (String g : have) {
            if (!want.contains(g)) {
                api.call("LeaveSecurityGroup", "InstanceId", id, "SecurityGroupId", g);
            }
        }
    }

    @Override
    void delete(Api api, ObjectValue current) throws ApiException {
        Calls.deleteIgnoringNotFound(api, "DeleteInstance", "InstanceId", ObjectValues.str(current, "id"), "Force",
                "true");
    }

    @Override
    public List<ObjectValue> read(Api api, List<ObjectValue> priors) throws ApiException {
        return CloudResource.readByIds(api, priors, "id", 1, CloudResource.oneAtATime(InstanceResource::describe),
                InstanceResource::fromApi);
    }

    private static JsonNode describe(Api api, String id) throws ApiException {
        JsonNode list = api.call("DescribeInstances", "InstanceIds", "[\"" + id + "\"]").path("Instances")
                .path("Instance");
        return list.size() == 0 ? null : list.get(0);
    }

    private static ObjectValue fromApi(JsonNode i, ObjectValue prior) {
        Map<String, Value> m = new HashMap<>(prior == null ? Map.of() : prior.attributes());
        String ip = i.path("VpcAttributes").path("PrivateIpAddress").path("IpAddress").path(0).asText();
        String vswitch = i.path("VpcAttributes").path("VSwitchId").asText();
        List<Value> groups = new ArrayList<>();
        i.path("SecurityGroupIds").path("SecurityGroupId").forEach(g -> groups.add(Value.of(g.asText())));
        m.put("id", Value.of(i.path("InstanceId").asText()));
        m.put("private_ip", Value.of(ip));
        m.put("primary_ip_address", Value.of(ip));
        m.put("vswitch_id", Value.of(vswitch));
        m.put("subnet_id", Value.of(vswitch));
        m.put("vpc_id", Value.of(i.path("VpcAttributes").path("VpcId").asText()));
        m.put("availability_zone", Value.of(i.path("ZoneId").asText()));
        m.put("security_groups", new SetValue(Type.STRING, groups));
        m.put("status", Value.of(i.path("Status").asText()));
        m.put("image_id", Value.of(i.path("ImageId").asText()));
        m.put("instance_type", Value.of(i.path("InstanceType").asText()));
        m.put("instance_name", ObjectValues.strOrNull(Answers.text(i, "InstanceName")));
        m.put("instance_charge_type", Value.of(i.path("InstanceChargeType").asText("PostPaid")));
        ObjectValue read = ObjectValues.complete(new ObjectValue(m), SCHEMA);
        return ObjectValues.settled(prior == null ? ObjectValues.imported(read, SCHEMA) : read);
    }

    @Override
    public ObjectValue importById(Api api, String id, Diagnostics diags) throws ApiException {
        return CloudResource.importById(api, id, CloudResource.oneAtATime(InstanceResource::describe),
                InstanceResource::fromApi);
    }

    private static String vswitch(ObjectValue o) {
        String v = ObjectValues.str(o, "vswitch_id");
        return v != null ? v : ObjectValues.str(o, "subnet_id");
    }

    /** The configured groups (a set of strings), in their order. */
    static List<String> groups(ObjectValue o) {
        List<String> out = new ArrayList<>();
        Value v = o.get("security_groups");
        if (v != null && v.isKnown() && !v.isNull() && v.unmarked() instanceof SetValue s) {
            for (Value e : s.elements()) {
                if (e.unmarked() instanceof StringValue str) {
                    out.add(str.value());
                }
            }
        }
        return out;
    }

    private static void add(List<String> kv, String key, String value) {
        if (value != null) {
            kv.add(key);
            kv.add(value);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
