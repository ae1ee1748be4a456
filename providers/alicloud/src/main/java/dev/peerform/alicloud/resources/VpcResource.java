package dev.peerform.alicloud.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.alicloud.transport.Api;
import dev.peerform.alicloud.transport.ApiException;
import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.AttributeSchema;
import dev.peerform.spi.Schema;
import dev.peerform.spi.StepContext;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code alicloud_vpc}: a VPC, its VRouter and its route table. */
public final class VpcResource extends RenamableResource {

    public static final String TYPE = "alicloud_vpc";

    private static final Schema SCHEMA = Schema.builder()
            .attribute("id", AttributeSchema.computed(Type.STRING))
            .attribute("cidr_block", AttributeSchema.required(Type.STRING).forcesNew())
            .attribute("vpc_name", AttributeSchema.optional(Type.STRING).alsoComputed())
            .attribute("router_id", AttributeSchema.computed(Type.STRING))
            .attribute("route_table_id", AttributeSchema.computed(Type.STRING))
            .attribute("status", AttributeSchema.computed(Type.STRING))
            .build();

    public VpcResource() {
        super(TYPE, SCHEMA, "VPC");
    }

    @Override
    public void validate(ObjectValue config, Diagnostics diags) {
        Checks.cidr(config, "cidr_block", diags);
        Checks.name(config, "vpc_name", diags);
    }

    @Override
    ObjectValue create(Api api, StepContext ctx, ObjectValue current) throws ApiException {
        JsonNode r = api.call("CreateVpc", "CidrBlock", ObjectValues.str(current, "cidr_block"), "VpcName",
                ObjectValues.str(current, "vpc_name"), "ClientToken", ctx.clientToken());
        return ObjectValues.with(current, "id", r.get("VpcId").asText(), "router_id", r.get("VRouterId").asText(),
                "route_table_id", r.get("RouteTableId").asText(), "status", "Available", "vpc_name",
                ObjectValues.str(current, "vpc_name"));
    }

    @Override
    void rename(Api api, ObjectValue current) throws ApiException {
        api.call("ModifyVpcAttribute", "VpcId", ObjectValues.str(current, "id"), "VpcName",
                ObjectValues.str(current, "vpc_name"));
    }

    @Override
    void delete(Api api, ObjectValue current) throws ApiException {
        Calls.deleteIgnoringNotFound(api, "DeleteVpc", "VpcId", ObjectValues.str(current, "id"));
    }

    @Override
    public List<ObjectValue> read(Api api, List<ObjectValue> priors) throws ApiException {
        Map<String, JsonNode> found = new HashMap<>();
        for (int i = 0; i < priors.size(); i += 50) {
            List<String> ids = new ArrayList<>();
            for (ObjectValue p : priors.subList(i, Math.min(priors.size(), i + 50))) {
                ids.add(ObjectValues.str(p, "id"));
            }
            JsonNode r = api.call("DescribeVpcs", "VpcId", String.join(",", ids), "PageSize", "50");
            r.path("Vpcs").path("Vpc").forEach(v -> found.put(v.get("VpcId").asText(), v));
        }
        List<ObjectValue> out = new ArrayList<>();
        for (ObjectValue p : priors) {
            JsonNode v = found.get(ObjectValues.str(p, "id"));
            out.add(v == null ? null : fromApi(v));
        }
        return out;
    }

    private static ObjectValue fromApi(JsonNode v) {
        Map<String, Value> m = new HashMap<>();
        m.put("id", Value.of(v.get("VpcId").asText()));
        m.put("cidr_block", Value.of(v.get("CidrBlock").asText()));
        m.put("vpc_name", ObjectValues.strOrNull(Answers.text(v, "VpcName")));
        m.put("router_id", Value.of(v.get("VRouterId").asText()));
        m.put("route_table_id", Value.of(v.path("RouterTableIds").path("RouterTableIds").path(0).asText()));
        m.put("status", Value.of(v.get("Status").asText()));
        return new ObjectValue(m);
    }

    @Override
    public ObjectValue importById(Api api, String id, Diagnostics diags) throws ApiException {
        JsonNode r = api.call("DescribeVpcs", "VpcId", id);
        JsonNode v = r.path("Vpcs").path("Vpc").path(0);
        return v.isMissingNode() ? null : fromApi(v);
    }
}
