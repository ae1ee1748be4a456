package dev.peerform.alicloud.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.alicloud.transport.Api;
import dev.peerform.alicloud.transport.ApiException;
import dev.peerform.diag.Diagnostics;
import dev.peerform.net.Cidr;
import dev.peerform.spi.AttributeSchema;
import dev.peerform.spi.ChangeView;
import dev.peerform.spi.Phase;
import dev.peerform.spi.Schema;
import dev.peerform.spi.StepContext;
import dev.peerform.spi.StepException;
import dev.peerform.spi.StepSpec;
import dev.peerform.spi.StepView;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import dev.peerform.vpcapi.domain.Limits;
import dev.peerform.vpcapi.domain.ReservedRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code alicloud_route_entry}: destination -> next hop in a VPC's or a VBR's route table. Changes to one route
 * table run one at a time (the cloud refuses concurrent ones with TaskConflict).
 */
public final class RouteEntryResource extends NamedResource {

    public static final String TYPE = "alicloud_route_entry";

    private static final Schema SCHEMA = Schema.builder()
            .attribute("id", AttributeSchema.computed(Type.STRING))
            .attribute("route_table_id", AttributeSchema.required(Type.STRING).forcesNew())
            .attribute("destination_cidrblock", AttributeSchema.required(Type.STRING).forcesNew())
            .attribute("nexthop_type", AttributeSchema.optional(Type.STRING).forcesNew()
                    .withDefault(Value.of("RouterInterface")))
            .attribute("nexthop_id", AttributeSchema.required(Type.STRING).forcesNew())
            .attribute("name", AttributeSchema.optional(Type.STRING).forcesNew())
            .build();

    public RouteEntryResource() {
        super(TYPE, SCHEMA);
    }

    @Override
    public void validate(ObjectValue config, Diagnostics diags) {
        String dest = ObjectValues.str(config, "destination_cidrblock");
        if (dest != null) {
            try {
                Cidr c = Cidr.parse(dest);
                if (ReservedRange.coveredBy(c)) {
                    diags.errorOn("destination_cidrblock", "Reserved destination",
                            ReservedRange.CLOUD_SERVICES + " is reserved for the cloud's services and "
                            + "cannot be a route's destination. Route the range as its two halves instead: one "
                            + "alicloud_route_entry to \"" + ReservedRange.HALVES.get(0) + "\" and one to \""
                            + ReservedRange.HALVES.get(1) + "\".");
                }
            } catch (IllegalArgumentException e) {
                diags.errorOn("destination_cidrblock", "Invalid CIDR block",
                        "destination_cidrblock = \"" + dest + "\" is not a CIDR block.");
            }
        }
        String type = ObjectValues.str(config, "nexthop_type");
        if (type != null && !type.equals("RouterInterface") && !type.equals("PhysicalConnection")) {
            diags.errorOn("nexthop_type", "Unsupported next hop type", "nexthop_type must be \"RouterInterface\" (or "
                    + "\"PhysicalConnection\" in a VBR's table toward the data center).");
        }
        Checks.name(config, "name", diags);
    }

    @Override
    public List<StepSpec> steps(ChangeView change) {
        List<StepSpec> out = new ArrayList<>();
        if (change.action().destroys()) {
            out.add(StepSpec.of(RouteStep.DELETE, Phase.DESTROY, "delete the route").waiting("it is gone"));
        }
        if (change.action().creates()) {
            out.add(StepSpec.of(RouteStep.CREATE, Phase.CREATE, "add the route").waiting("it is Available"));
        }
        return out;
    }

    @Override
    public String concurrencyKey(StepView step, ObjectValue current) {
        String table = ObjectValues.str(current, "route_table_id");
        return table == null ? null : "route-table:" + table;
    }

    @Override
    public ObjectValue execute(Api api, Account account, StepContext ctx, StepView step, ObjectValue current)
            throws StepException {
        String table = ObjectValues.str(current, "route_table_id");
        String dest = ObjectValues.str(current, "destination_cidrblock");
        try {
            if (step.spec().is(RouteStep.CREATE)) {
                api.call("CreateRouteEntry", "RouteTableId", table, "DestinationCidrBlock", dest, "NextHopType",
                        ObjectValues.str(current, "nexthop_type"), "NextHopId", ObjectValues.str(current, "nexthop_id"),
                        "RouteEntryName", ObjectValues.str(current, "name"), "ClientToken", ctx.clientToken());
                Waits.until(ctx, "the route to " + dest, "Available", () -> status(api, table, dest));
                return ObjectValues.with(current, "id", table + ":" + dest + ":" + ObjectValues.str(current,
                        "nexthop_type") + ":"
                        + ObjectValues.str(current, "nexthop_id"));
            }
            try {
                api.call("DeleteRouteEntry", "RouteTableId", table, "DestinationCidrBlock", dest, "NextHopId",
                        ObjectValues.str(current, "nexthop_id"));
            } catch (ApiException e) {
                if (!e.isNotFound()) {
                    throw e;
                }
            }
            Waits.until(ctx, "the route to " + dest + " to go", null, () -> status(api, table, dest));
            return null;
        } catch (ApiException e) {
            throw Errors.step(e, step.spec().description());
        }
    }

    private static String status(Api api, String table, String dest) throws ApiException {
        JsonNode r = api.call("DescribeRouteEntryList", "RouteTableId", table, "DestinationCidrBlock", dest);
        JsonNode e = r.path("RouteEntrys").path("RouteEntry").path(0);
        return e.isMissingNode() ? null : e.get("Status").asText();
    }

    /** One paged listing per route table, whatever the number of routes in it. */
    @Override
    public List<ObjectValue> read(Api api, List<ObjectValue> priors) throws ApiException {
        Map<String, Map<String, JsonNode>> tables = new LinkedHashMap<>();
        for (ObjectValue p : priors) {
            tables.putIfAbsent(ObjectValues.str(p, "route_table_id"), null);
        }
        for (String table : tables.keySet()) {
            tables.put(table, entries(api, table));
        }
        List<ObjectValue> out = new ArrayList<>();
        for (ObjectValue p : priors) {
            Map<String, JsonNode> entries = tables.get(ObjectValues.str(p, "route_table_id"));
            JsonNode e = entries == null ? null : entries.get(normal(ObjectValues.str(p, "destination_cidrblock")));
            if (e == null || e.get("Status").asText().equals("Deleting")) {
                out.add(null);
                continue;
            }
            JsonNode hop = e.path("NextHops").path("NextHop").path(0);
            out.add(ObjectValues.with(p, "nexthop_id", hop.path("NextHopId").asText(), "nexthop_type",
                    hop.path("NextHopType").asText()));
        }
        return out;
    }

    /**
     * A route table's entries by destination, in one listing (followed page by page with MaxResult and NextToken,
     * as the API pages this call: it has no PageNumber and no TotalCount); empty when the table is gone.
     */
    public static Map<String, JsonNode> entries(Api api, String table) throws ApiException {
        Map<String, JsonNode> entries = new HashMap<>();
        String token = null;
        Set<String> seen = new HashSet<>();
        do {
            JsonNode r;
            try {
                r = api.call("DescribeRouteEntryList", "RouteTableId", table, "MaxResult",
                        Integer.toString(Limits.MAX_ROUTE_RESULTS), "NextToken", token);
            } catch (ApiException e) {
                if (e.isNotFound()) {
                    return entries;
                }
                throw e;
            }
            r.path("RouteEntrys").path("RouteEntry").forEach(e -> entries.put(e.get("DestinationCidrBlock")
                    .asText(), e));
            token = Answers.text(r, "NextToken");
            // a token seen before would list the same page for ever
        } while (token != null && !token.isEmpty() && seen.add(token));
        return entries;
    }

    private static String normal(String cidr) {
        try {
            return Cidr.parse(cidr).network().toString();
        } catch (IllegalArgumentException e) {
            return cidr;
        }
    }

    @Override
    public ObjectValue importById(Api api, String id, Diagnostics diags) throws ApiException {
        String[] parts = id.split(":");
        if (parts.length < 2) {
            diags.error("Invalid import id", "A route entry is imported as <route_table_id>:<destination_cidrblock>, "
                    + "like vtb-abc:10.1.0.0/16.", null);
            return null;
        }
        JsonNode r = api.call("DescribeRouteEntryList", "RouteTableId", parts[0], "DestinationCidrBlock", parts[1]);
        JsonNode e = r.path("RouteEntrys").path("RouteEntry").path(0);
        if (e.isMissingNode()) {
            return null;
        }
        JsonNode hop = e.path("NextHops").path("NextHop").path(0);
        Map<String, Value> m = new HashMap<>();
        m.put("route_table_id", Value.of(parts[0]));
        m.put("destination_cidrblock", Value.of(e.get("DestinationCidrBlock").asText()));
        m.put("nexthop_type", Value.of(hop.path("NextHopType").asText()));
        m.put("nexthop_id", Value.of(hop.path("NextHopId").asText()));
        m.put("name", ObjectValues.strOrNull(Answers.text(e, "RouteEntryName")));
        m.put("id", Value.of(parts[0] + ":" + e.get("DestinationCidrBlock").asText() + ":"
                + hop.path("NextHopType").asText() + ":" + hop.path("NextHopId").asText()));
        return new ObjectValue(m);
    }
}
