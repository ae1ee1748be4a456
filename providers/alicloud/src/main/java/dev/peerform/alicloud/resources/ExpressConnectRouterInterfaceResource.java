package dev.peerform.alicloud.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.alicloud.transport.Api;
import dev.peerform.alicloud.transport.ApiException;
import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.ChangeAction;
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
import dev.peerform.vpcapi.domain.Spec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code alicloud_express_connect_router_interface}, the successor (since 1.199.0) of {@code alicloud_router_interface}
 * and its connection: the same API with its own arguments, as the official provider calls it. {@code spec} is sent
 * as written (an acceptor writes Negative); {@code status} only suspends (Active to Inactive) and resumes (Inactive to
 * Active), never connects; {@code fast_link_mode} lets the cloud make the accepting side on a VPC's router and
 * connect. What peerform adds: creation waits for the fast-link connection to be Active (so routes over it can be
 * added next), and deletion suspends an Active pay-as-you-go interface first, which the cloud requires and the
 * official provider leaves to the user.
 */
public final class ExpressConnectRouterInterfaceResource extends NamedResource {

    public static final String TYPE = "alicloud_express_connect_router_interface";

    static final OfficialSchema OFFICIAL = new OfficialSchema()
            .attr("id", Type.STRING, "C")
            .attr("access_point_id", Type.STRING, "OF")
            .deprecated("auto_pay", Type.BOOL, "O", "Field 'auto_pay' has been deprecated since provider version "
                    + "1.263.0.")
            .attr("auto_renew", Type.BOOL, "O")
            .attr("bandwidth", Type.NUMBER, "C")
            .attr("business_status", Type.STRING, "C")
            .attr("connected_time", Type.STRING, "C")
            .attr("create_time", Type.STRING, "C")
            .attr("cross_border", Type.BOOL, "C")
            .attr("delete_health_check_ip", Type.BOOL, "O")
            .attr("description", Type.STRING, "O")
            .attr("end_time", Type.STRING, "C")
            .attr("fast_link_mode", Type.BOOL, "OF")
            .attr("has_reservation_data", Type.STRING, "C")
            .attr("hc_rate", Type.NUMBER, "O")
            .attr("hc_threshold", Type.STRING, "O")
            .attr("health_check_source_ip", Type.STRING, "O")
            .attr("health_check_target_ip", Type.STRING, "O")
            .attr("opposite_access_point_id", Type.STRING, "OF")
            .attr("opposite_bandwidth", Type.NUMBER, "C")
            .attr("opposite_interface_business_status", Type.STRING, "C")
            .deprecated("opposite_interface_id", Type.STRING, "OC", "Field 'opposite_interface_id' has been "
                    + "deprecated since provider version 1.263.0.")
            .attr("opposite_interface_owner_id", Type.STRING, "OF")
            .attr("opposite_interface_spec", Type.STRING, "C")
            .attr("opposite_interface_status", Type.STRING, "C")
            .attr("opposite_region_id", Type.STRING, "RF")
            .attr("opposite_router_id", Type.STRING, "OF")
            .attr("opposite_router_type", Type.STRING, "OCF")
            .attr("opposite_vpc_instance_id", Type.STRING, "C")
            .attr("payment_type", Type.STRING, "OCF")
            .attr("period", Type.NUMBER, "O")
            .attr("pricing_cycle", Type.STRING, "O")
            .attr("reservation_active_time", Type.STRING, "C")
            .attr("reservation_bandwidth", Type.STRING, "C")
            .attr("reservation_internet_charge_type", Type.STRING, "C")
            .attr("reservation_order_type", Type.STRING, "C")
            .attr("resource_group_id", Type.STRING, "OC")
            .attr("role", Type.STRING, "RF")
            .attr("router_id", Type.STRING, "RF")
            .attr("router_interface_id", Type.STRING, "C")
            .attr("router_interface_name", Type.STRING, "O")
            .attr("router_type", Type.STRING, "RF")
            .attr("spec", Type.STRING, "R")
            .attr("status", Type.STRING, "OC")
            .attr("tags", Type.map(Type.STRING), "O")
            .attr("vpc_instance_id", Type.STRING, "C")
            .timeouts("create", "5m", "update", "5m", "delete", "5m");

    private static final Schema SCHEMA = OFFICIAL.build();
    /** The schema's validators: each argument's allowed values. */
    private static final Map<String, List<String>> ALLOWED = allowed();
    private static final List<String> ATTRIBUTES = List.of("hc_threshold", "hc_rate", "health_check_source_ip",
            "health_check_target_ip", "description", "router_interface_name", "delete_health_check_ip");

    public ExpressConnectRouterInterfaceResource() {
        super(TYPE, SCHEMA, OFFICIAL);
    }

    private static Map<String, List<String>> allowed() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("role", List.of("InitiatingSide", "AcceptingSide"));
        m.put("router_type", List.of("VBR", "VRouter"));
        m.put("opposite_router_type", List.of("VBR", "VRouter"));
        m.put("payment_type", List.of("PayAsYouGo", "Subscription"));
        m.put("spec", List.of("Mini.2", "Mini.5", "Small.1", "Small.2", "Small.5", "Middle.1", "Middle.2",
                "Middle.5", "Large.1", "Large.2", "Large.5", "Xlarge.1", "Negative"));
        m.put("status", List.of("Idle", "Connecting", "AcceptingConnecting", "Activating", "Active", "Modifying",
                "Deactivating", "Inactive", "Deleting", "Deleted"));
        return m;
    }

    @Override
    public void validate(ObjectValue config, Diagnostics diags) {
        OfficialSchema.warnDeprecated(config, OFFICIAL.deprecations(), diags);
        ALLOWED.forEach((name, values) -> {
            String v = ObjectValues.str(config, name);
            if (v != null && !values.contains(v)) {
                diags.errorOn(name, "Invalid value", "expected " + name + " to be one of "
                        + values.stream().map(s -> "\"" + s + "\"").toList().toString().replace(",", "")
                        + ", got " + v);
            }
        });
    }

    @Override
    public List<StepSpec> steps(ChangeView change) {
        List<StepSpec> out = new ArrayList<>();
        if (change.action().destroys()) {
            out.add(StepSpec.of(ExpressInterfaceStep.DELETE, Phase.DESTROY, "delete the interface")
                    .waiting("it is gone"));
        }
        if (change.action() == ChangeAction.UPDATE) {
            if (changed(change, ATTRIBUTES.toArray(String[]::new))) {
                out.add(StepSpec.of(ExpressInterfaceStep.MODIFY, Phase.UPDATE, "change the interface's attributes"));
            }
            if (changed(change, "spec")) {
                out.add(StepSpec.of(ExpressInterfaceStep.SPEC, Phase.UPDATE, "change the bandwidth in place")
                        .waiting("Active"));
            }
            String target = ObjectValues.str(change.after(), "status");
            if (changed(change, "status") && ("Active".equals(target) || "Inactive".equals(target))) {
                out.add(StepSpec.of(ExpressInterfaceStep.STATUS, Phase.UPDATE, "Active".equals(target)
                        ? "resume the interface" : "suspend the interface").waiting(target));
            }
        } else if (change.action().creates()) {
            out.add(StepSpec.of(ExpressInterfaceStep.CREATE, Phase.CREATE, Boolean.TRUE.equals(fastLink(
                    change.after())) ? "create the interface and let the cloud connect it (fast link)"
                    : "create the interface"));
        }
        return out;
    }

    private static boolean changed(ChangeView c, String... names) {
        for (String n : names) {
            Value b = c.before() == null ? null : c.before().get(n);
            Value a = c.after() == null ? null : c.after().get(n);
            if (!Objects.equals(b == null ? null : b.unmarkedDeep(), a == null ? null : a.unmarkedDeep())) {
                return true;
            }
        }
        return false;
    }

    private static Boolean fastLink(ObjectValue o) {
        Value v = o == null ? null : o.get("fast_link_mode");
        return v == null || v.isNull() || !v.isKnown() ? null : v.unmarked().asBool();
    }

    @Override
    public ObjectValue execute(Api api, Account account, StepContext ctx, StepView step, ObjectValue current)
            throws StepException {
        String id = ObjectValues.str(current, "id");
        try {
            switch (step.spec().kindOf(ExpressInterfaceStep.class)) {
                case CREATE -> {
                    return create(api, ctx, current);
                }
                case MODIFY -> {
                    modify(api, id, current);
                    InterfacePoller.of(api).until(ctx, id + " to settle", id, null, n -> settled(n));
                    return read(api, current);
                }
                case SPEC -> {
                    api.call("ModifyRouterInterfaceSpec", "RouterInterfaceId", id, "Spec",
                            ObjectValues.str(current, "spec"), "ClientToken", ctx.clientToken());
                    Calls.awaitStatus(api, ctx, "the new bandwidth of " + id, id, "Active");
                    return read(api, current);
                }
                case STATUS -> {
                    status(api, ctx, id, ObjectValues.str(current, "status"));
                    return read(api, current);
                }
                case DELETE -> {
                    delete(api, ctx, id, current);
                    return null;
                }
            }
            throw new IllegalStateException(step.spec().name());
        } catch (ApiException e) {
            throw Errors.step(e, step.spec().description());
        }
    }

    private ObjectValue create(Api api, StepContext ctx, ObjectValue current) throws ApiException, StepException {
        String payment = ObjectValues.str(current, "payment_type");
        Boolean fast = fastLink(current);
        JsonNode r = api.call("CreateRouterInterface", "AutoPay", "true", "RouterType", ObjectValues.str(current,
                "router_type"), "RouterId", ObjectValues.str(current, "router_id"), "Role",
                ObjectValues.str(current, "role"), "Spec", ObjectValues.str(current, "spec"), "OppositeRegionId",
                ObjectValues.str(current, "opposite_region_id"), "InstanceChargeType", payment == null ? null
                : payment.equals("Subscription") ? "PrePaid" : "PostPaid", "HealthCheckSourceIp",
                ObjectValues.str(current, "health_check_source_ip"), "HealthCheckTargetIp",
                ObjectValues.str(current, "health_check_target_ip"), "OppositeRouterId",
                ObjectValues.str(current, "opposite_router_id"), "OppositeRouterType",
                ObjectValues.str(current, "opposite_router_type"), "OppositeInterfaceOwnerId",
                ObjectValues.str(current, "opposite_interface_owner_id"), "AccessPointId",
                ObjectValues.str(current, "access_point_id"), "OppositeAccessPointId",
                ObjectValues.str(current, "opposite_access_point_id"), "PricingCycle",
                ObjectValues.str(current, "pricing_cycle"), "Period", number(current, "period"), "AutoRenew",
                bool(current, "auto_renew"), "FastLinkMode", fast == null ? null : fast.toString(),
                "ResourceGroupId", ObjectValues.str(current, "resource_group_id"), "Description",
                ObjectValues.str(current, "description"), "Name", ObjectValues.str(current, "router_interface_name"),
                "ClientToken", ctx.clientToken());
        String id = r.get("RouterInterfaceId").asText();
        ObjectValue withId = ObjectValues.with(current, "id", id);
        // the official provider waits for Idle or Active; a fast link is waited for until Active, so that routes
        // over it (planned after this step) find it connected
        InterfacePoller.of(api).until(ctx, id + " to be " + (Boolean.TRUE.equals(fast) ? "connected" : "created"),
                id, Boolean.TRUE.equals(fast) ? "Active" : "ready", n -> {
                    String s = n.get("Status").asText();
                    return Boolean.TRUE.equals(fast) || !"Active".equals(s) && !"Idle".equals(s) ? s : "ready";
                });
        if (ObjectValues.str(current, "hc_rate") != null || ObjectValues.str(current, "hc_threshold") != null) {
            modify(api, id, withId);
        }
        return read(api, withId);
    }

    private static void modify(Api api, String id, ObjectValue current) throws ApiException {
        api.call("ModifyRouterInterfaceAttribute", "RouterInterfaceId", id, "Name",
                ObjectValues.str(current, "router_interface_name"), "Description",
                ObjectValues.str(current, "description"), "HealthCheckSourceIp",
                ObjectValues.str(current, "health_check_source_ip"), "HealthCheckTargetIp",
                ObjectValues.str(current, "health_check_target_ip"), "HcRate", number(current, "hc_rate"),
                "HcThreshold", ObjectValues.str(current, "hc_threshold"), "DeleteHealthCheckIp",
                bool(current, "delete_health_check_ip"));
    }

    /** Null once the interface is Idle or Active (what the official provider waits for after a change). */
    private static String settled(JsonNode n) {
        String s = n.get("Status").asText();
        return s.equals("Idle") || s.equals("Active") ? null : s;
    }

    /** As the official provider: Inactive to Active resumes, Active to Inactive suspends, anything else waits. */
    private static void status(Api api, StepContext ctx, String id, String target) throws ApiException,
            StepException {
        String now = InterfacePoller.of(api).status(ctx, id);
        if ("Inactive".equals(now) && "Active".equals(target)) {
            api.call("ActivateRouterInterface", "RouterInterfaceId", id);
            Calls.awaitStatus(api, ctx, id + " to be Active", id, "Active");
        } else if ("Active".equals(now) && "Inactive".equals(target)) {
            api.call("DeactivateRouterInterface", "RouterInterfaceId", id);
            Calls.awaitStatus(api, ctx, id + " to be Inactive", id, "Inactive");
        }
    }

    /**
     * By the arguments in state, as the official provider: fast link, DeleteExpressConnect with Force; otherwise
     * DeleteRouterInterface, after suspending an Active interface (peerform's addition: the cloud refuses to delete
     * an Active one). Waits until it is gone.
     */
    private static void delete(Api api, StepContext ctx, String id, ObjectValue current) throws ApiException,
            StepException {
        if (Boolean.TRUE.equals(fastLink(current))) {
            Calls.deleteIgnoringNotFound(api, "DeleteExpressConnect", "RouterInterfaceId", id, "Force", "true");
        } else {
            Calls.suspendAndWait(api, ctx, id);
            Calls.deleteIgnoringNotFound(api, "DeleteRouterInterface", "RouterInterfaceId", id);
        }
        Calls.awaitStatus(api, ctx, id + " to be deleted", id, null);
    }

    private static String number(ObjectValue o, String name) {
        Integer n = ObjectValues.integer(o, name);
        return n == null ? null : n.toString();
    }

    private static String bool(ObjectValue o, String name) {
        Value v = o.get(name);
        return v == null || v.isNull() || !v.isKnown() ? null : Boolean.toString(v.unmarked().asBool());
    }

    private static ObjectValue read(Api api, ObjectValue current) throws ApiException {
        JsonNode n = attribute(api, ObjectValues.str(current, "id"));
        return n == null ? ObjectValues.settled(current) : fromApi(n, current);
    }

    /** DescribeRouterInterfaceAttribute by InstanceId; null when the interface is gone. */
    private static JsonNode attribute(Api api, String id) throws ApiException {
        try {
            JsonNode n = api.call("DescribeRouterInterfaceAttribute", "InstanceId", id);
            return Answers.text(n, "RouterInterfaceId") == null ? null : n;
        } catch (ApiException e) {
            if (e.isNotFound()) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public List<ObjectValue> read(Api api, List<ObjectValue> priors) throws ApiException {
        return CloudResource.readByIds(api, priors, "id", 1, CloudResource.oneAtATime(
                ExpressConnectRouterInterfaceResource::attribute), ExpressConnectRouterInterfaceResource::fromApi);
    }

    @Override
    public ObjectValue importById(Api api, String id, Diagnostics diags) throws ApiException {
        return CloudResource.importById(api, id, CloudResource.oneAtATime(
                ExpressConnectRouterInterfaceResource::attribute), ExpressConnectRouterInterfaceResource::fromApi);
    }

    /** The state as the cloud has it; what the API does not return (periods, tags, flags) keeps its prior value. */
    private static ObjectValue fromApi(JsonNode n, ObjectValue prior) {
        Map<String, Value> m = new HashMap<>(prior == null ? Map.of() : prior.attributes());
        String id = n.get("RouterInterfaceId").asText();
        String spec = n.get("Spec").asText();
        m.put("id", Value.of(id));
        m.put("router_interface_id", Value.of(id));
        m.put("role", Value.of(n.get("Role").asText()));
        m.put("router_type", Value.of(n.get("RouterType").asText()));
        m.put("router_id", Value.of(n.get("RouterId").asText()));
        m.put("spec", Value.of(spec));
        m.put("status", Value.of(n.get("Status").asText()));
        m.put("bandwidth", Value.of(Spec.fromApiName(spec).map(Spec::mbps).orElse(0)));
        m.put("business_status", ObjectValues.strOrNull(Answers.text(n, "BusinessStatus")));
        m.put("create_time", ObjectValues.strOrNull(Answers.text(n, "CreationTime")));
        m.put("connected_time", ObjectValues.strOrNull(Answers.text(n, "ConnectedTime")));
        m.put("router_interface_name", ObjectValues.strOrNull(Answers.text(n, "Name")));
        m.put("description", ObjectValues.strOrNull(Answers.text(n, "Description")));
        m.put("opposite_region_id", ObjectValues.strOrNull(Answers.text(n, "OppositeRegionId")));
        m.put("opposite_interface_id", ObjectValues.strOrNull(Answers.text(n, "OppositeInterfaceId")));
        m.put("payment_type", Value.of("PrePaid".equals(Answers.text(n, "ChargeType")) ? "Subscription"
                : "PayAsYouGo"));
        m.put("cross_border", Value.of(false));
        if (prior == null) {
            m.put("opposite_router_id", ObjectValues.strOrNull(Answers.text(n, "OppositeRouterId")));
            m.put("opposite_interface_owner_id", ObjectValues.strOrNull(Answers.text(n, "OppositeInterfaceOwnerId")));
            m.put("access_point_id", ObjectValues.strOrNull(Answers.text(n, "AccessPointId")));
            m.put("health_check_source_ip", ObjectValues.strOrNull(Answers.text(n, "HealthCheckSourceIp")));
            m.put("health_check_target_ip", ObjectValues.strOrNull(Answers.text(n, "HealthCheckTargetIp")));
        }
        String oppositeType = Answers.text(n, "OppositeRouterType");
        if (oppositeType != null) {
            m.put("opposite_router_type", Value.of(oppositeType));
        }
        if ("VRouter".equals(n.get("RouterType").asText())) {
            m.put("vpc_instance_id", ObjectValues.strOrNull(Answers.text(n, "VpcInstanceId")));
        }
        return ObjectValues.settled(ObjectValues.complete(new ObjectValue(m), SCHEMA));
    }
}
