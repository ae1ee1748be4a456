package dev.peerform.alicloud.resources;

import dev.peerform.spi.Schema;
import dev.peerform.value.ListValue;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.SetValue;
import dev.peerform.value.StringValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reading and changing an instance's attributes (the object values of state and plan). */
final class ObjectValues {

    private ObjectValues() {
    }

    /** The attribute as a string when it is known and not null; otherwise null. */
    static String str(ObjectValue o, String name) {
        if (o == null) {
            return null;
        }
        Value v = o.get(name);
        if (v == null || v.isNull() || !v.isKnown()) {
            return null;
        }
        Value u = v.unmarked();
        return u instanceof StringValue s ? s.value() : u.toString();
    }

    static Integer integer(ObjectValue o, String name) {
        Value v = o == null ? null : o.get(name);
        return v == null || v.isNull() || !v.isKnown() ? null : v.asNumber().intValue();
    }

    /** {@code o} with the attributes {@code kv} (name, value, ...) set; a null value is the attribute's null. */
    static ObjectValue with(ObjectValue o, Object... kv) {
        Map<String, Value> m = new TreeMap<>(o.attributes());
        for (int i = 0; i < kv.length; i += 2) {
            String name = (String) kv[i];
            Object v = kv[i + 1];
            m.put(name, v == null ? Value.nullOf(m.containsKey(name) ? m.get(name).type() : Type.STRING)
                    : v instanceof Value val ? val : v instanceof Integer n ? Value.of(n) : Value.of(v.toString()));
        }
        return new ObjectValue(m);
    }

    static Value strOrNull(String s) {
        return s == null ? Value.nullOf(Type.STRING) : Value.of(s);
    }

    /** {@code o} with every unknown attribute made null: after a create or read, nothing is left to learn. */
    static ObjectValue settled(ObjectValue o) {
        Map<String, Value> m = new TreeMap<>(o.attributes());
        m.replaceAll((k, v) -> v.isKnown() ? v : Value.nullOf(v.type()));
        return new ObjectValue(m);
    }

    /** {@code o} with every attribute of {@code schema} it lacks set to null (an import, an older state). */
    static ObjectValue complete(ObjectValue o, Schema schema) {
        Map<String, Value> m = new TreeMap<>(o.attributes());
        schema.attributes().forEach((k, a) -> m.putIfAbsent(k, Value.nullOf(a.type())));
        Type.ObjectType all = schema.type();
        schema.blocks().keySet().forEach(k -> m.putIfAbsent(k, Value.nullOf(all.attributes().get(k))));
        return new ObjectValue(m);
    }

    /**
     * An imported object as a plan of its configuration would see it: what the cloud does not return is the
     * schema's default, and a repeated block the cloud does not return is empty, so the plan after an import of an
     * object configured with those defaults is clean.
     */
    static ObjectValue imported(ObjectValue o, Schema schema) {
        Map<String, Value> m = new TreeMap<>(o.attributes());
        schema.attributes().forEach((k, a) -> {
            if (a.defaultValue() != null && (m.get(k) == null || m.get(k).isNull())) {
                m.put(k, a.defaultValue());
            }
        });
        Type.ObjectType all = schema.type();
        schema.blocks().keySet().forEach(k -> {
            if (m.get(k) == null || m.get(k).isNull()) {
                Type t = all.attributes().get(k);
                if (t instanceof Type.ListType l) {
                    m.put(k, new ListValue(l.element(), List.of()));
                } else if (t instanceof Type.SetType st) {
                    m.put(k, new SetValue(st.element(), List.of()));
                }
            }
        });
        return new ObjectValue(m);
    }
}
