package dev.peerform.alicloud.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.vpcapi.domain.Limits;
import dev.peerform.alicloud.transport.Api;
import dev.peerform.alicloud.transport.ApiException;
import dev.peerform.diag.Diagnostic;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code alicloud_router_interface_connection}: one end's side of a connection. Creating it sets that end's
 * opposite information; on the initiator it then connects and waits until both ends are Active (on the acceptor it
 * waits for that). The provider orders every connect after both ends' opposite information is set. A connection
 * found suspended is resumed; destroying it suspends its interface and waits until Inactive.
 */
public final class ConnectionResource extends NamedResource {

    public static final String TYPE = "alicloud_router_interface_connection";

    private static final Schema SCHEMA = Schema.builder()
            .attribute("id", AttributeSchema.computed(Type.STRING))
            .attribute("interface_id", AttributeSchema.required(Type.STRING).forcesNew())
            .attribute("opposite_interface_id", AttributeSchema.required(Type.STRING).forcesNew())
            .attribute("opposite_router_type", AttributeSchema.optional(Type.STRING).forcesNew()
                    .withDefault(Value.of(RouterType.VROUTER.apiName())))
            .attribute("opposite_router_id", AttributeSchema.optional(Type.STRING).alsoComputed().forcesNew())
            .attribute("opposite_interface_owner_id", AttributeSchema.optional(Type.STRING).alsoComputed()
                    .forcesNew())
            .attribute("status", AttributeSchema.computed(Type.STRING))
            .build();

    public ConnectionResource() {
        super(TYPE, SCHEMA);
    }

    @Override
    public boolean allowsCreateBeforeDestroy() {
        return false;
    }

    @Override
    public String deprecation() {
        return RouterInterfaceResource.DEPRECATION;
    }

    @Override
    public void validate(ObjectValue config, Diagnostics diags) {
        diags.add(Diagnostic.warning(OfficialSchema.DEPRECATED_RESOURCE, RouterInterfaceResource.DEPRECATION, null));
        String type = ObjectValues.str(config, "opposite_router_type");
        if (type != null && RouterType.fromApiName(type).isEmpty()) {
            diags.errorOn("opposite_router_type", "Invalid opposite router type",
                    "opposite_router_type must be \"VRouter\" or \"VBR\".");
        }
    }

    /** A connection refresh found suspended (or still connecting) is planned back to Active: the repair. */
    @Override
    public PlannedInstance plan(ObjectValue prior, ObjectValue config) {
        // as upstream: the opposite router's type and id show no diff unless the opposite owner changes
        if (prior != null && ObjectValues.str(prior, "opposite_router_type") != null
                && ObjectValues.str(prior, "opposite_router_id") != null && Objects.equals(ObjectValues.str(prior, "opposite_interface_owner_id"),
                ObjectValues.str(config, "opposite_interface_owner_id") == null
                ? ObjectValues.str(prior, "opposite_interface_owner_id")
                : ObjectValues.str(config, "opposite_interface_owner_id"))) {
            config = ObjectValues.with(config, "opposite_router_type", prior.get("opposite_router_type"),
                    "opposite_router_id", prior.get("opposite_router_id"));
        }
        PlannedInstance p = PlannedInstance.fromSchema(SCHEMA, prior, config);
        Map<String, Value> planned = new TreeMap<>(p.planned().attributes());
        if (prior != null && p.requiresReplace().isEmpty()) {
            planned.put("status", Value.of("Active"));
        } else {
            planned.put("status", Value.unknown(Type.STRING));
        }
        return new PlannedInstance(new ObjectValue(planned), p.requiresReplace());
    }

    @Override
    public List<StepSpec> steps(ChangeView change) {
        List<StepSpec> out = new ArrayList<>();
        if (change.action().destroys()) {
            out.add(StepSpec.of(ConnectionStep.SUSPEND, Phase.DESTROY, "suspend the connection").waiting("Inactive"));
        }
        if (change.action() == ChangeAction.UPDATE) {
            out.add(StepSpec.of(ConnectionStep.RESUME, Phase.UPDATE, towardActive(change.before()))
                    .waiting("Active"));
        } else if (change.action().creates()) {
            out.add(StepSpec.of(ConnectionStep.SET_OPPOSITE, Phase.CREATE, "set the opposite information"));
            out.add(StepSpec.of(ConnectionStep.CONNECT, Phase.CREATE,
                    "connect (initiator) or await the connection (acceptor)")
                    .waiting("both ends Active"));
        }
        return out;
    }

    /**
     * What the step back to Active does, by the status the end was found in (the connection does not know its
     * end's role): only a suspended end is resumed; an Idle one is connected by the initiator while the acceptor
     * waits for it, as after a run stopped before it connected; one on its way is waited for.
     */
    static String towardActive(ObjectValue before) {
        String status = before == null ? null : ObjectValues.str(before, "status");
        if (status == null) {
            return "resume the connection";
        }
        return switch (status) {
            case "Idle" -> "connect (initiator) or wait for the initiator to connect (acceptor)";
            case "Connecting", "Activating" -> "await the connection (" + status + ")";
            default -> "resume the connection";
        };
    }

    @Override
    public ObjectValue execute(Api api, Account account, StepContext ctx, StepView step, ObjectValue current)
            throws StepException {
        String id = ObjectValues.str(current, "interface_id");
        try {
            switch (step.spec().kindOf(ConnectionStep.class)) {
                case SET_OPPOSITE -> {
                    // an end whose interface was not made (its create failed, or a value it needs was null) is
                    // refused here by name, never reached as a null
                    required(id, "interface_id");
                    required(ObjectValues.str(current, "opposite_interface_id"), "opposite_interface_id");
                    try {
                        return setOpposite(api, account, ctx, current, id, true);
                    } catch (ApiException e) {
                        if (e.code() == null || !e.code().startsWith("IncorrectStatus")) {
                            throw e;
                        }
                        // what this run read before is out of date: read again
                        return setOpposite(api, account, ctx, current, id, false);
                    }
                }
                case CONNECT, RESUME -> {
                    required(id, "interface_id");
                    switch (connectOrAwait(api, id, ctx, step.spec().is(ConnectionStep.CONNECT))) {
                        case LEAVE_IDLE -> {
                            return ObjectValues.with(current, "status", "Idle");
                        }
                        case AWAIT_ACTIVE -> Calls.awaitStatus(api, ctx, id + " to be Active", id, "Active");
                        case ACTIVE -> {
                        }
                    }
                    return ObjectValues.with(current, "status", "Active");
                }
                case SUSPEND -> {
                    Calls.suspendAndWait(api, ctx, id);
                    return null;
                }
            }
            throw new IllegalStateException(step.spec().name());
        } catch (ApiException e) {
            throw Errors.step(e, step.spec().description());
        }
    }

    private static void required(String value, String attribute) throws StepException {
        if (value == null) {
            throw StepException.permanent(attribute + " has no value: the router interface it names was not made "
                    + "or its id is null", "MissingParameter", "Check the errors above for the interface, and the "
                    + "expression of " + attribute + ".");
        }
    }

    /**
     * What brings one end to Active from the status it has: an Idle initiator connects (the acceptor cannot: it
     * awaits the initiator, whose own step connects); a suspended end of either role is resumed, as after a
     * replacement suspended it; an end already on its way is waited for, one already Active (an acceptor whose
     * initiator's step connected it and waited) is not. An Idle acceptor whose initiator's connect waits for this
     * step is left Idle ({@link AwaitsTheInitiator}).
     */
    private static NextForActive connectOrAwait(Api api, String id, StepContext ctx, boolean created)
            throws ApiException {
        InterfacePoller poller = InterfacePoller.of(api);
        // an initiator this run made and left Idle stays Idle until it connects: no need to read it again (an
        // acceptor is read, as what it waits for depends on the opposite information set since)
        JsonNode own = created ? poller.known(id) : null;
        if (own == null || !"Idle".equals(Answers.text(own, "Status"))
                || !Role.INITIATOR.is(Answers.text(own, "Role"))) {
            own = poller.now(ctx, id);
        }
        if (own == null) {
            return NextForActive.AWAIT_ACTIVE; // the wait says that it is gone
        }
        String status = own.get("Status").asText();
        if (status.equals("Active")) {
            return NextForActive.ACTIVE; // read by a round begun in this step: no wait, not even a first look
        }
        if (status.equals("Idle") && Role.INITIATOR.is(own.get("Role").asText())) {
            Calls.transition(api, ctx, id, "ConnectRouterInterface", Calls.CONNECTED);
        } else if (status.equals("Idle")) {
            return AwaitsTheInitiator.initiatorWaitsForThis(api, own, ctx) ? NextForActive.LEAVE_IDLE
                    : NextForActive.AWAIT_ACTIVE;
        } else if (status.equals("Inactive")) {
            Calls.transition(api, ctx, id, "ActivateRouterInterface", Calls.RESUMED);
        }
        return NextForActive.AWAIT_ACTIVE;
    }

    /** What the connect step does after bringing its end on the way to Active. */
    private enum NextForActive { AWAIT_ACTIVE, ACTIVE, LEAVE_IDLE }

    /**
     * Sets the end's opposite information while it is Idle. {@code useKnown}: the interfaces as this run last
     * read them (the create step's answer) stand for now, as an Idle end changes only by this step or a connect;
     * the cloud's refusal for the status sends the caller back here with {@code useKnown} false.
     */
    private static ObjectValue setOpposite(Api api, Account account, StepContext ctx, ObjectValue current, String id,
            boolean useKnown) throws ApiException, StepException {
        InterfacePoller poller = InterfacePoller.of(api);
        String oppositeId = ObjectValues.str(current, "opposite_interface_id");
        String owner = ObjectValues.str(current, "opposite_interface_owner_id");
        String router = ObjectValues.str(current, "opposite_router_id");
        boolean needOpposite = owner == null || router == null;
        JsonNode own = useKnown ? poller.known(id) : null;
        JsonNode opposite = needOpposite ? poller.known(oppositeId) : null;
        if (own == null || !"Idle".equals(Answers.text(own, "Status"))) {
            // the end's status now, and its opposite in the same call when its router is to be learnt
            Map<String, JsonNode> got = poller.now(ctx, needOpposite && opposite == null ? List.of(id, oppositeId)
                    : List.of(id));
            own = got.get(id);
            opposite = opposite != null ? opposite : got.get(oppositeId);
        }
        if (own == null) {
            throw StepException.permanent("the router interface " + id + " does not exist",
                    "InvalidInstanceId.NotFound", "Check interface_id.");
        }
        String oppositeRegion = Answers.text(own, "OppositeRegionId");
        if (needOpposite) {
            if (opposite == null && oppositeRegion != null && !oppositeRegion.equals(api.region())) {
                opposite = InterfaceReader.one(api, oppositeId, oppositeRegion);
            }
            if (opposite == null) {
                throw StepException.permanent("the opposite interface " + oppositeId + " is not in this "
                        + "account", "InvalidOppositeInterfaceId.NotFound", "For a peer in another "
                        + "account set opposite_router_id and opposite_interface_owner_id.");
            }
            router = router == null ? Answers.text(opposite, "RouterId") : router;
            owner = owner == null ? account.id() : owner;
        }
        if (owner == null) {
            throw StepException.permanent("the account of the opposite interface is not known",
                    "MissingParameter", "Set opposite_interface_owner_id, or the provider's account_id.");
        }
        String status = own.get("Status").asText();
        if (status.equals("Idle")) {
            api.call("ModifyRouterInterfaceAttribute", "RouterInterfaceId", id, "OppositeInterfaceId",
                    oppositeId, "OppositeRouterId", router, "OppositeRouterType",
                    ObjectValues.str(current, "opposite_router_type"), "OppositeInterfaceOwnerId", owner);
        } else if (!oppositeId.equals(Answers.text(own, "OppositeInterfaceId"))) {
            // never skip silently: the connect would fail later, after the old connection is gone
            throw StepException.permanent("the router interface " + id + " is " + status + " and peered "
                    + "with " + Answers.text(own, "OppositeInterfaceId") + "; its peer can change only "
                    + "before its first connection", "IncorrectStatus.RouterInterface", "Replace the "
                    + "interface: peerform apply -replace=<its address>.");
        }
        return ObjectValues.with(current, "id", id, "opposite_router_id", router,
                "opposite_interface_owner_id", owner);
    }

    @Override
    public List<ObjectValue> read(Api api, List<ObjectValue> priors) throws ApiException {
        // the interfaces' refresh has just read the same objects: ask only for those it did not
        return CloudResource.readByIds(api, priors, "interface_id", Limits.MAX_PAGE_SIZE, InterfaceReader::recalled,
                (n, p) -> n.get("OppositeInterfaceId") == null || n.get("OppositeInterfaceId").isNull() ? null
                        : ObjectValues.with(p, "status", n.get("Status").asText(), "opposite_interface_id",
                        n.get("OppositeInterfaceId").asText(), "opposite_router_id",
                        Answers.text(n, "OppositeRouterId")));
    }

    @Override
    public ObjectValue importById(Api api, String id, Diagnostics diags) throws ApiException {
        JsonNode n = InterfaceReader.one(api, id, api.region());
        if (n == null || Answers.text(n, "OppositeInterfaceId") == null) {
            return null;
        }
        Map<String, Value> m = new TreeMap<>();
        m.put("id", Value.of(id));
        m.put("interface_id", Value.of(id));
        m.put("opposite_interface_id", Value.of(n.get("OppositeInterfaceId").asText()));
        m.put("opposite_router_type", ObjectValues.strOrNull(Answers.text(n, "OppositeRouterType")));
        m.put("opposite_router_id", ObjectValues.strOrNull(Answers.text(n, "OppositeRouterId")));
        m.put("opposite_interface_owner_id", ObjectValues.strOrNull(Answers.text(n, "OppositeInterfaceOwnerId")));
        m.put("status", Value.of(n.get("Status").asText()));
        return new ObjectValue(m);
    }
}
