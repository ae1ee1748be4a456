package dev.peerform.lang;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerform.value.BoolValue;
import dev.peerform.value.ListValue;
import dev.peerform.value.MapValue;
import dev.peerform.value.NumberValue;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.SetValue;
import dev.peerform.value.StringValue;
import dev.peerform.value.TupleValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Values and types in Terraform's JSON encodings (state, plan JSON, {@code output -json}): a type is
 * {@code "string"} or {@code ["list","string"]} or {@code ["object",{...}]}; a value is plain JSON.
 */
public final class ValueJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ValueJson() {
    }

    public static JsonNode type(Type t) {
        if (t instanceof Type.Primitive p) {
            return F.textNode(p.friendlyName());
        }
        if (t == Type.DYNAMIC) {
            return F.textNode("dynamic");
        }
        ArrayNode a = F.arrayNode();
        if (t instanceof Type.ListType l) {
            return a.add("list").add(type(l.element()));
        }
        if (t instanceof Type.SetType s) {
            return a.add("set").add(type(s.element()));
        }
        if (t instanceof Type.MapType m) {
            return a.add("map").add(type(m.element()));
        }
        if (t instanceof Type.ObjectType o) {
            ObjectNode attrs = F.objectNode();
            o.attributes().forEach((k, v) -> attrs.set(k, type(v)));
            return a.add("object").add(attrs);
        }
        ArrayNode elements = F.arrayNode();
        ((Type.TupleType) t).elements().forEach(e -> elements.add(type(e)));
        return a.add("tuple").add(elements);
    }

    public static Type parseType(JsonNode n) {
        if (n.isTextual()) {
            return switch (n.textValue()) {
                case "string" -> Type.STRING;
                case "number" -> Type.NUMBER;
                case "bool" -> Type.BOOL;
                case "dynamic" -> Type.DYNAMIC;
                default -> throw new IllegalArgumentException("unknown type " + n);
            };
        }
        String kind = n.get(0).textValue();
        JsonNode arg = n.get(1);
        return switch (kind) {
            case "list" -> Type.list(parseType(arg));
            case "set" -> Type.set(parseType(arg));
            case "map" -> Type.map(parseType(arg));
            case "object" -> {
                Map<String, Type> attrs = new TreeMap<>();
                arg.fields().forEachRemaining(e -> attrs.put(e.getKey(), parseType(e.getValue())));
                yield Type.object(attrs);
            }
            case "tuple" -> {
                List<Type> elements = new ArrayList<>();
                arg.forEach(e -> elements.add(parseType(e)));
                yield Type.tuple(elements);
            }
            default -> throw new IllegalArgumentException("unknown type " + n);
        };
    }

    /** The value as JSON; unknown values (which have no JSON form) become null, sensitive ones their value. */
    public static JsonNode value(Value v) {
        v = v.unmarked();
        if (v.isNull() || !v.isKnown()) {
            return F.nullNode();
        }
        if (v instanceof StringValue s) {
            return F.textNode(s.value());
        }
        if (v instanceof NumberValue n) {
            BigDecimal d = n.value();
            return d.scale() <= 0 ? F.numberNode(d.toBigIntegerExact()) : F.numberNode(d);
        }
        if (v instanceof BoolValue b) {
            return F.booleanNode(b.value());
        }
        if (v instanceof ObjectValue || v instanceof MapValue) {
            ObjectNode o = F.objectNode();
            Map<String, Value> m = v instanceof ObjectValue ov ? ov.attributes() : ((MapValue) v).elements();
            m.forEach((k, e) -> o.set(k, value(e)));
            return o;
        }
        ArrayNode a = F.arrayNode();
        v.children().forEach(e -> a.add(value(e)));
        return a;
    }

    /** Reads a JSON value as a value of the given type (as state and plan files store them). */
    public static Value value(JsonNode n, Type t) {
        if (n == null || n.isNull()) {
            return Value.nullOf(t);
        }
        if (t == Type.DYNAMIC) {
            return EncodingFunctions.fromJson(n);
        }
        if (t == Type.STRING) {
            return Value.of(n.asText());
        }
        if (t == Type.NUMBER) {
            return Value.of(n.decimalValue());
        }
        if (t == Type.BOOL) {
            return Value.of(n.asBoolean());
        }
        if (t instanceof Type.ListType || t instanceof Type.SetType) {
            List<Value> out = new ArrayList<>();
            n.forEach(e -> out.add(value(e, t.elementType())));
            return t instanceof Type.ListType ? new ListValue(t.elementType(), out)
                    : new SetValue(t.elementType(), out);
        }
        if (t instanceof Type.MapType m) {
            Map<String, Value> out = new TreeMap<>();
            n.fields().forEachRemaining(e -> out.put(e.getKey(), value(e.getValue(), m.element())));
            return new MapValue(m.element(), out);
        }
        if (t instanceof Type.ObjectType o) {
            Map<String, Value> out = new TreeMap<>();
            o.attributes().forEach((k, at) -> out.put(k, value(n.get(k), at)));
            return new ObjectValue(out);
        }
        List<Type> elements = ((Type.TupleType) t).elements();
        List<Value> out = new ArrayList<>();
        Iterator<JsonNode> it = n.elements();
        for (Type et : elements) {
            out.add(value(it.hasNext() ? it.next() : null, et));
        }
        return new TupleValue(out);
    }
}
