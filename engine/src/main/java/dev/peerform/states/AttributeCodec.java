package dev.peerform.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerform.lang.Marks;
import dev.peerform.lang.ValueJson;
import dev.peerform.spi.AttributeSchema;
import dev.peerform.spi.Schema;
import dev.peerform.value.ListValue;
import dev.peerform.value.MapValue;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.TupleValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resource attributes to and from the state's JSON, with the provider's schema: an attribute of dynamic type is
 * stored as {@code {"value":..., "type":...}}, as Terraform stores it. A sensitive value is stored as Terraform
 * stores it: its plain value, with its path listed in {@code sensitive_attributes}; reading marks those paths (and
 * the attributes the schema calls sensitive) again, so that nothing read from a state is shown in clear.
 */
public final class AttributeCodec {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private AttributeCodec() {
    }

    public static ObjectNode encode(ObjectValue v, Schema schema) {
        ObjectNode out = F.objectNode();
        for (Map.Entry<String, Value> e : v.attributes().entrySet()) {
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
            m.elements().forEach((k, x) -> collect(x, append(path, "index",
                    F.objectNode().put("value", k).put("type", "string")), out));
        } else if (u instanceof ListValue || u instanceof TupleValue) {
            List<Value> xs = u.children();
            for (int i = 0; i < xs.size(); i++) {
                collect(xs.get(i), append(path, "index", F.objectNode().put("value", i).put("type", "number")), out);
            }
        }
    }

    private static List<JsonNode> append(List<JsonNode> path, String type, JsonNode value) {
        List<JsonNode> p = new ArrayList<>(path);
        p.add(F.objectNode().put("type", type).set("value", value));
        return p;
    }

    /** The attributes of an instance, with its sensitive paths and the schema's sensitive attributes marked. */
    public static ObjectValue decode(InstanceState is, Schema schema) {
        return decode(is.attributes(), is.sensitiveAttributes(), schema);
    }

    public static ObjectValue decode(ObjectNode attrs, JsonNode sensitivePaths, Schema schema) {
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
            out.put(e.getKey(), a != null && a.sensitive() && !v.isNull() && !v.isSensitive() ? Value.sensitive(v) : v);
        }
        return (ObjectValue) Marks.withPaths(new ObjectValue(out), sensitivePaths);
    }

    /** A value read back from a provider (which keeps no marks) with the marks its prior value had. */
    public static ObjectValue remarked(ObjectValue after, ObjectValue before) {
        return (ObjectValue) Marks.withPaths(after, sensitivePaths(before));
    }
}
