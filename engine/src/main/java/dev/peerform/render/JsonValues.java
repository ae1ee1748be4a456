package dev.peerform.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerform.lang.ValueJson;
import dev.peerform.value.ListValue;
import dev.peerform.value.MapValue;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.SetValue;
import dev.peerform.value.TupleValue;
import dev.peerform.value.Type;
import dev.peerform.value.UnknownValue;
import dev.peerform.value.Value;
import java.util.Map;

/**
 * The three parallel trees of Terraform's plan and state JSON: the known values (unknown and sensitive parts as
 * null: no secret is ever written), the {@code *_unknown} tree and the {@code *_sensitive} tree ({@code true} at
 * each unknown or sensitive part, empty objects and arrays around them).
 */
final class JsonValues {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private JsonValues() {
    }

    static JsonNode known(Value v) {
        return json(v, false, false);
    }

    /** As {@link #known}, but a sensitive value in clear (what {@code show -json} of a state writes). */
    static JsonNode revealed(Value v) {
        return json(v, true, false);
    }

    /** As {@link #known}, but an unknown attribute of an object (or entry of a map) is left out, not null. */
    static JsonNode knownOmittingUnknownAttributes(Value v) {
        return json(v, false, true);
    }

    /**
     * The known part of {@code v}: null where it is unknown or null, and where it is sensitive unless
     * {@code reveal}; with {@code omitUnknown}, an object's or map's unknown entries are left out instead of null.
     */
    private static JsonNode json(Value v, boolean reveal, boolean omitUnknown) {
        if (v == null || !reveal && v.isSensitive()) {
            return F.nullNode();
        }
        Value u = reveal ? v.unmarked() : v;
        if (!u.isKnown() || u.isNull()) {
            return F.nullNode();
        }
        if (u instanceof ObjectValue || u instanceof MapValue) {
            ObjectNode o = F.objectNode();
            entries(u).forEach((k, x) -> {
                if (!omitUnknown || x.isKnown()) {
                    o.set(k, json(x, reveal, omitUnknown));
                }
            });
            return o;
        }
        if (u instanceof ListValue || u instanceof TupleValue || u instanceof SetValue) {
            ArrayNode a = F.arrayNode();
            u.children().forEach(x -> a.add(json(x, reveal, omitUnknown)));
            return a;
        }
        return ValueJson.value(u);
    }

    static JsonNode unknown(Value v) {
        return marks(v, false);
    }

    static JsonNode sensitive(Value v) {
        return marks(v, true);
    }

    private static JsonNode marks(Value v, boolean sensitive) {
        if (v == null) {
            return F.booleanNode(false);
        }
        boolean marked = sensitive ? v.isSensitive() : !v.isKnown();
        if (marked) {
            return F.booleanNode(true);
        }
        Value u = v.unmarked();
        if (sensitive && u instanceof UnknownValue) {
            return unknownSensitivity(u.type());
        }
        if (u instanceof ObjectValue || u instanceof MapValue) {
            ObjectNode o = F.objectNode();
            entries(u).forEach((k, x) -> {
                JsonNode m = marks(x, sensitive);
                if (!(m.isBoolean() && !m.asBoolean())) {
                    o.set(k, m);
                }
            });
            return o;
        }
        if (u instanceof ListValue || u instanceof TupleValue || u instanceof SetValue) {
            ArrayNode a = F.arrayNode();
            u.children().forEach(x -> a.add(marks(x, sensitive)));
            return a;
        }
        return F.booleanNode(false);
    }

    /**
     * Nothing can be said yet of what inside an unknown value will be sensitive: Terraform writes an empty
     * container of the value's kind (an empty object for an object or map, an empty array for a list, set or
     * tuple), and false for a primitive or a value whose type is not known either.
     */
    private static JsonNode unknownSensitivity(Type type) {
        if (type instanceof Type.ObjectType || type instanceof Type.MapType) {
            return F.objectNode();
        }
        if (type instanceof Type.ListType || type instanceof Type.SetType || type instanceof Type.TupleType) {
            return F.arrayNode();
        }
        return F.booleanNode(false);
    }

    /** For a whole resource: the attributes' marks, with unmarked primitives left out (Terraform's shape). */
    static ObjectNode attributeMarks(ObjectValue v, boolean sensitive) {
        ObjectNode o = F.objectNode();
        if (v == null) {
            return o;
        }
        v.attributes().forEach((k, x) -> {
            JsonNode m = marks(x, sensitive);
            if (!(m.isBoolean() && !m.asBoolean())) {
                o.set(k, m);
            }
        });
        return o;
    }

    private static Map<String, Value> entries(Value v) {
        Value u = v.unmarked();
        return u instanceof ObjectValue o ? o.attributes() : ((MapValue) u).elements();
    }
}
