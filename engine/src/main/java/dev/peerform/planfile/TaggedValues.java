package dev.peerform.planfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerform.lang.ValueJson;
import dev.peerform.value.ListValue;
import dev.peerform.value.MapValue;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.SetValue;
import dev.peerform.value.TupleValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Values with their unknown and sensitive parts, as the plan file keeps them: {@code {"type":..., "value":...}}
 * where an unknown part is {@code {"$unknown": true}} and a sensitive part {@code {"$sensitive": VALUE}}: the plain
 * value with its mark, as Terraform's plan file keeps it (the file is written owner-only, and can be encrypted).
 */
final class TaggedValues {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private TaggedValues() {
    }

    static JsonNode encode(Value v) {
        if (v == null) {
            return F.nullNode();
        }
        ObjectNode o = F.objectNode();
        o.set("type", ValueJson.type(v.type()));
        o.set("value", tag(v));
        return o;
    }

    private static JsonNode tag(Value v) {
        if (v.isSensitive()) {
            ObjectNode o = F.objectNode();
            o.set("$sensitive", tag(v.unmarked()));
            return o;
        }
        if (!v.isKnown()) {
            return F.objectNode().put("$unknown", true);
        }
        if (v.isNull()) {
            return F.nullNode();
        }
        if (v instanceof ObjectValue || v instanceof MapValue) {
            ObjectNode o = F.objectNode();
            Map<String, Value> m = v instanceof ObjectValue ov ? ov.attributes() : ((MapValue) v).elements();
            m.forEach((k, x) -> o.set(k, tag(x)));
            return o;
        }
        if (v instanceof ListValue || v instanceof TupleValue || v instanceof SetValue) {
            var a = F.arrayNode();
            v.children().forEach(x -> a.add(tag(x)));
            return a;
        }
        return ValueJson.value(v);
    }

    static Value decode(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        return untag(n.get("value"), ValueJson.parseType(n.get("type")));
    }

    private static Value untag(JsonNode n, Type t) {
        if (n == null || n.isNull()) {
            return Value.nullOf(t);
        }
        if (n.isObject() && n.has("$unknown")) {
            return Value.unknown(t);
        }
        if (n.isObject() && n.has("$sensitive")) {
            Value inner = untag(n.get("$sensitive"), t);
            return inner.isSensitive() ? inner : Value.sensitive(inner);
        }
        if (t instanceof Type.ObjectType ot) {
            Map<String, Value> m = new TreeMap<>();
            ot.attributes().forEach((k, at) -> m.put(k, untag(n.get(k), at)));
            return new ObjectValue(m);
        }
        if (t instanceof Type.MapType mt) {
            Map<String, Value> m = new TreeMap<>();
            n.fields().forEachRemaining(e -> m.put(e.getKey(), untag(e.getValue(), mt.element())));
            return new MapValue(mt.element(), m);
        }
        if (t instanceof Type.ListType || t instanceof Type.SetType) {
            List<Value> xs = new ArrayList<>();
            n.forEach(x -> xs.add(untag(x, t.elementType())));
            return t instanceof Type.ListType ? new ListValue(t.elementType(), xs) : new SetValue(t.elementType(), xs);
        }
        if (t instanceof Type.TupleType tt) {
            List<Value> xs = new ArrayList<>();
            Iterator<JsonNode> it = n.elements();
            for (Type et : tt.elements()) {
                xs.add(untag(it.hasNext() ? it.next() : null, et));
            }
            return new TupleValue(xs);
        }
        return ValueJson.value(n, t);
    }
}
