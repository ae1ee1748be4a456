package dev.peerform.planfile;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import dev.peerform.lang.ValueJson;
import dev.peerform.value.BoolValue;
import dev.peerform.value.ListValue;
import dev.peerform.value.MapValue;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.SetValue;
import dev.peerform.value.StringValue;
import dev.peerform.value.TupleValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.io.IOException;
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

    private TaggedValues() {
    }

    /** The value's tagged JSON, written to the stream as it goes (no tree). */
    static void write(JsonGenerator g, Value v) throws IOException {
        if (v == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeFieldName("type");
        type(g, v.type());
        g.writeFieldName("value");
        tag(g, v);
        g.writeEndObject();
    }

    private static void tag(JsonGenerator g, Value v) throws IOException {
        if (v.isSensitive()) {
            g.writeStartObject();
            g.writeFieldName("$sensitive");
            tag(g, v.unmarked());
            g.writeEndObject();
        } else if (!v.isKnown()) {
            g.writeStartObject();
            g.writeBooleanField("$unknown", true);
            g.writeEndObject();
        } else if (v.isNull()) {
            g.writeNull();
        } else if (v instanceof ObjectValue || v instanceof MapValue) {
            g.writeStartObject();
            Map<String, Value> m = v instanceof ObjectValue ov ? ov.attributes() : ((MapValue) v).elements();
            for (Map.Entry<String, Value> e : m.entrySet()) {
                g.writeFieldName(e.getKey());
                tag(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof ListValue || v instanceof TupleValue || v instanceof SetValue) {
            g.writeStartArray();
            for (Value x : v.children()) {
                tag(g, x);
            }
            g.writeEndArray();
        } else if (v instanceof StringValue s) {
            g.writeString(s.value());
        } else if (v instanceof BoolValue b) {
            g.writeBoolean(b.value());
        } else {
            // a number: the node's own writing, so that its digits are exactly those of the value's JSON
            // elsewhere (integers as integers, decimals as the node factory normalizes them)
            JsonNode n = ValueJson.value(v);
            if (n.isNull()) {
                g.writeNull();
            } else {
                ((ValueNode) n).serialize(g, null);
            }
        }
    }

    private static void type(JsonGenerator g, Type t) throws IOException {
        if (t instanceof Type.Primitive p) {
            g.writeString(p.friendlyName());
        } else if (t == Type.DYNAMIC) {
            g.writeString("dynamic");
        } else if (t instanceof Type.ObjectType o) {
            g.writeStartArray();
            g.writeString("object");
            g.writeStartObject();
            for (Map.Entry<String, Type> e : o.attributes().entrySet()) {
                g.writeFieldName(e.getKey());
                type(g, e.getValue());
            }
            g.writeEndObject();
            g.writeEndArray();
        } else if (t instanceof Type.TupleType tt) {
            g.writeStartArray();
            g.writeString("tuple");
            g.writeStartArray();
            for (Type e : tt.elements()) {
                type(g, e);
            }
            g.writeEndArray();
            g.writeEndArray();
        } else {
            g.writeStartArray();
            g.writeString(t instanceof Type.ListType ? "list" : t instanceof Type.SetType ? "set" : "map");
            type(g, t.elementType());
            g.writeEndArray();
        }
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
