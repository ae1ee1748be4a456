package dev.peerform.alicloud.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.alicloud.transport.Api;
import dev.peerform.alicloud.transport.ApiException;
import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.PlannedInstance;
import dev.peerform.spi.Schema;
import dev.peerform.spi.StepContext;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code alicloud_vswitch}: a subnet of a VPC in one zone, with the official provider's schema. The name and the
 * description change in place (ModifyVSwitchAttribute); the block, the VPC and the zone replace it. The deprecated
 * {@code name} and {@code availability_zone} mirror {@code vswitch_name} and {@code zone_id}. IPv6 and tags are kept
 * in state as configured and echoed back.
 */
public final class VSwitchResource extends RenamableResource {

    public static final String TYPE = "alicloud_vswitch";

    static final OfficialSchema OFFICIAL = new OfficialSchema()
            .attr("id", Type.STRING, "C")
            .deprecated("availability_zone", Type.STRING, "OCF", "Field 'availability_zone' has been deprecated "
                    + "from provider version 1.119.0. New field 'zone_id' instead.")
            .attr("cidr_block", Type.STRING, "OCF")
            .attr("create_time", Type.STRING, "C")
            .attr("description", Type.STRING, "O")
            .attr("enable_ipv6", Type.BOOL, "OC")
            .attr("ipv6_cidr_block", Type.STRING, "C")
            .attr("ipv6_cidr_block_mask", Type.NUMBER, "OC")
            .attr("is_default", Type.BOOL, "OCF")
            .deprecated("name", Type.STRING, "OC", "Field 'name' has been deprecated from provider version 1.119.0. "
                    + "New field 'vswitch_name' instead.")
            .attr("status", Type.STRING, "C")
            .attr("tags", Type.map(Type.STRING), "O")
            .attr("vpc_id", Type.STRING, "OCF")
            .attr("vpc_ipv6_cidr_block", Type.STRING, "O")
            .attr("vswitch_name", Type.STRING, "OC")
            .attr("zone_id", Type.STRING, "OCF")
            .timeouts("create", "5m", "update", "5m", "delete", "10m");

    private static final Schema SCHEMA = OFFICIAL.build();
    /** Pairs of one value under two names: the current one and its deprecated twin. */
    private static final Map<String, String> TWINS = Map.of("vswitch_name", "name", "zone_id", "availability_zone");

    public VSwitchResource() {
        super(TYPE, SCHEMA, OFFICIAL, "vSwitch", "vswitch_name", "name");
    }

    @Override
    public void validate(ObjectValue config, Diagnostics diags) {
        OfficialSchema.warnDeprecated(config, OFFICIAL.deprecations(), diags);
        Checks.cidr(config, "cidr_block", diags);
        if (set(config, "name") && set(config, "vswitch_name")) {
            diags.errorOn("vswitch_name", "Conflicting configuration arguments",
                    "\"vswitch_name\": conflicts with name");
        }
        boolean zone = set(config, "zone_id");
        boolean legacy = set(config, "availability_zone");
        if (zone && legacy) {
            diags.errorOn("zone_id", "Invalid combination of arguments",
                    "\"zone_id\": only one of `availability_zone,zone_id` can be specified, but `availability_zone,"
                    + "zone_id` were specified.");
        } else if (!zone && !legacy) {
            diags.errorOn("zone_id", "Invalid combination of arguments",
                    "\"zone_id\": one of `availability_zone,zone_id` must be specified");
        }
    }

    /** Set in the configuration, known or not. */
    private static boolean set(ObjectValue config, String name) {
        Value v = config.get(name);
        return v != null && !v.isNull();
    }

    /** Each of a pair fills the other when only one is configured, so neither shows "known after apply". */
    @Override
    public PlannedInstance plan(ObjectValue prior, ObjectValue config) {
        PlannedInstance p = PlannedInstance.fromSchema(SCHEMA, prior, config);
        Map<String, Value> planned = new TreeMap<>(p.planned().attributes());
        TWINS.forEach((current, deprecated) -> {
            Value a = config.get(current);
            Value b = config.get(deprecated);
            if (a != null && !a.isNull() && (b == null || b.isNull())) {
                planned.put(deprecated, a);
            } else if (b != null && !b.isNull() && (a == null || a.isNull())) {
                planned.put(current, b);
            }
        });
        return new PlannedInstance(new ObjectValue(planned), p.requiresReplace());
    }

    @Override
    ObjectValue create(Api api, StepContext ctx, ObjectValue current) throws ApiException {
        String zone = zone(current);
        String name = name(current);
        JsonNode r = api.call("CreateVSwitch", "VpcId", ObjectValues.str(current, "vpc_id"), "ZoneId", zone,
                "CidrBlock", ObjectValues.str(current, "cidr_block"), "VSwitchName", name, "Description",
                ObjectValues.str(current, "description"), "ClientToken", ctx.clientToken());
        String id = r.get("VSwitchId").asText();
        JsonNode s = api.call("DescribeVSwitchAttributes", "VSwitchId", id);
        return fromApi(s, ObjectValues.with(current, "id", id));
    }

    @Override
    void rename(Api api, ObjectValue current) throws ApiException {
        api.call("ModifyVSwitchAttribute", "VSwitchId", ObjectValues.str(current, "id"), "VSwitchName",
                name(current), "Description", ObjectValues.str(current, "description"));
    }

    @Override
    void delete(Api api, ObjectValue current) throws ApiException {
        Calls.deleteIgnoringNotFound(api, "DeleteVSwitch", "VSwitchId", ObjectValues.str(current, "id"));
    }

    @Override
    public List<ObjectValue> read(Api api, List<ObjectValue> priors) throws ApiException {
        return api.reads().all(priors, p -> describe(api, ObjectValues.str(p, "id"), p));
    }

    @Override
    public ObjectValue importById(Api api, String id, Diagnostics diags) throws ApiException {
        return describe(api, id, null);
    }

    /** The vSwitch as the cloud has it, or null when it is gone. */
    private static ObjectValue describe(Api api, String id, ObjectValue prior) throws ApiException {
        try {
            return fromApi(api.call("DescribeVSwitchAttributes", "VSwitchId", id), prior);
        } catch (ApiException e) {
            if (e.isNotFound()) {
                return null;
            }
            throw e;
        }
    }

    private static String zone(ObjectValue o) {
        String z = ObjectValues.str(o, "zone_id");
        return z != null ? z : ObjectValues.str(o, "availability_zone");
    }

    private static String name(ObjectValue o) {
        String n = ObjectValues.str(o, "vswitch_name");
        return n != null ? n : ObjectValues.str(o, "name");
    }

    /** The state as the cloud has it; what the emulator does not model keeps its prior (configured) value. */
    private static ObjectValue fromApi(JsonNode s, ObjectValue prior) {
        Map<String, Value> m = new HashMap<>(prior == null ? Map.of() : prior.attributes());
        String name = Answers.text(s, "VSwitchName");
        m.put("id", Value.of(s.get("VSwitchId").asText()));
        m.put("vpc_id", Value.of(s.get("VpcId").asText()));
        m.put("zone_id", Value.of(s.get("ZoneId").asText()));
        m.put("availability_zone", Value.of(s.get("ZoneId").asText()));
        m.put("cidr_block", Value.of(s.get("CidrBlock").asText()));
        m.put("vswitch_name", ObjectValues.strOrNull(name));
        m.put("name", ObjectValues.strOrNull(name));
        m.put("status", Value.of(s.get("Status").asText()));
        m.put("create_time", ObjectValues.strOrNull(Answers.text(s, "CreationTime")));
        String description = Answers.text(s, "Description");
        if (description != null || prior == null) {
            m.put("description", ObjectValues.strOrNull(description));
        }
        if (prior == null) {
            m.put("is_default", Value.of(s.path("IsDefault").asBoolean()));
        }
        return ObjectValues.settled(ObjectValues.complete(new ObjectValue(m), SCHEMA));
    }
}
