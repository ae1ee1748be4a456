package dev.peerform.alicloud.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.alicloud.transport.Api;
import dev.peerform.alicloud.transport.ApiException;
import dev.peerform.diag.Diagnostics;
import dev.peerform.net.Cidr;
import dev.peerform.spi.PlannedInstance;
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

    static final OfficialSchema OFFICIAL = new OfficialSchema()
            .attr("id", Type.STRING, "C")
            .attr("description", Type.STRING, "OF")
            .attr("destination_cidrblock", Type.STRING, "OF")
            .attr("name", Type.STRING, "OF")
            .attr("nexthop_id", Type.STRING, "OF")
            .attr("nexthop_type", Type.STRING, "OF")
            .attr("route_table_id", Type.STRING, "RF")
            .deprecated("router_id", Type.STRING, "C", "Attribute router_id has been deprecated and suggest removing "
                    + "it from your template.")
            .timeouts("create", "10m", "delete", "10m");

    private static final Schema SCHEMA = OFFICIAL.build();

    public RouteEntryResource() {
        super(TYPE, SCHEMA, OFFICIAL);
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
        // nexthop_type is not checked: the official schema takes any string and the cloud judges it
        Checks.length(config, "name", 2, 128, diags);
    }

    /** A next-hop type left out keeps what the cloud chose (its default), so it never plans a replacement. */
    @Override
    public PlannedInstance plan(ObjectValue prior, ObjectValue config) {
        ObjectValue effective = config;
        if (prior != null && ObjectValues.str(config, "nexthop_type") == null
                && ObjectValues.str(prior, "nexthop_type") != null) {
            effective = ObjectValues.with(config, "nexthop_type", prior.get("nexthop_type"));
        }
        return PlannedInstance.fromSchema(SCHEMA, prior, effective);
    }

    /**
     * The official id: {@code table:router:destination:type:hop}, a ':' of an IPv6 destination written '_'.
     */
    static String id(String table, String router, String dest, String type, String hop) {
        return table + ":" + router + ":" + dest.replace(':', '_') + ":" + type + ":" + hop;
    }

    /**
     * The router of a table that has just taken a route: the cloud takes an interface as a next hop only in a
     * table of the interface's own router, so an interface this run has read names it; otherwise asked.
     */
    private static String routerOf(Api api, String table, String hopType, String hop) throws ApiException {
        JsonNode ri = "RouterInterface".equals(hopType) && hop != null ? InterfacePoller.of(api).known(hop) : null;
        String router = ri == null ? null : Answers.text(ri, "RouterId");
        return router != null ? router : routerOf(api, table);
    }

    /** The router whose table this is (DescribeRouteTables, as the official provider asks). */
    private static String routerOf(Api api, String table) throws ApiException {
        JsonNode t = api.call("DescribeRouteTables", "RouteTableId", table).path("RouteTables").path("RouteTable")
                .path(0);
        return t.isMissingNode() ? null : Answers.text(t, "VRouterId");
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
                RoutePollers routes = RoutePollers.of(api);
                api.call("CreateRouteEntry", "RouteTableId", table, "DestinationCidrBlock", dest, "NextHopType",
                        ObjectValues.str(current, "nexthop_type"), "NextHopId", ObjectValues.str(current, "nexthop_id"),
                        "RouteEntryName", ObjectValues.str(current, "name"), "Description",
                        ObjectValues.str(current, "description"), "ClientToken", ctx.clientToken());
                routes.table(table).until(ctx, "the route to " + dest, dest, "Available", RouteEntryResource::status);
                String configured = ObjectValues.str(current, "nexthop_type");
                String type = configured != null ? configured : "RouterInterface"; // the API's default
                String router = routes.router(table, t -> routerOf(api, t, type, ObjectValues.str(current,
                        "nexthop_id")));
                return ObjectValues.settled(ObjectValues.with(current, "nexthop_type", type, "router_id", router,
                        "id", id(table, router, dest, type, ObjectValues.str(current, "nexthop_id"))));
            }
            try {
                api.call("DeleteRouteEntry", "RouteTableId", table, "DestinationCidrBlock", dest, "NextHopId",
                        ObjectValues.str(current, "nexthop_id"));
            } catch (ApiException e) {
                if (!e.isNotFound()) {
                    throw e;
                }
            }
            RoutePollers.of(api).table(table).until(ctx, "the route to " + dest + " to go", dest, null,
                    RouteEntryResource::status);
            return null;
        } catch (ApiException e) {
            throw Errors.step(e, step.spec().description());
        }
    }

    /** A route's status as DescribeRouteEntryList gives it; one being deleted still is "Deleting". */
    private static String status(JsonNode entry) {
        return entry.get("Status").asText();
    }

    /** One paged listing per route table, whatever the number of routes in it. */
    @Override
    public List<ObjectValue> read(Api api, List<ObjectValue> priors) throws ApiException {
        Map<String, Map<String, JsonNode>> tables = new LinkedHashMap<>();
        for (ObjectValue p : priors) {
            tables.putIfAbsent(ObjectValues.str(p, "route_table_id"), null);
        }
        // the tables listed side by side; the plan-time checks use these listings instead of listing again
        List<String> ids = new ArrayList<>(tables.keySet());
        List<Map<String, JsonNode>> listed = api.reads().all(ids, t -> entries(api, t));
        for (int i = 0; i < ids.size(); i++) {
            tables.put(ids.get(i), listed.get(i));
            api.reads().remember(LISTING + ids.get(i), listed.get(i));
        }
        List<ObjectValue> out = new ArrayList<>();
        // the router of each table whose routes a state of an earlier peerform left without one, side by side
        List<String> unknownRouters = priors.stream().filter(p -> ObjectValues.str(p, "router_id") == null)
                .map(p -> ObjectValues.str(p, "route_table_id")).distinct()
                .filter(t -> tables.get(t) != null && !tables.get(t).isEmpty()).toList();
        List<String> found = api.reads().all(unknownRouters, t -> routerOf(api, t));
        Map<String, String> routers = new HashMap<>();
        for (int i = 0; i < unknownRouters.size(); i++) {
            routers.put(unknownRouters.get(i), found.get(i));
        }
        for (ObjectValue p : priors) {
            Map<String, JsonNode> entries = tables.get(ObjectValues.str(p, "route_table_id"));
            JsonNode e = entries == null ? null : entries.get(normal(ObjectValues.str(p, "destination_cidrblock")));
            if (e == null || e.get("Status").asText().equals("Deleting")) {
                out.add(null);
                continue;
            }
            JsonNode hop = e.path("NextHops").path("NextHop").path(0);
            out.add(upgraded(api, ObjectValues.with(p, "nexthop_id", hop.path("NextHopId").asText(), "nexthop_type",
                    hop.path("NextHopType").asText()), routers));
        }
        return out;
    }

    /**
     * A state written by an earlier peerform (a four-part id, no router_id, none of the newer attributes) in the
     * official form, silently: the same route, so the next plan is clean.
     */
    private static ObjectValue upgraded(Api api, ObjectValue state, Map<String, String> routers)
            throws ApiException {
        String table = ObjectValues.str(state, "route_table_id");
        String router = ObjectValues.str(state, "router_id");
        if (router == null) {
            router = routers.containsKey(table) ? routers.get(table) : routerOf(api, table);
            routers.put(table, router);
        }
        ObjectValue s = ObjectValues.complete(ObjectValues.with(state, "router_id", router), SCHEMA);
        if (router != null) {
            s = ObjectValues.with(s, "id", id(table, router, ObjectValues.str(s, "destination_cidrblock"),
                    ObjectValues.str(s, "nexthop_type"), ObjectValues.str(s, "nexthop_id")));
        }
        return s;
    }

    /**
     * A route table's entries by destination, in one listing (followed page by page with MaxResult and NextToken,
     * as the API pages this call: it has no PageNumber and no TotalCount); empty when the table is gone.
     */
    /**
     * The table's entries as this plan's refresh listed them, or listed now (the plan-time checks: a table the
     * refresh did not list).
     */
    public static Map<String, JsonNode> recalledEntries(Api api, String table) throws ApiException {
        Map<String, JsonNode> listed = api.reads().recalled(LISTING + table);
        return listed != null ? listed : entries(api, table);
    }

    private static final String LISTING = "DescribeRouteEntryList:";

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

    static String normal(String cidr) {
        try {
            return Cidr.parse(cidr).network().toString();
        } catch (IllegalArgumentException e) {
            return cidr;
        }
    }

    /**
     * Imports by the official five-part id {@code table:router:destination:type:hop} (an IPv6 destination's ':'
     * written '_'); peerform's earlier {@code table:destination[:type:hop]} is read too.
     */
    @Override
    public ObjectValue importById(Api api, String id, Diagnostics diags) throws ApiException {
        String[] parts = id.split(":");
        String table;
        String dest;
        if (parts.length == 5) {
            table = parts[0];
            dest = parts[2].replace('_', ':');
        } else if (parts.length == 2 || parts.length == 4) {
            table = parts[0];
            dest = parts[1];
        } else {
            diags.error("Invalid import id", "A route entry is imported as <route_table_id>:<router_id>:"
                    + "<destination_cidrblock>:<nexthop_type>:<nexthop_id>, like "
                    + "vtb-abc:vrt-abc:10.1.0.0/16:RouterInterface:ri-abc.", null);
            return null;
        }
        JsonNode r = api.call("DescribeRouteEntryList", "RouteTableId", table, "DestinationCidrBlock", dest);
        JsonNode e = r.path("RouteEntrys").path("RouteEntry").path(0);
        if (e.isMissingNode()) {
            return null;
        }
        JsonNode hop = e.path("NextHops").path("NextHop").path(0);
        Map<String, Value> m = new HashMap<>();
        m.put("route_table_id", Value.of(table));
        m.put("destination_cidrblock", Value.of(e.get("DestinationCidrBlock").asText()));
        m.put("nexthop_type", Value.of(hop.path("NextHopType").asText()));
        m.put("nexthop_id", Value.of(hop.path("NextHopId").asText()));
        m.put("name", ObjectValues.strOrNull(Answers.text(e, "RouteEntryName")));
        return upgraded(api, new ObjectValue(m), new HashMap<>());
    }
}
