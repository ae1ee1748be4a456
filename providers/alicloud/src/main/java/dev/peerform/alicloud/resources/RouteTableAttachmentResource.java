package dev.peerform.alicloud.resources;

import com.fasterxml.jackson.databind.JsonNode;
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
 * {@code alicloud_route_table_attachment}: a vSwitch routed by a custom table instead of its VPC's system table
 * (AssociateRouteTable; UnassociateRouteTable on delete). Both arguments replace it; its id and import id are
 * {@code <route_table_id>:<vswitch_id>}, as in the official provider.
 */
public final class RouteTableAttachmentResource extends RenamableResource {

    public static final String TYPE = "alicloud_route_table_attachment";

    static final OfficialSchema OFFICIAL = new OfficialSchema()
            .attr("id", Type.STRING, "C")
            .attr("route_table_id", Type.STRING, "RF")
            .attr("status", Type.STRING, "C")
            .attr("vswitch_id", Type.STRING, "RF")
            .timeouts("create", "5m", "delete", "5m");

    private static final Schema SCHEMA = OFFICIAL.build();

    public RouteTableAttachmentResource() {
        super(TYPE, SCHEMA, OFFICIAL, "route table attachment");
    }

    @Override
    public void validate(ObjectValue config, Diagnostics diags) {
    }

    @Override
    ObjectValue create(Api api, StepContext ctx, ObjectValue current) throws ApiException {
        String table = ObjectValues.str(current, "route_table_id");
        String vswitch = ObjectValues.str(current, "vswitch_id");
        api.call("AssociateRouteTable", "RouteTableId", table, "VSwitchId", vswitch, "ClientToken",
                ctx.clientToken());
        return ObjectValues.settled(ObjectValues.with(current, "id", table + ":" + vswitch, "status", "Available"));
    }

    /** Nothing changes in place (both arguments replace); a changed {@code timeouts} block alone calls nothing. */
    @Override
    void rename(Api api, ObjectValue current) {
    }

    @Override
    void delete(Api api, ObjectValue current) throws ApiException {
        Calls.deleteIgnoringNotFound(api, "UnassociateRouteTable", "RouteTableId",
                ObjectValues.str(current, "route_table_id"), "VSwitchId", ObjectValues.str(current, "vswitch_id"),
                "ClientToken", null);
    }

    @Override
    public List<ObjectValue> read(Api api, List<ObjectValue> priors) throws ApiException {
        return api.reads().all(priors, p -> describe(api, ObjectValues.str(p, "route_table_id"),
                ObjectValues.str(p, "vswitch_id"), p));
    }

    @Override
    public ObjectValue importById(Api api, String id, Diagnostics diags) throws ApiException {
        String[] parts = id.split(":");
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            diags.error("Invalid import id", "An alicloud_route_table_attachment is imported as "
                    + "<route_table_id>:<vswitch_id>, not \"" + id + "\".", null);
            return null;
        }
        return describe(api, parts[0], parts[1], null);
    }

    /** The attachment when the table lists the vSwitch among its own; null when either is gone or detached. */
    private static ObjectValue describe(Api api, String table, String vswitch, ObjectValue prior)
            throws ApiException {
        JsonNode t = RouteTableResource.describe(api, table);
        if (t == null || !"Custom".equals(t.path("RouteTableType").asText())) {
            return null;
        }
        for (JsonNode s : t.path("VSwitchIds").path("VSwitchId")) {
            if (s.asText().equals(vswitch)) {
                Map<String, Value> m = new HashMap<>(prior == null ? Map.of() : prior.attributes());
                m.put("id", Value.of(table + ":" + vswitch));
                m.put("route_table_id", Value.of(table));
                m.put("vswitch_id", Value.of(vswitch));
                m.put("status", Value.of("Available"));
                return ObjectValues.settled(ObjectValues.complete(new ObjectValue(m), SCHEMA));
            }
        }
        return null;
    }
}
