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
        return same(a.unmarked(), b.unmarked());
    }

    /**
     * {@code x.unmarkedDeep().equals(y.unmarkedDeep())} for values without their own mark, walking objects, maps,
     * lists and tuples side by side instead of copying both (a plan compares every instance's whole object). A
     * set is compared as copied: taking the marks off may make two of its elements one.
     */
    private static boolean same(Value x, Value y) {
        if (x == y) {
            return true;
        }
        if (x instanceof ObjectValue o && y instanceof ObjectValue p) {
            return sameEntries(o.attributes(), p.attributes());
        }
        if (x instanceof MapValue m && y instanceof MapValue n) {
            return m.elementType().equals(n.elementType()) && sameEntries(m.elements(), n.elements());
        }
        if (x instanceof ListValue l && y instanceof ListValue k) {
            return l.elementType().equals(k.elementType()) && sameElements(l.elements(), k.elements());
        }
        if (x instanceof TupleValue t && y instanceof TupleValue u) {
            return sameElements(t.elements(), u.elements());
        }
        return x.unmarkedDeep().equals(y.unmarkedDeep());
    }

    private static boolean sameEntries(Map<String, Value> a, Map<String, Value> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<String, Value> e : a.entrySet()) {
            Value other = b.get(e.getKey());
            if (other == null || !same(e.getValue().unmarked(), other.unmarked())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameElements(List<Value> a, List<Value> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!same(a.get(i).unmarked(), b.get(i).unmarked())) {
                return false;
            }
        }
        return true;
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
