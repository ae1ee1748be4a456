package dev.peerform.lang;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.value.ListValue;
import dev.peerform.value.MapValue;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.TupleValue;
import dev.peerform.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sensitive marks apart from the values they mark. Files keep a secret as its plain value with the path to it
 * listed beside ({@code sensitive_attributes}, as Terraform's state does); reading puts the mark back on the path.
 * Diffs compare values without their marks: a secret changes when its value does.
 */
public final class Marks {

    private Marks() {
    }

    /** True when the two values are equal once their sensitive marks are taken off. */
    public static boolean sameIgnoringMarks(Value a, Value b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.unmarkedDeep().equals(b.unmarkedDeep());
    }

    /**
     * The value with each path of {@code paths} marked sensitive; a path is a list of steps
     * {@code {"type": "get_attr"|"index", "value": ...}}. A path that leads nowhere in the value is ignored.
     */
    public static Value withPaths(Value v, JsonNode paths) {
        if (paths == null || !paths.isArray()) {
            return v;
        }
        Value out = v;
        for (JsonNode path : paths) {
            List<JsonNode> steps = new ArrayList<>();
            path.forEach(steps::add);
            if (steps.isEmpty()) {
                continue; // a path names a part of the value; the value itself is marked by its holder
            }
            out = mark(out, steps, 0);
        }
        return out;
    }

    private static Value mark(Value v, List<JsonNode> steps, int at) {
        if (at == steps.size()) {
            return v.isSensitive() ? v : Value.sensitive(v);
        }
        boolean wasSensitive = v.isSensitive();
        Value u = v.unmarked();
        JsonNode key = steps.get(at).path("value");
        if (key.isObject()) { // an index step's key is a typed value: {"value": 1, "type": "number"}
            key = key.path("value");
        }
        Value inner;
        if (u instanceof ObjectValue o && o.attributes().containsKey(key.asText())) {
            Map<String, Value> m = new TreeMap<>(o.attributes());
            m.put(key.asText(), mark(m.get(key.asText()), steps, at + 1));
            inner = new ObjectValue(m);
        } else if (u instanceof MapValue mv && mv.elements().containsKey(key.asText())) {
            Map<String, Value> m = new TreeMap<>(mv.elements());
            m.put(key.asText(), mark(m.get(key.asText()), steps, at + 1));
            inner = new MapValue(mv.elementType(), m);
        } else if (u instanceof ListValue l && key.canConvertToInt() && key.asInt() < l.elements().size()) {
            List<Value> xs = new ArrayList<>(l.elements());
            xs.set(key.asInt(), mark(xs.get(key.asInt()), steps, at + 1));
            inner = new ListValue(l.elementType(), xs);
        } else if (u instanceof TupleValue t && key.canConvertToInt() && key.asInt() < t.elements().size()) {
            List<Value> xs = new ArrayList<>(t.elements());
            xs.set(key.asInt(), mark(xs.get(key.asInt()), steps, at + 1));
            inner = new TupleValue(xs);
        } else {
            return v;
        }
        return wasSensitive ? Value.sensitive(inner) : inner;
    }
}
