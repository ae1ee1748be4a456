package dev.peerform.alicloud.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.vpcapi.domain.Limits;
import dev.peerform.alicloud.transport.Api;
import dev.peerform.alicloud.transport.ApiException;
import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.Schema;
import dev.peerform.spi.StepContext;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code alicloud_express_connect_virtual_border_router}: a VBR on a physical connection, with the official
 * provider's schema. Only the physical connection replaces it; the VLAN, the peering addresses and the name change in
 * place (ModifyVirtualBorderRouterAttribute). Bandwidth, BFD timers, MTU, IPv6, tags and the rest are kept in state
 * as configured and echoed back (the emulator does not model them).
 */
public final class VbrResource extends RenamableResource {

    public static final String TYPE = "alicloud_express_connect_virtual_border_router";

    static final OfficialSchema OFFICIAL = new OfficialSchema()
            .attr("id", Type.STRING, "C")
            .deprecated("associated_physical_connections", Type.STRING, "O", "Field `associated_physical_connections` "
                    + "has been deprecated from provider version 1.263.0. Please use the resource "
                    + "`alicloud_express_connect_vbr_pconn_association` instead.")
            .attr("bandwidth", Type.NUMBER, "OC")
            .attr("circuit_code", Type.STRING, "O")
            .attr("create_time", Type.STRING, "C")
            .attr("description", Type.STRING, "O")
            .attr("detect_multiplier", Type.NUMBER, "OC")
            .attr("enable_ipv6", Type.BOOL, "O")
            .attr("include_cross_account_vbr", Type.BOOL, "O")
            .attr("local_gateway_ip", Type.STRING, "R")
            .attr("local_ipv6_gateway_ip", Type.STRING, "O")
            .attr("min_rx_interval", Type.NUMBER, "OC")
            .attr("min_tx_interval", Type.NUMBER, "OC")
            .attr("mtu", Type.NUMBER, "OC")
            .attr("peer_gateway_ip", Type.STRING, "R")
            .attr("peer_ipv6_gateway_ip", Type.STRING, "O")
            .attr("peering_ipv6_subnet_mask", Type.STRING, "O")
            .attr("peering_subnet_mask", Type.STRING, "R")
            .attr("physical_connection_id", Type.STRING, "RF")
            .attr("resource_group_id", Type.STRING, "OC")
            .attr("route_table_id", Type.STRING, "C")
            .attr("sitelink_enable", Type.BOOL, "O")
            .attr("status", Type.STRING, "OC")
            .attr("tags", Type.map(Type.STRING), "O")
            .attr("vbr_owner_id", Type.STRING, "O")
            .attr("virtual_border_router_name", Type.STRING, "O")
            .attr("vlan_id", Type.NUMBER, "R")
            .timeouts("create", "5m", "update", "5m", "delete", "5m");

    private static final Schema SCHEMA = OFFICIAL.build();

    public VbrResource() {
        super(TYPE, SCHEMA, OFFICIAL, "VBR", "virtual_border_router_name");
    }

    @Override
    public void validate(ObjectValue config, Diagnostics diags) {
        OfficialSchema.warnDeprecated(config, OFFICIAL.deprecations(), diags);
        Integer vlan = ObjectValues.integer(config, "vlan_id");
        if (vlan != null && (vlan < 0 || vlan > 2999)) {
            diags.errorOn("vlan_id", "Invalid VLAN id", "vlan_id must be between 0 and 2999; " + vlan + " is not.");
        }
        Integer mtu = ObjectValues.integer(config, "mtu");
        if (mtu != null && mtu != 0 && mtu != 1500 && mtu != 8500) {
            diags.errorOn("mtu", "Invalid value for mtu", "expected mtu to be one of [0 1500 8500], got " + mtu);
        }
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
        return ObjectValues.settled(ObjectValues.with(current, "id", id, "route_table_id",
                described.get("RouteTableId").asText(), "status", described.get("Status").asText()));
    }

    @Override
    void rename(Api api, ObjectValue current) throws ApiException {
        api.call("ModifyVirtualBorderRouterAttribute", "VbrId", ObjectValues.str(current, "id"), "Name",
                ObjectValues.str(current, "virtual_border_router_name"), "VlanId",
                ObjectValues.str(current, "vlan_id"), "LocalGatewayIp", ObjectValues.str(current, "local_gateway_ip"),
                "PeerGatewayIp", ObjectValues.str(current, "peer_gateway_ip"), "PeeringSubnetMask",
                ObjectValues.str(current, "peering_subnet_mask"), "Description",
                ObjectValues.str(current, "description"));
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
        return CloudResource.readByIds(api, priors, "id", Limits.MAX_PAGE_SIZE, VbrResource::describe,
                VbrResource::fromApi);
    }

    /** The state as the cloud has it; what the emulator does not model keeps its prior (configured) value. */
    private static ObjectValue fromApi(JsonNode v, ObjectValue prior) {
        Map<String, Value> m = new HashMap<>(prior == null ? Map.of() : prior.attributes());
        m.put("id", Value.of(v.get("VbrId").asText()));
        m.put("physical_connection_id", Value.of(v.get("PhysicalConnectionId").asText()));
        m.put("vlan_id", Value.of(v.get("VlanId").asInt()));
        m.put("local_gateway_ip", Value.of(v.get("LocalGatewayIp").asText()));
        m.put("peer_gateway_ip", Value.of(v.get("PeerGatewayIp").asText()));
        m.put("peering_subnet_mask", Value.of(v.get("PeeringSubnetMask").asText()));
        m.put("virtual_border_router_name", ObjectValues.strOrNull(Answers.text(v, "Name")));
        m.put("route_table_id", Value.of(v.get("RouteTableId").asText()));
        m.put("status", Value.of(v.get("Status").asText()));
        return ObjectValues.settled(ObjectValues.complete(new ObjectValue(m), SCHEMA));
    }

    @Override
    public ObjectValue importById(Api api, String id, Diagnostics diags) throws ApiException {
        return CloudResource.importById(api, id, VbrResource::describe, VbrResource::fromApi);
    }
}
