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
import java.util.HashMap;
import java.util.Map;

/**
 * {@code alicloud_vpc_bgp_group}: a BGP session's settings on a VBR (the data centre's AS, the VBR's, the key).
 * {@code auth_key} is sensitive here although the official schema does not mark it: it is the session's shared
 * secret, and peerform shows no secret in plans or logs.
 */
public final class BgpGroupResource extends BgpResource {

    public static final String TYPE = "alicloud_vpc_bgp_group";

    /** What ModifyBgpGroupAttribute changes: attribute, parameter. */
    private static final String[][] MODIFIABLE = {{"is_fake_asn", "IsFakeAsn"}, {"bgp_group_name", "Name"},
        {"description", "Description"}, {"route_limit", "RouteQuota"}, {"auth_key", "AuthKey"},
        {"local_asn", "LocalAsn"}, {"clear_auth_key", "ClearAuthKey"}};

    /** The official timeouts block's defaults. */
    private static final Map<String, String> TIMEOUTS = OfficialSchema.durations("create", "5m", "update", "5m", "delete", "5m");

    private static final Schema SCHEMA = Schema.builder()
            .attribute("id", AttributeSchema.computed(Type.STRING))
            .attribute("router_id", AttributeSchema.required(Type.STRING).forcesNew())
            .attribute("peer_asn", AttributeSchema.required(Type.NUMBER))
            .attribute("auth_key", AttributeSchema.optional(Type.STRING).asSensitive())
            .attribute("clear_auth_key", AttributeSchema.optional(Type.BOOL))
            .attribute("bgp_group_name", AttributeSchema.optional(Type.STRING))
            .attribute("description", AttributeSchema.optional(Type.STRING))
            .attribute("ip_version", AttributeSchema.optional(Type.STRING).alsoComputed().forcesNew())
            .attribute("is_fake_asn", AttributeSchema.optional(Type.BOOL).alsoComputed())
            .attribute("local_asn", AttributeSchema.optional(Type.NUMBER).alsoComputed())
            .attribute("route_limit", AttributeSchema.optional(Type.NUMBER).alsoComputed())
            .attribute("region_id", AttributeSchema.computed(Type.STRING))
            .attribute("status", AttributeSchema.computed(Type.STRING))
            .block("timeouts", OfficialSchema.timeoutsBlock(TIMEOUTS))
            .build();

    public BgpGroupResource() {
        super(TYPE, SCHEMA, "BGP group");
    }

    @Override
    String create(Api api, StepContext ctx, ObjectValue planned) throws ApiException {
        return api.call("CreateBgpGroup", "RouterId", param(planned, "router_id"), "PeerAsn",
                param(planned, "peer_asn"), "IsFakeAsn", param(planned, "is_fake_asn"), "Name",
                param(planned, "bgp_group_name"), "Description", param(planned, "description"), "RouteQuota",
                param(planned, "route_limit"), "IpVersion", param(planned, "ip_version"), "AuthKey",
                param(planned, "auth_key"), "LocalAsn", param(planned, "local_asn"), "ClientToken",
                ctx.clientToken()).get("BgpGroupId").asText();
    }

    @Override
    void modify(Api api, ObjectValue before, ObjectValue planned) throws ApiException {
        // as the official provider: PeerAsn always, the other fields when they change
        api.call("ModifyBgpGroupAttribute", changedParameters(before, planned, MODIFIABLE, "BgpGroupId",
                param(planned, "id"), "PeerAsn", param(planned, "peer_asn")));
    }

    @Override
    void delete(Api api, ObjectValue current) throws ApiException {
        Calls.deleteIgnoringNotFound(api, "DeleteBgpGroup", "BgpGroupId", param(current, "id"));
    }

    @Override
    JsonNode describe(Api api, String id) throws ApiException {
        return one(api, "DescribeBgpGroups", "BgpGroups", "BgpGroup", "BgpGroupId", id);
    }

    @Override
    ObjectValue fromApi(JsonNode v, ObjectValue prior) {
        Map<String, Value> m = new HashMap<>();
        m.put("id", Value.of(v.get("BgpGroupId").asText()));
        m.put("router_id", Value.of(v.get("RouterId").asText()));
        m.put("peer_asn", number(v, "PeerAsn"));
        m.put("local_asn", number(v, "LocalAsn"));
        m.put("route_limit", number(v, "RouteLimit"));
        m.put("is_fake_asn", Value.of("true".equalsIgnoreCase(Answers.text(v, "IsFake"))));
        // marked as the configuration's value is: the state keeps it as Terraform does (in sensitive_attributes)
        // and a plan never shows it
        String key = Answers.text(v, "AuthKey");
        m.put("auth_key", key == null ? Value.nullOf(Type.STRING) : Value.sensitive(Value.of(key)));
        m.put("bgp_group_name", ObjectValues.strOrNull(Answers.text(v, "Name")));
        m.put("description", ObjectValues.strOrNull(Answers.text(v, "Description")));
        m.put("ip_version", ObjectValues.strOrNull(Answers.text(v, "IpVersion")));
        m.put("region_id", ObjectValues.strOrNull(Answers.text(v, "RegionId")));
        m.put("status", ObjectValues.strOrNull(Answers.text(v, "Status")));
        // an instruction for the next change, never read back from the cloud
        Value clear = prior == null ? null : prior.get("clear_auth_key");
        m.put("clear_auth_key", clear == null || !clear.isKnown() ? Value.nullOf(Type.BOOL) : clear);
        return ObjectValues.complete(new ObjectValue(m), SCHEMA);
    }

    @Override
    public ObjectValue importById(Api api, String id, Diagnostics diags) throws ApiException {
        JsonNode v = describe(api, id);
        return v == null ? null : fromApi(v, null);
    }

    @Override
    public Map<String, String> timeouts() {
        return TIMEOUTS;
    }
}
