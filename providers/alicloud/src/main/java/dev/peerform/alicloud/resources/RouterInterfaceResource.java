package dev.peerform.alicloud.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.alicloud.transport.Api;
import dev.peerform.alicloud.transport.ApiException;
import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.AttributeSchema;
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

    private static final Schema SCHEMA = Schema.builder()
            .attribute("id", AttributeSchema.computed(Type.STRING))
            .attribute("opposite_region", AttributeSchema.required(Type.STRING).forcesNew())
            .attribute("router_type", AttributeSchema.required(Type.STRING).forcesNew())
            .attribute("router_id", AttributeSchema.required(Type.STRING).forcesNew())
            .attribute("role", AttributeSchema.required(Type.STRING).forcesNew())
            .attribute("specification", AttributeSchema.optional(Type.STRING).alsoComputed())
            .attribute("name", AttributeSchema.optional(Type.STRING))
            .attribute("description", AttributeSchema.optional(Type.STRING))
            .attribute("health_check_source_ip", AttributeSchema.optional(Type.STRING))
            .attribute("health_check_target_ip", AttributeSchema.optional(Type.STRING))
            .attribute("instance_charge_type", AttributeSchema.optional(Type.STRING).forcesNew()
                    .withDefault(Value.of("PostPaid")))
            .attribute("period", AttributeSchema.optional(Type.NUMBER).forcesNew())
            .attribute("access_point_id", AttributeSchema.computed(Type.STRING))
            .build();

    public RouterInterfaceResource() {
        super(TYPE, SCHEMA);
    }

    @Override
    public boolean allowsCreateBeforeDestroy() {
        return false; // a second pair between the same two routers cannot exist, even for a moment
    }

    @Override
    public void validate(ObjectValue config, Diagnostics diags) {
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
        if (RouterType.VBR.is(routerType) && ACCEPTOR.is(role)) {
            diags.errorOn("role", "A VBR cannot accept", "A router interface on a VBR is always the initiator: the VBR "
                    + "initiates and the VPC accepts. Set role = \"InitiatingSide\" here, and make the VPC's "
                    + "interface the acceptor.");
        }
        if (spec != null) {
            if (Spec.fromApiName(spec).isEmpty()) {
                diags.errorOn("specification", "Unsupported specification",
                        "\"" + spec + "\" is not a router interface specification. "
                        + "Did you mean \"" + Checks.nearestSpec(spec) + "\"? The API's specifications are "
                        + String.join(", ", Spec.initiatorSpecs().stream().map(Spec::apiName).toList())
                        + ", and Negative for an acceptor.");
            } else if (ACCEPTOR.is(role) && !spec.equals("Negative")) {
                diags.errorOn("specification", "Acceptor specification must be Negative",
                        "An acceptor's bandwidth follows its "
                        + "initiator's, so its specification is \"Negative\" (or leave it out); set the bandwidth "
                        + "(\"" + spec + "\") on the initiator.");
            } else if (INITIATOR.is(role) && spec.equals("Negative")) {
                diags.errorOn("specification", "Initiator needs a bandwidth",
                        "\"Negative\" is the acceptor's specification; an "
                        + "initiator needs a bandwidth such as \"Large.2\".");
            }
        }
        String charge = ObjectValues.str(config, "instance_charge_type");
        if ("PrePaid".equals(charge) && ACCEPTOR.is(role)) {
            diags.errorOn("instance_charge_type", "Prepaid acceptor",
                    "An acceptor created on its own must be pay-as-you-go: set "
                    + "instance_charge_type = \"PostPaid\" (only the initiator is billed).");
        }
        Integer period = ObjectValues.integer(config, "period");
        if ("PrePaid".equals(charge) && period != null && (period < 1 || (period > 9 && period != 12 && period != 24
                && period != 36))) {
            diags.errorOn("period", "Invalid subscription period",
                    "A subscription lasts 1-9 months or 1-3 years (12, 24 or 36 "
                    + "months); " + period + " is not allowed.");
        }
        if (charge != null && !charge.equals("PostPaid") && !charge.equals("PrePaid")) {
            diags.errorOn("instance_charge_type", "Invalid charge type",
                    "instance_charge_type must be \"PostPaid\" or \"PrePaid\".");
        }
        Checks.name(config, "name", diags);
        Checks.description(config, "description", diags);
        boolean srcSet = config.get("health_check_source_ip") != null && !config.get("health_check_source_ip").isNull();
        boolean dstSet = config.get("health_check_target_ip") != null && !config.get("health_check_target_ip").isNull();
        if (srcSet != dstSet) {
            diags.errorOn("health_check_source_ip", "Health check needs both addresses",
                    "health_check_source_ip and health_check_target_ip go "
                    + "together: set both, or neither.");
        } else if (srcSet && RouterType.VBR.is(routerType)) {
            diags.errorOn("health_check_source_ip", "Health check only on the VPC side",
                    "Health checks run on the VPC's router interface "
                    + "toward a VBR; set them on the VPC's interface, not the VBR's.");
        }
    }

    @Override
    public PlannedInstance plan(ObjectValue prior, ObjectValue config) {
        PlannedInstance p = PlannedInstance.fromSchema(SCHEMA, prior, config);
        Map<String, Value> planned = new TreeMap<>(p.planned().attributes());
        Value spec = config.get("specification");
        if (spec == null || spec.isNull()) {
            boolean acceptor = ACCEPTOR.is(ObjectValues.str(config, "role"));
            planned.put("specification", Value.of(acceptor ? "Negative" : Spec.DEFAULT_SAME_REGION.apiName()));
        }
        return new PlannedInstance(new ObjectValue(planned), p.requiresReplace());
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
                    JsonNode r = api.call("CreateRouterInterface", "Role", ObjectValues.str(current, "role"),
                            "RouterType",
                            ObjectValues.str(current, "router_type"), "RouterId", ObjectValues.str(current,
                                    "router_id"), "Spec",
                            ObjectValues.str(current, "specification"), "OppositeRegionId",
                            ObjectValues.str(current, "opposite_region"), "Name", ObjectValues.str(current, "name"),
                                    "Description",
                            ObjectValues.str(current, "description"), "HealthCheckSourceIp",
                            ObjectValues.str(current, "health_check_source_ip"), "HealthCheckTargetIp",
                            ObjectValues.str(current, "health_check_target_ip"), "InstanceChargeType",
                            ObjectValues.str(current, "instance_charge_type"), "Period",
                                    !prepaid || period == null ? null
                            : Integer.toString(years ? period / 12 : period), "PricingCycle", !prepaid ? null
                            : years ? "Year" : "Month", "ClientToken", ctx.clientToken());
                    String newId = r.get("RouterInterfaceId").asText();
                    JsonNode d = InterfaceReader.one(api, newId, api.region());
                    return ObjectValues.with(current, "id", newId, "access_point_id", d == null ? null
                            : Answers.text(d, "AccessPointId"));
                }
                case MODIFY -> {
                    boolean dropHealthCheck = ObjectValues.str(current, "health_check_source_ip") == null;
                    api.call("ModifyRouterInterfaceAttribute", "RouterInterfaceId", id, "Name",
                            ObjectValues.str(current, "name"), "Description", ObjectValues.str(current, "description"),
                            "HealthCheckSourceIp", ObjectValues.str(current, "health_check_source_ip"),
                            "HealthCheckTargetIp", ObjectValues.str(current, "health_check_target_ip"),
                            "DeleteHealthCheckIp", dropHealthCheck ? "true" : null);
                    return current;
                }
                case SPEC -> {
                    api.call("ModifyRouterInterfaceSpec", "RouterInterfaceId", id, "Spec",
                            ObjectValues.str(current, "specification"));
                    Calls.awaitStatus(api, ctx, "the new bandwidth of " + id, id, "Active");
                    return current;
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
        Map<String, JsonNode> found = InterfaceReader.byIds(api, priors.stream().map(p -> ObjectValues.str(p, "id"))
                .toList(), api.region());
        List<ObjectValue> out = new ArrayList<>();
        for (ObjectValue p : priors) {
            JsonNode n = found.get(ObjectValues.str(p, "id"));
            out.add(n == null ? null : fromApi(n, p));
        }
        return out;
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
        m.put("health_check_source_ip", ObjectValues.strOrNull(Answers.text(n, "HealthCheckSourceIp")));
        m.put("health_check_target_ip", ObjectValues.strOrNull(Answers.text(n, "HealthCheckTargetIp")));
        m.put("instance_charge_type", Value.of("PrePaid".equals(Answers.text(n, "ChargeType")) ? "PrePaid"
                : "PostPaid"));
        m.putIfAbsent("period", Value.nullOf(Type.NUMBER));
        m.put("access_point_id", ObjectValues.strOrNull(Answers.text(n, "AccessPointId")));
        return new ObjectValue(m);
    }

    @Override
    public ObjectValue importById(Api api, String id, Diagnostics diags) throws ApiException {
        JsonNode n = InterfaceReader.one(api, id, api.region());
        return n == null ? null : fromApi(n, null);
    }
}
