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

/** {@code alicloud_express_connect_virtual_border_router}: a VBR on a physical connection. */
public final class VbrResource extends RenamableResource {

    public static final String TYPE = "alicloud_express_connect_virtual_border_router";

    private static final Schema SCHEMA = Schema.builder()
            .attribute("id", AttributeSchema.computed(Type.STRING))
            .attribute("physical_connection_id", AttributeSchema.required(Type.STRING).forcesNew())
            .attribute("vlan_id", AttributeSchema.required(Type.NUMBER).forcesNew())
            .attribute("local_gateway_ip", AttributeSchema.required(Type.STRING).forcesNew())
            .attribute("peer_gateway_ip", AttributeSchema.required(Type.STRING).forcesNew())
            .attribute("peering_subnet_mask", AttributeSchema.required(Type.STRING).forcesNew())
            .attribute("virtual_border_router_name", AttributeSchema.optional(Type.STRING).alsoComputed())
            .attribute("route_table_id", AttributeSchema.computed(Type.STRING))
            .attribute("status", AttributeSchema.computed(Type.STRING))
            .build();

    public VbrResource() {
        super(TYPE, SCHEMA, "VBR");
    }

    @Override
    public void validate(ObjectValue config, Diagnostics diags) {
        Integer vlan = ObjectValues.integer(config, "vlan_id");
        if (vlan != null && (vlan < 0 || vlan > 2999)) {
            diags.errorOn("vlan_id", "Invalid VLAN id", "vlan_id must be between 0 and 2999; " + vlan + " is not.");
        }
        Checks.name(config, "virtual_border_router_name", diags);
    }

    @Override
    ObjectValue create(Api api, StepContext ctx, ObjectValue current) throws ApiException {
        JsonNode r = api.call("CreateVirtualBorderRouter", "PhysicalConnectionId",
                ObjectValues.str(current, "physical_connection_id"), "VlanId", ObjectValues.str(current, "vlan_id"),
                "LocalGatewayIp", ObjectValues.str(current, "local_gateway_ip"), "PeerGatewayIp",
                ObjectValues.str(current, "peer_gateway_ip"), "PeeringSubnetMask",
                ObjectValues.str(current, "peering_subnet_mask"), "Name",
                ObjectValues.str(current, "virtual_border_router_name"), "ClientToken", ctx.clientToken());
        String id = r.get("VbrId").asText();
        JsonNode described = describe(api, List.of(id)).get(id);
        return ObjectValues.with(current, "id", id, "route_table_id", described.get("RouteTableId").asText(),
                "status", described.get("Status").asText(), "virtual_border_router_name",
                ObjectValues.str(current, "virtual_border_router_name"));
    }

    @Override
    void rename(Api api, ObjectValue current) throws ApiException {
        api.call("ModifyVirtualBorderRouterAttribute", "VbrId", ObjectValues.str(current, "id"), "Name",
                ObjectValues.str(current, "virtual_border_router_name"));
    }

    @Override
    void delete(Api api, ObjectValue current) throws ApiException {
        Calls.deleteIgnoringNotFound(api, "DeleteVirtualBorderRouter", "VbrId", ObjectValues.str(current, "id"));
    }

    private static Map<String, JsonNode> describe(Api api, List<String> ids) throws ApiException {
        return Calls.describeByIds(api, "DescribeVirtualBorderRouters", "VbrId", ids, "VirtualBorderRouterSet",
                "VirtualBorderRouterType", "VbrId");
    }

    @Override
    public List<ObjectValue> read(Api api, List<ObjectValue> priors) throws ApiException {
        Map<String, JsonNode> found = describe(api, priors.stream().map(p -> ObjectValues.str(p, "id")).toList());
        List<ObjectValue> out = new ArrayList<>();
        for (ObjectValue p : priors) {
            JsonNode v = found.get(ObjectValues.str(p, "id"));
            out.add(v == null ? null : fromApi(v));
        }
        return out;
    }

    private static ObjectValue fromApi(JsonNode v) {
        Map<String, Value> m = new HashMap<>();
        m.put("id", Value.of(v.get("VbrId").asText()));
        m.put("physical_connection_id", Value.of(v.get("PhysicalConnectionId").asText()));
        m.put("vlan_id", Value.of(v.get("VlanId").asInt()));
        m.put("local_gateway_ip", Value.of(v.get("LocalGatewayIp").asText()));
        m.put("peer_gateway_ip", Value.of(v.get("PeerGatewayIp").asText()));
        m.put("peering_subnet_mask", Value.of(v.get("PeeringSubnetMask").asText()));
        m.put("virtual_border_router_name", ObjectValues.strOrNull(Answers.text(v, "Name")));
        m.put("route_table_id", Value.of(v.get("RouteTableId").asText()));
        m.put("status", Value.of(v.get("Status").asText()));
        return new ObjectValue(m);
    }

    @Override
    public ObjectValue importById(Api api, String id, Diagnostics diags) throws ApiException {
        JsonNode v = describe(api, List.of(id)).get(id);
        return v == null ? null : fromApi(v);
    }
}
