package dev.peerform.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerform.lang.ValueJson;
import dev.peerform.spi.AttributeSchema;
import dev.peerform.spi.Schema;
import dev.peerform.value.ListValue;
import dev.peerform.value.MapValue;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.StringValue;
import dev.peerform.value.TupleValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resource attributes to and from the state's JSON, with the provider's schema: an attribute of dynamic type is
 * stored as {@code {"value":..., "type":...}}, as Terraform stores it. A sensitive value is never written: it is
 * stored as its digest ({@link Redaction}), and its path listed in {@code sensitive_attributes}.
 */
public final class AttributeCodec {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private AttributeCodec() {
    }

    public static ObjectNode encode(ObjectValue v, Schema schema) {
        ObjectNode out = F.objectNode();
        Value redacted = Redaction.redact(v);
        ObjectValue o = (ObjectValue) redacted.unmarked();
        for (Map.Entry<String, Value> e : o.attributes().entrySet()) {
            AttributeSchema a = schema.attributes().get(e.getKey());
            Value x = e.getValue();
            if (a != null && a.type() == Type.DYNAMIC && !x.isNull()) {
                ObjectNode dyn = F.objectNode();
                dyn.set("value", ValueJson.value(x));
                dyn.set("type", ValueJson.type(x.type()));
                out.set(e.getKey(), dyn);
            } else {
                out.set(e.getKey(), ValueJson.value(x));
            }
        }
        return out;
    }

    /** The {@code sensitive_attributes} paths of a value: one path per sensitive part. */
    public static ArrayNode sensitivePaths(ObjectValue v) {
        ArrayNode out = F.arrayNode();
        collect(v, new ArrayList<>(), out);
        return out;
    }

    private static void collect(Value v, List<JsonNode> path, ArrayNode out) {
        if (v.isSensitive()) {
            ArrayNode p = F.arrayNode();
            path.forEach(p::add);
            out.add(p);
            return;
        }
        Value u = v.unmarked();
        if (u instanceof ObjectValue o) {
            o.attributes().forEach((k, x) -> collect(x, append(path, "get_attr", F.textNode(k)), out));
        } else if (u instanceof MapValue m) {
            m.elements().forEach((k, x) -> collect(x, append(path, "index", F.textNode(k)), out));
        } else if (u instanceof ListValue || u instanceof TupleValue) {
            List<Value> xs = u.children();
            for (int i = 0; i < xs.size(); i++) {
                collect(xs.get(i), append(path, "index", F.numberNode(i)), out);
            }
        }
    }

    private static List<JsonNode> append(List<JsonNode> path, String type, JsonNode value) {
        List<JsonNode> p = new ArrayList<>(path);
        p.add(F.objectNode().put("type", type).set("value", value));
        return p;
    }

    public static ObjectValue decode(ObjectNode attrs, Schema schema) {
        Map<String, Value> out = new TreeMap<>();
        Type.ObjectType t = schema.type();
        for (Map.Entry<String, Type> e : t.attributes().entrySet()) {
            JsonNode n = attrs.get(e.getKey());
            AttributeSchema a = schema.attributes().get(e.getKey());
            Value v;
            if (a != null && a.type() == Type.DYNAMIC) {
                v = n == null || n.isNull() ? Value.NULL
                        : ValueJson.value(n.get("value"), ValueJson.parseType(n.get("type")));
            } else {
                v = ValueJson.value(n, e.getValue());
            }
            out.put(e.getKey(), unredact(v));
        }
        return new ObjectValue(out);
    }

    /** A stored digest reads back as a sensitive value (its text is the digest, never the secret). */
    private static Value unredact(Value v) {
        if (v instanceof StringValue s && s.value().startsWith(Redaction.REDACTED_PREFIX)) {
            return Value.sensitive(v);
        }
        if (v instanceof ObjectValue o) {
            Map<String, Value> m = new TreeMap<>();
            o.attributes().forEach((k, x) -> m.put(k, unredact(x)));
            return new ObjectValue(m);
        }
        return v;
    }
}
