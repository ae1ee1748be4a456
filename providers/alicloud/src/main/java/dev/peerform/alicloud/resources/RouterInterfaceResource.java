package dev.peerform.alicloud.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.vpcapi.domain.Limits;
import dev.peerform.alicloud.transport.Api;
import dev.peerform.alicloud.transport.ApiException;
import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.ChangeView;
import dev.peerform.spi.Phase;
import dev.peerform.spi.PlannedInstance;
import dev.peerform.spi.Schema;
import dev.peerform.spi.StepContext;
import dev.peerform.spi.StepException;
import dev.peerform.spi.StepSpec;
import dev.peerform.spi.StepView;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import dev.peerform.vpcapi.billing.ChargeRules;
import dev.peerform.vpcapi.billing.ChargeType;
import dev.peerform.vpcapi.billing.SubscriptionPeriod;
import dev.peerform.vpcapi.domain.Role;
import dev.peerform.vpcapi.domain.RouterType;
import dev.peerform.vpcapi.domain.Spec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code alicloud_router_interface}: one end of a peering connection, on a VPC's VRouter or on a VBR. Its role,
 * router and region are fixed (a change replaces it); its bandwidth changes in place on an Active initiator. It is
 * deleted the way the cloud requires: suspended (and Inactive) first.
 */
public final class RouterInterfaceResource extends NamedResource {

    public static final String TYPE = "alicloud_router_interface";
    private static final Role INITIATOR = Role.INITIATOR;
    private static final Role ACCEPTOR = Role.ACCEPTOR;

    /** The official resource-level deprecation, printed once per configuration (Terraform groups repeats). */
    static final String DEPRECATION = "This resource has been deprecated since v1.199.0 and will be removed in the "
            + "future. Please use 'alicloud_express_connect_router_interface' instead.";

    static final OfficialSchema OFFICIAL = new OfficialSchema()
            .attr("id", Type.STRING, "C")
            .deprecated("access_point_id", Type.STRING, "C", "Attribute 'opposite_access_point_id' has been "
                    + "deprecated from version 1.11.0.")
            .attr("description", Type.STRING, "O")
            .attr("health_check_source_ip", Type.STRING, "O")
            .attr("health_check_target_ip", Type.STRING, "O")
            .attr("instance_charge_type", Type.STRING, "OF", Value.of("PostPaid"))
            .attr("name", Type.STRING, "O")
            .deprecated("opposite_access_point_id", Type.STRING, "O", "Attribute 'opposite_access_point_id' has been "
                    + "deprecated from version 1.11.0.")
            .deprecated("opposite_interface_id", Type.STRING, "C", "Attribute 'opposite_interface_id' has been "
                    + "deprecated from version 1.11.0. Use resource alicloud_router_interface_connection's "
                    + "'opposite_interface_id' instead.")
            .deprecated("opposite_interface_owner_id", Type.STRING, "C", "Attribute 'opposite_interface_owner_id' "
                    + "has been deprecated from version 1.11.0. Use resource alicloud_router_interface_connection's "
                    + "'opposite_interface_owner_id' instead.")
            .attr("opposite_region", Type.STRING, "RF")
            .deprecated("opposite_router_id", Type.STRING, "C", "Attribute 'opposite_router_id' has been deprecated "
                    + "from version 1.11.0. Use resource alicloud_router_interface_connection's 'opposite_router_id' "
                    + "instead.")
            .deprecated("opposite_router_type", Type.STRING, "C", "Attribute 'opposite_router_type' has been "
                    + "deprecated from version 1.11.0. Use resource alicloud_router_interface_connection's "
                    + "'opposite_router_type' instead.")
            .attr("period", Type.NUMBER, "O")
            .attr("role", Type.STRING, "RF")
            .attr("router_id", Type.STRING, "RF")
            .attr("router_type", Type.STRING, "RF")
            .attr("specification", Type.STRING, "O")
            // peerform's own, read from the describe answer: the bill's status and due date (drift when overdue)
            .attr("business_status", Type.STRING, "C")
            .attr("end_time", Type.STRING, "C");

    private static final Schema SCHEMA = OFFICIAL.build();

    public RouterInterfaceResource() {
        super(TYPE, SCHEMA);
    }

    @Override
    public boolean allowsCreateBeforeDestroy() {
        return false; // a second pair between the same two routers cannot exist, even for a moment
    }

    @Override
    public Map<String, String> deprecations() {
        return OFFICIAL.deprecations();
    }

    @Override
    public String deprecation() {
        return DEPRECATION;
    }

    @Override
    public void validate(ObjectValue config, Diagnostics diags) {
        diags.add(Diagnostic.warning(OfficialSchema.DEPRECATED_RESOURCE, DEPRECATION, null));
        OfficialSchema.warnDeprecated(config, OFFICIAL.deprecations(), diags);
        String role = ObjectValues.str(config, "role");
        String routerType = ObjectValues.str(config, "router_type");
        String spec = ObjectValues.str(config, "specification");
        if (role != null && Role.fromApiName(role).isEmpty()) {
            diags.errorOn("role", "Invalid role",
                    "role must be \"InitiatingSide\" or \"AcceptingSide\", not \"" + role + "\".");
        }
        if (routerType != null && RouterType.fromApiName(routerType).isEmpty()) {
            diags.errorOn("router_type", "Invalid router type",
                    "router_type must be \"VRouter\" or \"VBR\", not \"" + routerType
                    + "\".");
        }
        if (spec != null) {
            if (Spec.fromApiName(spec).isEmpty()) {
                diags.errorOn("specification", "Unsupported specification",
                        "\"" + spec + "\" is not a router interface specification. "
                        + "Did you mean \"" + Checks.nearestSpec(spec) + "\"? The API's specifications are "
                        + String.join(", ", Spec.initiatorSpecs().stream().map(Spec::apiName).toList())
                        + ", and Negative for an acceptor.");
            } else if (ACCEPTOR.is(role) && !spec.equals("Negative")) {
                // the official provider sends Negative for an acceptor whatever is written, and shows no diff
                diags.add(Diagnostic.warning("Acceptor specification ignored", "An acceptor's bandwidth follows its "
                        + "initiator's: specification = \"" + spec + "\" is sent as \"Negative\", as the official "
                        + "provider does. Set the bandwidth on the initiator.", null).withAttribute("specification"));
            } else if (INITIATOR.is(role) && spec.equals("Negative")) {
                diags.errorOn("specification", "Initiator needs a bandwidth",
                        "\"Negative\" is the acceptor's specification; an "
                        + "initiator needs a bandwidth such as \"Large.2\".");
            }
        }
        String charge = ObjectValues.str(config, "instance_charge_type");
        Role parsedRole = Role.fromApiName(role).orElse(null);
        ChargeType parsedCharge = ChargeType.fromInstanceChargeType(charge).orElse(null);
        if (parsedRole != null && parsedCharge != null) {
            ChargeRules.refusalOnCreate(parsedRole, parsedCharge).ifPresent(r -> diags.errorOn(
                    "instance_charge_type", "Prepaid acceptor", r.message() + " Set instance_charge_type = "
                    + "\"PostPaid\" (the cloud refuses it with " + r.code() + ")."));
        }
        Integer period = ObjectValues.integer(config, "period");
        if (period != null && SubscriptionPeriod.fromOldResourceMonths(period).isEmpty()) {
            diags.errorOn("period", "Invalid subscription period",
                    "A subscription lasts 1-9 months or 1-3 years (12, 24 or 36 "
                    + "months); " + period + " is not allowed.");
        }
        if (charge != null && !charge.equals("PostPaid") && !charge.equals("PrePaid")) {
            diags.errorOn("instance_charge_type", "Invalid charge type",
                    "instance_charge_type must be \"PostPaid\" or \"PrePaid\".");
        }
        Checks.length(config, "name", 2, 128, diags);
        Checks.length(config, "description", 2, 256, diags);
    }

    /** Whether the health-check addresses matter: only on a VBR's initiator (elsewhere they are ignored, no diff). */
    private static boolean healthChecked(ObjectValue v) {
        return RouterType.VBR.is(ObjectValues.str(v, "router_type")) && !ACCEPTOR.is(ObjectValues.str(v, "role"));
    }

    /**
     * The official provider's overrides: an acceptor is created as a VRouter interface with the Negative spec
     * whatever is written, and neither shows a diff afterwards; the health-check addresses show no diff unless the
     * interface is a VBR's initiator; an initiator without a spec gets the same-region default.
     */
    @Override
    public PlannedInstance plan(ObjectValue prior, ObjectValue config) {
        PlannedInstance p = PlannedInstance.fromSchema(SCHEMA, prior, config);
        Map<String, Value> planned = new TreeMap<>(p.planned().attributes());
        List<String> replace = new ArrayList<>(p.requiresReplace());
        boolean acceptor = ACCEPTOR.is(ObjectValues.str(config, "role"));
        if (acceptor) {
            planned.put("specification", prior != null && prior.get("specification") != null
                    ? prior.get("specification") : Value.of("Negative"));
            planned.put("router_type", prior != null && prior.get("router_type") != null
                    ? prior.get("router_type") : Value.of(RouterType.VROUTER.apiName()));
            replace.remove("router_type");
        } else if (config.get("specification") == null || config.get("specification").isNull()) {
            planned.put("specification", prior != null && prior.get("specification") != null
                    && !prior.get("specification").isNull() ? prior.get("specification")
                    : Value.of(Spec.DEFAULT_SAME_REGION.apiName()));
        }
        if (prior != null && !healthChecked(config)) {
            for (String k : List.of("health_check_source_ip", "health_check_target_ip")) {
                planned.put(k, prior.get(k) != null ? prior.get(k) : Value.nullOf(Type.STRING));
            }
        }
        if (prior != null && Renewals.due(prior)) {
            // an overdue or locked subscription is renewed: the plan shows it as a change, apply buys a period
            planned.put("business_status", Value.of(dev.peerform.vpcapi.billing.BusinessStatus.Normal.name()));
            planned.put("end_time", Value.unknown(Type.STRING));
        }
        if (prior != null && !"PrePaid".equals(ObjectValues.str(config, "instance_charge_type"))) {
            planned.put("period", prior.get("period") != null ? prior.get("period") : Value.nullOf(Type.NUMBER));
        }
        return new PlannedInstance(new ObjectValue(planned), replace);
    }

    @Override
    public List<StepSpec> steps(ChangeView change) {
        List<StepSpec> out = new ArrayList<>();
        if (change.action().destroys()) {
            out.add(StepSpec.of(InterfaceStep.SUSPEND, Phase.DESTROY, "suspend the interface").waiting("Inactive"));
            out.add(StepSpec.of(InterfaceStep.DELETE, Phase.DESTROY, "delete the interface").waiting("it is gone"));
        }
        if (change.action() == ChangeAction.UPDATE) {
            if (changed(change, "name", "description", "health_check_source_ip", "health_check_target_ip")) {
                out.add(StepSpec.of(InterfaceStep.MODIFY, Phase.UPDATE, "change the interface's attributes"));
            }
            if (changed(change, "business_status", "end_time")) {
                out.add(StepSpec.of(InterfaceStep.RENEW, Phase.UPDATE, "renew the subscription (RenewInstance)"));
            }
            if (changed(change, "specification")) {
                out.add(StepSpec.of(InterfaceStep.SPEC, Phase.UPDATE,
                        "change the bandwidth in place").waiting("Active"));
            }
        } else if (change.action().creates()) {
            out.add(StepSpec.of(InterfaceStep.CREATE, Phase.CREATE,
                    "create the " + (ACCEPTOR.is(ObjectValues.str(change.after(),
                    "role")) ? "acceptor" : "initiator") + " interface"));
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

    @Override
    public ObjectValue execute(Api api, Account account, StepContext ctx, StepView step, ObjectValue current)
            throws StepException {
        String id = ObjectValues.str(current, "id");
        try {
            switch (step.spec().kindOf(InterfaceStep.class)) {
                case CREATE -> {
                    boolean prepaid = "PrePaid".equals(ObjectValues.str(current, "instance_charge_type"));
                    Integer period = ObjectValues.integer(current, "period");
                    boolean years = period != null && period >= 12;
                    boolean checked = healthChecked(current);
                    JsonNode r = api.call("CreateRouterInterface", "Role", ObjectValues.str(current, "role"),
                            "RouterType",
                            ObjectValues.str(current, "router_type"), "RouterId", ObjectValues.str(current,
                                    "router_id"), "Spec",
                            ObjectValues.str(current, "specification"), "OppositeRegionId",
                            ObjectValues.str(current, "opposite_region"), "Name", ObjectValues.str(current, "name"),
                                    "Description",
                            ObjectValues.str(current, "description"), "HealthCheckSourceIp",
                            checked ? ObjectValues.str(current, "health_check_source_ip") : null,
                            "HealthCheckTargetIp",
                            checked ? ObjectValues.str(current, "health_check_target_ip") : null,
                            "InstanceChargeType",
                            ObjectValues.str(current, "instance_charge_type"), "Period",
                                    !prepaid || period == null ? null
                            : Integer.toString(years ? period / 12 : period), "PricingCycle", !prepaid ? null
                            : years ? "Year" : "Month", "ClientToken", ctx.clientToken());
                    String newId = r.get("RouterInterfaceId").asText();
                    // read with the other steps' reads of this moment (one call for up to 50)
                    JsonNode d = InterfacePoller.of(api).now(ctx, newId);
                    return ObjectValues.settled(d == null ? ObjectValues.with(current, "id", newId)
                            : fromApi(d, ObjectValues.with(current, "id", newId)));
                }
                case MODIFY -> {
                    boolean checked = healthChecked(current);
                    boolean dropHealthCheck = checked && ObjectValues.str(current, "health_check_source_ip") == null;
                    api.call("ModifyRouterInterfaceAttribute", "RouterInterfaceId", id, "Name",
                            ObjectValues.str(current, "name"), "Description", ObjectValues.str(current, "description"),
                            "HealthCheckSourceIp", checked ? ObjectValues.str(current, "health_check_source_ip")
                            : null, "HealthCheckTargetIp", checked ? ObjectValues.str(current,
                            "health_check_target_ip") : null, "DeleteHealthCheckIp", dropHealthCheck ? "true" : null);
                    return current;
                }
                case SPEC -> {
                    api.call("ModifyRouterInterfaceSpec", "RouterInterfaceId", id, "Spec",
                            ObjectValues.str(current, "specification"));
                    Calls.awaitStatus(api, ctx, "the new bandwidth of " + id, id, "Active");
                    return current;
                }
                case RENEW -> {
                    SubscriptionPeriod period = Renewals.period(current);
                    // BSS OpenAPI's renewal: router interfaces are sold under product code "ri", periods in months
                    api.call("RenewInstance", "ProductCode", "ri", "InstanceId", id, "RenewPeriod",
                            Integer.toString(period.months()), "ClientToken", ctx.clientToken());
                    JsonNode d = InterfacePoller.of(api).now(ctx, id);
                    return d == null ? current : fromApi(d, current);
                }
                case SUSPEND -> {
                    Calls.suspendAndWait(api, ctx, id);
                    return current;
                }
                case DELETE -> {
                    Calls.deleteIgnoringNotFound(api, "DeleteRouterInterface", "RouterInterfaceId", id);
                    Calls.awaitStatus(api, ctx, id + " to be deleted", id, null);
                    return null;
                }
            }
            throw new IllegalStateException(step.spec().name());
        } catch (ApiException e) {
            throw Errors.step(e, step.spec().description());
        }
    }

    @Override
    public List<ObjectValue> read(Api api, List<ObjectValue> priors) throws ApiException {
        return CloudResource.readByIds(api, priors, "id", Limits.MAX_PAGE_SIZE, InterfaceReader::remembering,
                (n, p) -> Renewals.observed(fromApi(n, p), api.client().now()));
    }

    /** The state as the cloud has it; what the API does not return (charge period) keeps its prior value. */
    private static ObjectValue fromApi(JsonNode n, ObjectValue prior) {
        Map<String, Value> m = new HashMap<>(prior == null ? Map.of() : prior.attributes());
        m.put("id", Value.of(n.get("RouterInterfaceId").asText()));
        m.put("opposite_region", ObjectValues.strOrNull(Answers.text(n, "OppositeRegionId")));
        m.put("router_type", Value.of(n.get("RouterType").asText()));
        m.put("router_id", Value.of(n.get("RouterId").asText()));
        m.put("role", Value.of(n.get("Role").asText()));
        m.put("specification", Value.of(n.get("Spec").asText()));
        m.put("name", ObjectValues.strOrNull(Answers.text(n, "Name")));
        m.put("description", ObjectValues.strOrNull(Answers.text(n, "Description")));
        if (healthChecked(new ObjectValue(m)) || prior == null) {
            m.put("health_check_source_ip", ObjectValues.strOrNull(Answers.text(n, "HealthCheckSourceIp")));
            m.put("health_check_target_ip", ObjectValues.strOrNull(Answers.text(n, "HealthCheckTargetIp")));
        }
        m.put("instance_charge_type", Value.of("PrePaid".equals(Answers.text(n, "ChargeType")) ? "PrePaid"
                : "PostPaid"));
        m.putIfAbsent("period", Value.nullOf(Type.NUMBER));
        m.put("business_status", ObjectValues.strOrNull(Answers.text(n, "BusinessStatus")));
        m.put("end_time", ObjectValues.strOrNull(Answers.text(n, "EndTime")));
        m.put("access_point_id", ObjectValues.strOrNull(Answers.text(n, "AccessPointId")));
        // the deprecated opposite_* attributes stay null: the connection resource owns them, and reading them back
        // here would report a change "outside peerform" after every connection
        return ObjectValues.complete(new ObjectValue(m), SCHEMA);
    }

    @Override
    public ObjectValue importById(Api api, String id, Diagnostics diags) throws ApiException {
        JsonNode n = InterfaceReader.one(api, id, api.region());
        return n == null ? null : fromApi(n, null);
    }
}
