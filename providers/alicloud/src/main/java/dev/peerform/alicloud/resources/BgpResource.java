package dev.peerform.alicloud.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.alicloud.transport.Api;
import dev.peerform.alicloud.transport.ApiException;
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
import dev.peerform.vpcapi.domain.Limits;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A BGP object on a VBR (group, peer, advertised network): its steps ("create the BGP group", "modify the BGP
 * group", "delete the BGP group") and their dispatch. As the official provider does, each change waits until the
 * cloud shows the object Available again, and a delete waits until it is gone.
 */
abstract class BgpResource extends NamedResource {

    private final String what;

    BgpResource(String name, Schema schema, String what) {
        super(name, schema);
        this.what = what;
    }

    @Override
    public final List<StepSpec> steps(ChangeView change) {
        List<StepSpec> out = new ArrayList<>();
        if (change.action() == ChangeAction.UPDATE) {
            out.add(StepSpec.of(BgpStep.MODIFY, Phase.UPDATE, "modify the " + what).waiting("Available"));
        }
        if (change.action().destroys()) {
            out.add(StepSpec.of(BgpStep.DELETE, Phase.DESTROY, "delete the " + what));
        }
        if (change.action().creates() && change.action() != ChangeAction.UPDATE) {
            out.add(StepSpec.of(BgpStep.CREATE, Phase.CREATE, "create the " + what).waiting("Available"));
        }
        return out;
    }

    @Override
    public final ObjectValue execute(Api api, Account account, StepContext ctx, StepView step, ObjectValue current)
            throws StepException {
        try {
            switch (step.spec().kindOf(BgpStep.class)) {
                case CREATE -> {
                    String id = create(api, ctx, current);
                    Waits.until(ctx, "the " + what + " " + id + " to be Available", "Available",
                            () -> status(api, id));
                    return created(api, id, current);
                }
                case MODIFY -> {
                    String id = ObjectValues.str(current, "id");
                    modify(api, step.before(), current);
                    Waits.until(ctx, "the " + what + " " + id + " to be Available", "Available",
                            () -> status(api, id));
                    return created(api, id, current);
                }
                case DELETE -> {
                    String id = ObjectValues.str(current, "id");
                    delete(api, current);
                    Waits.until(ctx, "the " + what + " " + id + " to be deleted", null, () -> status(api, id));
                    return null;
                }
            }
            throw new IllegalStateException(step.spec().name());
        } catch (ApiException e) {
            throw Errors.step(e, step.spec().description());
        }
    }

    /** Creates the object (with the step's ClientToken); its id. */
    abstract String create(Api api, StepContext ctx, ObjectValue planned) throws ApiException;

    /** Changes in place what differs between {@code before} and {@code planned}. */
    abstract void modify(Api api, ObjectValue before, ObjectValue planned) throws ApiException;

    /** Deletes the object; one already gone is what deleting wanted. */
    abstract void delete(Api api, ObjectValue current) throws ApiException;

    /** The object as the API describes it, or null when it is gone. */
    abstract JsonNode describe(Api api, String id) throws ApiException;

    /** The state after a create or modify: what the cloud says, with what only the configuration knows. */
    abstract ObjectValue fromApi(JsonNode v, ObjectValue prior);

    private ObjectValue created(Api api, String id, ObjectValue planned) throws ApiException, StepException {
        JsonNode v = describe(api, id);
        if (v == null) {
            throw StepException.permanent("the " + what + " " + id + " was gone right after it was changed",
                    "NotFound", "It was probably deleted outside peerform. Run `peerform plan` to see what is left.");
        }
        return fromApi(v, planned);
    }

    private String status(Api api, String id) throws ApiException {
        JsonNode v = describe(api, id);
        return v == null ? null : Answers.text(v, "Status");
    }

    @Override
    public final List<ObjectValue> read(Api api, List<ObjectValue> priors) throws ApiException {
        return CloudResource.readByIds(api, priors, "id", 1, CloudResource.oneAtATime(this::describe), this::fromApi);
    }

    /** Every page of a describe call ({@code kv}: name, value, ...), the items of its wrapper. */
    /** The one object a describe call lists under {@code idField} = {@code id}, or null when there is none. */
    static JsonNode one(Api api, String action, String set, String type, String idField, String id)
            throws ApiException {
        if (id == null) {
            return null;
        }
        for (JsonNode o : all(api, action, set, type, idField, id)) {
            if (id.equals(Answers.text(o, idField))) {
                return o;
            }
        }
        return null;
    }

    /**
     * A modify call's parameters: {@code fixed} always, then each {attribute, parameter} of {@code modifiable} whose
     * value changed and is set, as the official provider sends them.
     */
    static String[] changedParameters(ObjectValue before, ObjectValue planned, String[][] modifiable,
            String... fixed) {
        List<String> kv = new ArrayList<>(List.of(fixed));
        for (String[] m : modifiable) {
            if (changed(before, planned, m[0]) && param(planned, m[0]) != null) {
                kv.add(m[1]);
                kv.add(param(planned, m[0]));
            }
        }
        return kv.toArray(String[]::new);
    }

    static List<JsonNode> all(Api api, String action, String set, String type, String... kv) throws ApiException {
        List<JsonNode> out = new ArrayList<>();
        for (int page = 1; ; page++) {
            List<String> params = new ArrayList<>(List.of(kv));
            params.addAll(List.of("PageSize", Integer.toString(Limits.MAX_PAGE_SIZE), "PageNumber",
                    Integer.toString(page)));
            JsonNode r = api.call(action, params.toArray(String[]::new));
            r.path(set).path(type).forEach(out::add);
            if (out.size() >= r.path("TotalCount").asInt() || r.path(set).path(type).isEmpty()) {
                return out;
            }
        }
    }

    /** A number the API answers as text ("65001"), or null when it is empty. */
    static Value number(JsonNode v, String field) {
        String s = Answers.text(v, field);
        return s == null ? Value.nullOf(Type.NUMBER) : Value.of(new BigDecimal(s));
    }

    /** A planned attribute as the API's parameter text, or null when unset. */
    static String param(ObjectValue o, String name) {
        return ObjectValues.str(o, name);
    }

    /** Whether the attribute differs between two states (unknown and null alike read as unset). */
    static boolean changed(ObjectValue before, ObjectValue after, String name) {
        String b = ObjectValues.str(before, name);
        String a = ObjectValues.str(after, name);
        return b == null ? a != null : !b.equals(a);
    }
}
