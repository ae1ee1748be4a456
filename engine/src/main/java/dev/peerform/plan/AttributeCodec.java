package dev.peerform.plan;

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
import dev.peerform.value.SetValue;
import dev.peerform.value.StringValue;
import dev.peerform.value.TupleValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resource attributes to and from the state's JSON, with the provider's schema: an attribute of dynamic type is
 * stored as {@code {"value":..., "type":...}}, as Terraform stores it. A sensitive value is never written: it is
 * stored as the SHA-256 of its JSON ({@code "sha256:..."}), and its path listed in {@code sensitive_attributes}, so
 * that a later plan can still tell whether it changed without the state ever holding the secret.
 */
public final class AttributeCodec {

    public static final String REDACTED_PREFIX = "sha256:";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private AttributeCodec() {
    }

    public static ObjectNode encode(ObjectValue v, Schema schema) {
        ObjectNode out = F.objectNode();
        Value redacted = redact(v);
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

    /** Sensitive parts replaced by their digests: what is stored, and what diffs compare. */
    public static Value redact(Value v) {
        if (v.isSensitive()) {
            if (v.unmarked().isNull() || !v.unmarked().isKnown()
                    || (v.unmarked() instanceof StringValue s && s.value().startsWith(REDACTED_PREFIX))) {
                return v;
            }
            return Value.sensitive(Value.of(digest(v.unmarkedDeep())));
        }
        Value u = v;
        if (u instanceof ObjectValue o) {
            Map<String, Value> m = new TreeMap<>();
            o.attributes().forEach((k, x) -> m.put(k, redact(x)));
            return new ObjectValue(m);
        }
        if (u instanceof MapValue mv) {
            Map<String, Value> m = new TreeMap<>();
            mv.elements().forEach((k, x) -> m.put(k, redact(x)));
            return new MapValue(mv.elementType(), m);
        }
        if (u instanceof ListValue l) {
            return new ListValue(l.elementType(), l.elements().stream().map(AttributeCodec::redact).toList());
        }
        if (u instanceof TupleValue tv) {
            return new TupleValue(tv.elements().stream().map(AttributeCodec::redact).toList());
        }
        if (u instanceof SetValue s) {
            return new SetValue(s.elementType(), s.elements().stream().map(AttributeCodec::redact).toList());
        }
        return v;
    }

    /** A stored digest reads back as a sensitive value (its text is the digest, never the secret). */
    private static Value unredact(Value v) {
        if (v instanceof StringValue s && s.value().startsWith(REDACTED_PREFIX)) {
            return Value.sensitive(v);
        }
        if (v instanceof ObjectValue o) {
            Map<String, Value> m = new TreeMap<>();
            o.attributes().forEach((k, x) -> m.put(k, unredact(x)));
            return new ObjectValue(m);
        }
        return v;
    }

    /** True when the two values are the same once secrets are compared by digest. */
    public static boolean sameForDiff(Value a, Value b) {
        if (a == null || b == null) {
            return a == b;
        }
        return redact(a).unmarkedDeep().equals(redact(b).unmarkedDeep());
    }

    private static String digest(Value v) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(ValueJson.value(v).toString()
                    .getBytes(StandardCharsets.UTF_8));
            return REDACTED_PREFIX + HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
