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
 * {@code alicloud_security_group}: a VPC security group (ECS API), with the official provider's schema. Name,
 * description and the inner access policy change in place; what reach does not model (tags, resource group) is
 * kept as configured. Its rules are {@code alicloud_security_group_rule}s, created after it by their reference.
 */
public final class SecurityGroupResource extends RenamableResource {

    public static final String TYPE = "alicloud_security_group";

    static final OfficialSchema OFFICIAL = new OfficialSchema()
            .attr("id", Type.STRING, "C")
            .attr("create_time", Type.STRING, "C")
            .attr("description", Type.STRING, "O")
            .deprecated("inner_access", Type.BOOL, "OC", "Field `inner_access` has been deprecated from provider "
                    + "version 1.55.3. New field `inner_access_policy` instead.")
            .attr("inner_access_policy", Type.STRING, "OC")
            .deprecated("name", Type.STRING, "OC", "Field `name` has been deprecated from provider version "
                    + "1.239.0. New field `security_group_name` instead.")
            .attr("resource_group_id", Type.STRING, "OC")
            .attr("security_group_name", Type.STRING, "OC")
            .attr("security_group_type", Type.STRING, "OCF")
            .attr("tags", Type.map(Type.STRING), "O")
            .attr("vpc_id", Type.STRING, "OCF")
            .timeouts("create", "5m", "update", "5m", "delete", "10m");

    private static final Schema SCHEMA = OFFICIAL.build();

    public SecurityGroupResource() {
        super(TYPE, SCHEMA, OFFICIAL, "security group", "security_group_name", "name", "description", "inner_access_policy");
    }

    @Override
    public void validate(ObjectValue config, Diagnostics diags) {
        OfficialSchema.warnDeprecated(config, OFFICIAL.deprecations(), diags);
        String policy = ObjectValues.str(config, "inner_access_policy");
        if (policy != null && !policy.equals("Accept") && !policy.equals("Drop")) {
            diags.errorOn("inner_access_policy", "Invalid inner_access_policy",
                    "expected inner_access_policy to be one of [Accept Drop], got " + policy);
        }
        String type = ObjectValues.str(config, "security_group_type");
        if (type != null && !type.equals("normal") && !type.equals("enterprise")) {
            diags.errorOn("security_group_type", "Invalid security_group_type",
                    "expected security_group_type to be one of [normal enterprise], got " + type);
        }
        if (policy != null && config.attributes().get("inner_access") != null
                && config.attributes().get("inner_access").isKnown() && !config.attributes().get("inner_access")
                        .isNull()) {
            diags.errorOn("inner_access_policy", "Conflicting configuration arguments",
                    "\"inner_access_policy\": conflicts with inner_access");
        }
    }

    /** {@code name} and {@code security_group_name} are one value, as for the VPC. */
    @Override
    public PlannedInstance plan(ObjectValue prior, ObjectValue config) {
        PlannedInstance p = PlannedInstance.fromSchema(SCHEMA, prior, config);
        Map<String, Value> planned = new TreeMap<>(p.planned().attributes());
        String name = ObjectValues.str(config, "name");
        String groupName = ObjectValues.str(config, "security_group_name");
        if (name != null && groupName == null) {
            planned.put("security_group_name", Value.of(name));
        } else if (groupName != null && name == null) {
            planned.put("name", Value.of(groupName));
        }
        return new PlannedInstance(new ObjectValue(planned), p.requiresReplace());
    }

    @Override
    ObjectValue create(Api api, StepContext ctx, ObjectValue current) throws ApiException {
        String name = ObjectValues.str(current, "security_group_name");
        String type = ObjectValues.str(current, "security_group_type");
        JsonNode r = api.call("CreateSecurityGroup", "VpcId", ObjectValues.str(current, "vpc_id"),
                "SecurityGroupName", name, "Description", ObjectValues.str(current, "description"),
                "SecurityGroupType", type, "ClientToken", ctx.clientToken());
        String id = r.get("SecurityGroupId").asText();
        String policy = ObjectValues.str(current, "inner_access_policy");
        if (policy != null) {
            api.call("ModifySecurityGroupPolicy", "SecurityGroupId", id, "InnerAccessPolicy", policy);
        }
        return read(api, List.of(ObjectValues.with(current, "id", id))).get(0);
    }

    @Override
    void rename(Api api, ObjectValue current) throws ApiException {
        String id = ObjectValues.str(current, "id");
        api.call("ModifySecurityGroupAttribute", "SecurityGroupId", id, "SecurityGroupName",
                ObjectValues.str(current, "security_group_name"), "Description",
                ObjectValues.str(current, "description"));
        String policy = ObjectValues.str(current, "inner_access_policy");
        if (policy != null) {
            api.call("ModifySecurityGroupPolicy", "SecurityGroupId", id, "InnerAccessPolicy", policy);
        }
    }

    @Override
    void delete(Api api, ObjectValue current) throws ApiException {
        Calls.deleteIgnoringNotFound(api, "DeleteSecurityGroup", "SecurityGroupId", ObjectValues.str(current, "id"));
    }

    @Override
    public List<ObjectValue> read(Api api, List<ObjectValue> priors) throws ApiException {
        return api.reads().all(priors, p -> readOne(api, ObjectValues.str(p, "id"), p));
    }

    private static ObjectValue readOne(Api api, String id, ObjectValue prior) throws ApiException {
        JsonNode list = api.call("DescribeSecurityGroups", "SecurityGroupIds", "[\"" + id + "\"]")
                .path("SecurityGroups").path("SecurityGroup");
        if (list.size() == 0) {
            return null;
        }
        JsonNode g = list.get(0);
        JsonNode attr = api.call("DescribeSecurityGroupAttribute", "SecurityGroupId", id, "Direction", "ingress");
        Map<String, Value> m = new HashMap<>(prior == null ? Map.of() : prior.attributes());
        m.put("id", Value.of(id));
        m.put("vpc_id", Value.of(g.path("VpcId").asText()));
        m.put("security_group_name", ObjectValues.strOrNull(Answers.text(g, "SecurityGroupName")));
        m.put("name", ObjectValues.strOrNull(Answers.text(g, "SecurityGroupName")));
        m.put("description", ObjectValues.strOrNull(Answers.text(g, "Description")));
        m.put("security_group_type", Value.of(g.path("SecurityGroupType").asText("normal")));
        m.put("create_time", Value.of(g.path("CreationTime").asText()));
        String policy = attr.path("InnerAccessPolicy").asText("Accept");
        m.put("inner_access_policy", Value.of(policy));
        m.put("inner_access", Value.of(policy.equals("Accept")));
        return ObjectValues.settled(ObjectValues.complete(new ObjectValue(m), SCHEMA));
    }

    @Override
    public ObjectValue importById(Api api, String id, Diagnostics diags) throws ApiException {
        return readOne(api, id, null);
    }
}
