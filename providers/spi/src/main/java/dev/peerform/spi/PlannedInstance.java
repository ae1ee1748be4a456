package dev.peerform.spi;

import dev.peerform.value.ObjectValue;
import dev.peerform.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** A provider's plan for one instance: the proposed state and the attributes that force replacement. */
public record PlannedInstance(ObjectValue planned, List<String> requiresReplace) {

    /**
     * The plan every schema implies: configured attributes take the configuration's value (or the default);
     * computed attributes the user left unset keep the prior value, or are unknown when creating or when a
     * replacement will produce a new one; a changed forceNew attribute requires replacement.
     */
    public static PlannedInstance fromSchema(Schema schema, ObjectValue prior, ObjectValue config) {
        Map<String, Value> out = new TreeMap<>();
        List<String> replace = new ArrayList<>();
        for (Map.Entry<String, AttributeSchema> e : schema.attributes().entrySet()) {
            String name = e.getKey();
            AttributeSchema a = e.getValue();
            Value configured = config.get(name);
            Value before = prior == null ? null : prior.get(name);
            Value value;
            if (configured != null && !configured.isNull()) {
                value = configured;
            } else if (a.defaultValue() != null) {
                value = a.defaultValue();
            } else if (a.computed()) {
                // the cloud decides: what it said last time stands, null included; a new object's is unknown
                value = prior == null || before == null ? Value.unknown(a.type()) : before;
            } else {
                value = Value.nullOf(a.type());
            }
            if (a.forceNew() && prior != null && (!a.computed() || (configured != null && !configured.isNull()))
                    && changed(before, value)) {
                replace.add(name);
            }
            out.put(name, value);
        }
        schema.blocks().keySet().forEach(name -> out.put(name, config.get(name)));
        if (!replace.isEmpty()) {
            // a replacement produces a new object: its computed attributes are not known yet
            for (Map.Entry<String, AttributeSchema> e : schema.attributes().entrySet()) {
                Value configured = config.get(e.getKey());
                if (e.getValue().computed() && (configured == null || configured.isNull())) {
                    out.put(e.getKey(), Value.unknown(e.getValue().type()));
                }
            }
        }
        return new PlannedInstance(new ObjectValue(out), replace);
    }

    private static boolean changed(Value before, Value after) {
        if (!after.isWhollyKnown()) {
            return true;
        }
        Value b = before == null ? null : before.unmarkedDeep();
        return !Objects.equals(b, after.unmarkedDeep());
    }
}
