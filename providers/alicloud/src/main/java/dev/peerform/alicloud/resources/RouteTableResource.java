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
import dev.peerform.vpcapi.errors.ClientAction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code alicloud_route_table}: a custom route table of a VPC, on the VPC's VRouter beside its system table, with
 * the official provider's schema. Name and description change in place (ModifyRouteTableAttributes); the VPC and
 * the associate type replace it. Route propagation and tags are kept in state as configured.
 */
public final class RouteTableResource extends RenamableResource {

    public static final String TYPE = "alicloud_route_table";

    static final OfficialSchema OFFICIAL = new OfficialSchema()
            .attr("id", Type.STRING, "C")
            .attr("associate_type", Type.STRING, "OCF")
            .attr("create_time", Type.STRING, "C")
            .attr("description", Type.STRING, "O")
            .deprecated("name", Type.STRING, "OC", "Field 'name' has been deprecated since provider version 1.119.1. "
                    + "New field 'route_table_name' instead.")
            .attr("resource_group_id", Type.STRING, "C")
            .attr("route_propagation_enable", Type.BOOL, "OC")
            .attr("route_table_name", Type.STRING, "OC")
            .attr("status", Type.STRING, "C")
            .attr("tags", Type.map(Type.STRING), "O")
            .attr("vpc_id", Type.STRING, "RF")
            .timeouts("create", "10m", "update", "5m", "delete", "5m");

    private static final Schema SCHEMA = OFFICIAL.build();
    private static final Set<String> ASSOCIATE_TYPES = Set.of("VSwitch", "Gateway");

    public RouteTableResource() {
        super(TYPE, SCHEMA, OFFICIAL, "route table", "route_table_name", "name");
    }

    @Override
    public void validate(ObjectValue config, Diagnostics diags) {
        OfficialSchema.warnDeprecated(config, OFFICIAL.deprecations(), diags);
        String type = ObjectValues.str(config, "associate_type");
        if (type != null && !ASSOCIATE_TYPES.contains(type)) {
            diags.errorOn("associate_type", "Invalid value", "expected associate_type to be one of [\"VSwitch\" "
                    + "\"Gateway\"], got " + type);
        }
        Value name = config.get("name");
        Value tableName = config.get("route_table_name");
        if (name != null && !name.isNull() && tableName != null && !tableName.isNull()) {
            diags.errorOn("route_table_name", "Conflicting configuration arguments",
                    "\"route_table_name\": conflicts with name");
        }
    }

    /** {@code name} and {@code route_table_name} are one value: whichever is configured fills the other. */
    @Override
    public PlannedInstance plan(ObjectValue prior, ObjectValue config) {
        PlannedInstance p = PlannedInstance.fromSchema(SCHEMA, prior, config);
        Map<String, Value> planned = new TreeMap<>(p.planned().attributes());
        Value name = config.get("name");
        Value tableName = config.get("route_table_name");
        if (name != null && !name.isNull() && (tableName == null || tableName.isNull())) {
            planned.put("route_table_name", name);
        } else if (tableName != null && !tableName.isNull() && (name == null || name.isNull())) {
            planned.put("name", tableName);
        }
        return new PlannedInstance(new ObjectValue(planned), p.requiresReplace());
    }

    @Override
    ObjectValue create(Api api, StepContext ctx, ObjectValue current) throws ApiException {
        JsonNode r = api.call("CreateRouteTable", "VpcId", ObjectValues.str(current, "vpc_id"), "RouteTableName",
                name(current), "Description", ObjectValues.str(current, "description"), "AssociateType",
                ObjectValues.str(current, "associate_type"), "ClientToken", ctx.clientToken());
        String id = r.get("RouteTableId").asText();
        JsonNode t = describe(api, id);
        if (t == null) {
            throw new ApiException("CreateRouteTable", "InvalidRouteTableId.NotFound", 404, "The route table " + id
                    + " was created but cannot be read back.", ClientAction.RETRY);
        }
        return fromApi(t, current);
    }

    @Override
    void rename(Api api, ObjectValue current) throws ApiException {
        api.call("ModifyRouteTableAttributes", "RouteTableId", ObjectValues.str(current, "id"), "RouteTableName",
                name(current), "Description", ObjectValues.str(current, "description"));
    }

    @Override
    void delete(Api api, ObjectValue current) throws ApiException {
        Calls.deleteIgnoringNotFound(api, "DeleteRouteTable", "RouteTableId", ObjectValues.str(current, "id"));
    }

    @Override
    public List<ObjectValue> read(Api api, List<ObjectValue> priors) throws ApiException {
        return CloudResource.readByIds(api, priors, "id", 1, CloudResource.oneAtATime(RouteTableResource::describe),
                RouteTableResource::fromApi);
    }

    @Override
    public ObjectValue importById(Api api, String id, Diagnostics diags) throws ApiException {
        return CloudResource.importById(api, id, CloudResource.oneAtATime(RouteTableResource::describe),
                RouteTableResource::fromApi);
    }

    /** The table as DescribeRouteTableList lists it, or null when there is none. */
    static JsonNode describe(Api api, String id) throws ApiException {
        JsonNode t = api.call("DescribeRouteTableList", "RouteTableId", id).path("RouterTableList")
                .path("RouterTableListType").path(0);
        return t.isMissingNode() ? null : t;
    }

    private static String name(ObjectValue o) {
        String n = ObjectValues.str(o, "route_table_name");
        return n != null ? n : ObjectValues.str(o, "name");
    }

    private static ObjectValue fromApi(JsonNode t, ObjectValue prior) {
        Map<String, Value> m = new HashMap<>(prior == null ? Map.of() : prior.attributes());
        String name = Answers.text(t, "RouteTableName");
        m.put("id", Value.of(t.get("RouteTableId").asText()));
        m.put("vpc_id", Value.of(t.get("VpcId").asText()));
        m.put("route_table_name", ObjectValues.strOrNull(name));
        m.put("name", ObjectValues.strOrNull(name));
        m.put("description", ObjectValues.strOrNull(Answers.text(t, "Description")));
        m.put("status", ObjectValues.strOrNull(Answers.text(t, "Status")));
        m.put("create_time", ObjectValues.strOrNull(Answers.text(t, "CreationTime")));
        m.put("resource_group_id", ObjectValues.strOrNull(Answers.text(t, "ResourceGroupId")));
        String type = Answers.text(t, "AssociateType");
        if (type != null || prior == null || ObjectValues.str(prior, "associate_type") == null) {
            m.put("associate_type", Value.of(type != null ? type : "VSwitch"));
        }
        return ObjectValues.settled(ObjectValues.complete(new ObjectValue(m), SCHEMA));
    }
}
