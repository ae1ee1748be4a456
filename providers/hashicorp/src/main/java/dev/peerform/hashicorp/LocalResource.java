package dev.peerform.hashicorp;

import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.ChangeView;
import dev.peerform.spi.Phase;
import dev.peerform.spi.ResourceType;
import dev.peerform.spi.Schema;
import dev.peerform.spi.StepSpec;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Value;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A resource whose object lives only in the state: creating it makes its values (from {@link SecureRandom} unless
 * a seed asks for a repeatable choice), destroying it forgets them, and nothing outside can change it.
 */
abstract class LocalResource implements ResourceType {

    private final String name;
    private final Schema schema;

    LocalResource(String name, Schema schema) {
        this.name = name;
        this.schema = schema;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Schema schema() {
        return schema;
    }

    /** The planned object with its computed values made. */
    abstract ObjectValue make(ObjectValue planned, SecureRandom random);

    /** The object an import id stands for; null (and a diagnostic) when the id is not one. */
    ObjectValue importById(String id, Diagnostics diags) {
        diags.error("Import not supported", name + " cannot be imported, as with the official provider.", null);
        return null;
    }

    @Override
    public List<StepSpec> steps(ChangeView change) {
        List<StepSpec> steps = new ArrayList<>();
        if (change.action().destroys()) {
            steps.add(StepSpec.of(StoreStep.DELETE, Phase.DESTROY, "forget the value"));
        }
        if (change.action() == ChangeAction.UPDATE) {
            steps.add(StepSpec.of(StoreStep.UPDATE, Phase.UPDATE, "keep the new arguments"));
        } else if (change.action().creates()) {
            steps.add(StepSpec.of(StoreStep.CREATE, Phase.CREATE, "make the value"));
        }
        return steps;
    }

    /** Every attribute of the schema, null unless {@code values} gives it. */
    final ObjectValue object(Map<String, Value> values) {
        Map<String, Value> out = new TreeMap<>();
        schema.attributes().forEach((k, a) -> out.put(k, values.getOrDefault(k, Value.nullOf(a.type()))));
        return new ObjectValue(out);
    }

    static Map<String, Value> mutable(ObjectValue v) {
        return new TreeMap<>(v.attributes());
    }

    static String str(ObjectValue v, String name) {
        Value x = v == null ? null : v.get(name);
        return x == null || x.isNull() || !x.isKnown() ? null : x.unmarked().asString();
    }

    static Long num(ObjectValue v, String name) {
        Value x = v == null ? null : v.get(name);
        // a fraction is cut to its whole part, as the official provider's int64 arguments take it
        return x == null || x.isNull() || !x.isKnown() ? null : x.unmarked().asNumber().longValue();
    }

    static Boolean bool(ObjectValue v, String name) {
        Value x = v == null ? null : v.get(name);
        return x == null || x.isNull() || !x.isKnown() ? null : x.unmarked().asBool();
    }
}
