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
 * {@code alicloud_vpc_bgp_network}: a range the VBR advertises to the data centre over BGP. Its id is the official
 * provider's {@code <router_id>:<dst_cidr_block>}; every argument replaces it.
 */
public final class BgpNetworkResource extends BgpResource {

    public static final String TYPE = "alicloud_vpc_bgp_network";

    /** The official timeouts block's defaults. */
    private static final Map<String, String> TIMEOUTS = OfficialSchema.durations("create", "5m", "delete", "5m");

    private static final Schema SCHEMA = Schema.builder()
            .attribute("id", AttributeSchema.computed(Type.STRING))
            .attribute("router_id", AttributeSchema.required(Type.STRING).forcesNew())
            .attribute("dst_cidr_block", AttributeSchema.required(Type.STRING).forcesNew())
            .attribute("vpc_id", AttributeSchema.optional(Type.STRING).forcesNew())
            .attribute("status", AttributeSchema.computed(Type.STRING))
            .block("timeouts", OfficialSchema.timeoutsBlock(TIMEOUTS))
            .build();

    public BgpNetworkResource() {
        super(TYPE, SCHEMA, "BGP network");
    }

    @Override
    public void validate(ObjectValue config, Diagnostics diags) {
        Checks.cidr(config, "dst_cidr_block", diags);
    }

    @Override
    String create(Api api, StepContext ctx, ObjectValue planned) throws ApiException {
        api.call("AddBgpNetwork", "RouterId", param(planned, "router_id"), "DstCidrBlock",
                param(planned, "dst_cidr_block"), "VpcId", param(planned, "vpc_id"), "ClientToken",
                ctx.clientToken());
        return param(planned, "router_id") + ":" + param(planned, "dst_cidr_block");
    }

    @Override
    void modify(Api api, ObjectValue before, ObjectValue planned) {
        throw new IllegalStateException("every argument of " + TYPE + " replaces it");
    }

    @Override
    void delete(Api api, ObjectValue current) throws ApiException {
        Calls.deleteIgnoringNotFound(api, "DeleteBgpNetwork", "RouterId", param(current, "router_id"),
                "DstCidrBlock", param(current, "dst_cidr_block"));
    }

    /** The router id and the range of an id {@code vbr-...:10.0.0.0/24}; null when it is not one. */
    private static String[] parts(String id) {
        int colon = id == null ? -1 : id.indexOf(':');
        return colon <= 0 || colon == id.length() - 1 ? null
                : new String[] {id.substring(0, colon), id.substring(colon + 1)};
    }

    @Override
    JsonNode describe(Api api, String id) throws ApiException {
        String[] p = parts(id);
        if (p == null) {
            return null;
        }
        for (JsonNode n : all(api, "DescribeBgpNetworks", "BgpNetworks", "BgpNetwork", "RouterId", p[0])) {
            if (p[1].equals(Answers.text(n, "DstCidrBlock"))) {
                return n;
            }
        }
        return null;
    }

    @Override
    ObjectValue fromApi(JsonNode v, ObjectValue prior) {
        Map<String, Value> m = new HashMap<>();
        String router = v.get("RouterId").asText();
        String cidr = v.get("DstCidrBlock").asText();
        m.put("id", Value.of(router + ":" + cidr));
        m.put("router_id", Value.of(router));
        m.put("dst_cidr_block", Value.of(cidr));
        m.put("vpc_id", ObjectValues.strOrNull(Answers.text(v, "VpcId")));
        m.put("status", ObjectValues.strOrNull(Answers.text(v, "Status")));
        return ObjectValues.complete(new ObjectValue(m), SCHEMA);
    }

    @Override
    public ObjectValue importById(Api api, String id, Diagnostics diags) throws ApiException {
        if (parts(id) == null) {
            diags.error("Invalid import id", "An alicloud_vpc_bgp_network is imported by <router_id>:<dst_cidr_block>, "
                    + "for example vbr-2ze...:10.30.0.0/16; \"" + id + "\" is not one.", null);
            return null;
        }
        JsonNode v = describe(api, id);
        return v == null ? null : fromApi(v, null);
    }

    @Override
    public Map<String, String> timeouts() {
        return TIMEOUTS;
    }
}
