package dev.peerform.alicloud.resources;

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
import dev.peerform.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A resource created and deleted whole whose only in-place change is its name (a VPC, a VBR): its steps
 * ("rename the VPC", "delete the VPC", "create the VPC") and their dispatch; a type says only how to call the API.
 */
abstract class RenamableResource extends NamedResource {

    private final String what;
    private final Set<String> nameAttributes;

    RenamableResource(String name, Schema schema, String what, String... nameAttributes) {
        this(name, schema, null, what, nameAttributes);
    }

    RenamableResource(String name, Schema schema, OfficialSchema official, String what, String... nameAttributes) {
        super(name, schema, official);
        this.what = what;
        this.nameAttributes = Set.of(nameAttributes);
    }

    @Override
    public final List<StepSpec> steps(ChangeView change) {
        List<StepSpec> out = new ArrayList<>();
        if (change.action() == ChangeAction.UPDATE) {
            out.add(StepSpec.of(ObjectStep.RENAME, Phase.UPDATE, onlyNames(change) ? "rename the " + what
                    : "change the " + what + " in place"));
        }
        if (change.action().destroys()) {
            out.add(StepSpec.of(ObjectStep.DELETE, Phase.DESTROY, "delete the " + what));
        }
        if (change.action().creates() && change.action() != ChangeAction.UPDATE) {
            out.add(StepSpec.of(ObjectStep.CREATE, Phase.CREATE, "create the " + what));
        }
        return out;
    }

    @Override
    public final ObjectValue execute(Api api, Account account, StepContext ctx, StepView step, ObjectValue current)
            throws StepException {
        try {
            switch (step.spec().kindOf(ObjectStep.class)) {
                case CREATE -> {
                    return create(api, ctx, current);
                }
                case RENAME -> {
                    rename(api, current);
                    return current;
                }
                case DELETE -> {
                    delete(api, current);
                    return null;
                }
            }
            throw new IllegalStateException(step.spec().name());
        } catch (ApiException e) {
            throw Errors.step(e, step.spec().description());
        }
    }

    /** True when the update changes nothing but the name (the step then says "rename"). */
    private boolean onlyNames(ChangeView change) {
        if (change.before() == null || change.after() == null) {
            return true;
        }
        for (String k : change.after().attributes().keySet()) {
            if (nameAttributes.contains(k) || k.equals("timeouts")) {
                continue;
            }
            Value b = change.before().get(k);
            Value a = change.after().get(k);
            if (!Objects.equals(b == null ? null : b.unmarkedDeep(), a.unmarkedDeep())) {
                return false;
            }
        }
        return true;
    }

    /** Creates the object (with the step's ClientToken); the state with what the cloud assigned. */
    abstract ObjectValue create(Api api, StepContext ctx, ObjectValue current) throws ApiException;

    abstract void rename(Api api, ObjectValue current) throws ApiException;

    /** Deletes the object; one already gone is what deleting wanted. */
    abstract void delete(Api api, ObjectValue current) throws ApiException;
}
