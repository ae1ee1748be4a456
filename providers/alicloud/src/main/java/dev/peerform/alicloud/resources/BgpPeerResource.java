package dev.peerform.alicloud.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.alicloud.transport.Api;
import dev.peerform.alicloud.transport.ApiException;
import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.AttributeSchema;
import dev.peerform.spi.PlannedInstance;
import dev.peerform.spi.Schema;
import dev.peerform.spi.StepContext;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** {@code alicloud_vpc_bgp_peer}: the data centre's router in a BGP group (its address, BFD). */
public final class BgpPeerResource extends BgpResource {

    public static final String TYPE = "alicloud_vpc_bgp_peer";

    /** What ModifyBgpPeerAttribute changes: attribute, parameter. */
    private static final String[][] MODIFIABLE = {{"peer_ip_address", "PeerIpAddress"}, {"enable_bfd", "EnableBfd"},
        {"bfd_multi_hop", "BfdMultiHop"}};

    /** The official timeouts block's defaults. */
    private static final Map<String, String> TIMEOUTS = OfficialSchema.durations("create", "5m", "update", "5m", "delete", "5m");

    private static final Schema SCHEMA = Schema.builder()
            .attribute("id", AttributeSchema.computed(Type.STRING))
            .attribute("bgp_group_id", AttributeSchema.required(Type.STRING).forcesNew())
            .attribute("peer_ip_address", AttributeSchema.optional(Type.STRING).alsoComputed())
            .attribute("enable_bfd", AttributeSchema.optional(Type.BOOL))
            .attribute("bfd_multi_hop", AttributeSchema.optional(Type.NUMBER))
            .attribute("ip_version", AttributeSchema.optional(Type.STRING).alsoComputed().forcesNew())
            .attribute("bgp_peer_name", AttributeSchema.computed(Type.STRING))
            .attribute("status", AttributeSchema.computed(Type.STRING))
            .block("timeouts", OfficialSchema.timeoutsBlock(TIMEOUTS))
            .build();

    public BgpPeerResource() {
        super(TYPE, SCHEMA, "BGP peer");
    }

    @Override
    public void validate(ObjectValue config, Diagnostics diags) {
        Integer hops = ObjectValues.integer(config, "bfd_multi_hop");
        if (hops != null && (hops < 1 || hops > 255)) {
            diags.errorOn("bfd_multi_hop", "Invalid BFD hop count", "bfd_multi_hop must be between 1 and 255; "
                    + hops + " is not.");
        }
    }

    /** As the official provider: bfd_multi_hop makes no difference unless enable_bfd is true. */
    @Override
    public PlannedInstance plan(ObjectValue prior, ObjectValue config) {
        PlannedInstance p = PlannedInstance.fromSchema(schema(), prior, config);
        if (prior == null || "true".equals(ObjectValues.str(p.planned(), "enable_bfd"))) {
            return p;
        }
        Map<String, Value> m = new TreeMap<>(p.planned().attributes());
        Value before = prior.get("bfd_multi_hop");
        m.put("bfd_multi_hop", before == null ? Value.nullOf(Type.NUMBER) : before);
        return new PlannedInstance(new ObjectValue(m), p.requiresReplace());
    }

    @Override
    String create(Api api, StepContext ctx, ObjectValue planned) throws ApiException {
        return api.call("CreateBgpPeer", "BgpGroupId", param(planned, "bgp_group_id"), "PeerIpAddress",
                param(planned, "peer_ip_address"), "EnableBfd", param(planned, "enable_bfd"), "IpVersion",
                param(planned, "ip_version"), "BfdMultiHop", param(planned, "bfd_multi_hop"), "ClientToken",
                ctx.clientToken()).get("BgpPeerId").asText();
    }

    @Override
    void modify(Api api, ObjectValue before, ObjectValue planned) throws ApiException {
        api.call("ModifyBgpPeerAttribute", changedParameters(before, planned, MODIFIABLE, "BgpPeerId",
                param(planned, "id"), "BgpGroupId", param(planned, "bgp_group_id")));
    }

    @Override
    void delete(Api api, ObjectValue current) throws ApiException {
        Calls.deleteIgnoringNotFound(api, "DeleteBgpPeer", "BgpPeerId", param(current, "id"));
    }

    @Override
    JsonNode describe(Api api, String id) throws ApiException {
        return one(api, "DescribeBgpPeers", "BgpPeers", "BgpPeer", "BgpPeerId", id);
    }

    @Override
    ObjectValue fromApi(JsonNode v, ObjectValue prior) {
        Map<String, Value> m = new HashMap<>();
        m.put("id", Value.of(v.get("BgpPeerId").asText()));
        m.put("bgp_group_id", Value.of(v.get("BgpGroupId").asText()));
        m.put("peer_ip_address", ObjectValues.strOrNull(Answers.text(v, "PeerIpAddress")));
        m.put("ip_version", ObjectValues.strOrNull(Answers.text(v, "IpVersion")));
        m.put("bgp_peer_name", ObjectValues.strOrNull(Answers.text(v, "Name")));
        m.put("status", ObjectValues.strOrNull(Answers.text(v, "Status")));
        boolean bfd = v.path("EnableBfd").asBoolean();
        // false is what an unset enable_bfd means: an unset one stays unset, as the official provider's plan shows
        boolean unsetBefore = prior != null && ObjectValues.str(prior, "enable_bfd") == null;
        m.put("enable_bfd", !bfd && unsetBefore ? Value.nullOf(Type.BOOL) : Value.of(bfd));
        int hops = v.path("BfdMultiHop").asInt();
        m.put("bfd_multi_hop", hops == 0 ? Value.nullOf(Type.NUMBER) : Value.of(hops));
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
