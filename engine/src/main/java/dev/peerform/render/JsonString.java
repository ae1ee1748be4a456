package dev.peerform.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.TupleValue;
import dev.peerform.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A string that holds a JSON object or array (what {@code jsonencode} makes), decoded so that a plan shows it as
 * Terraform does: {@code jsonencode(} with the structure inside, attribute by attribute. Any other string is not.
 */
final class JsonString {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonString() {
    }

    /** The decoded structure, or null when {@code s} is not a JSON object or array. */
    static Value decode(String s) {
        String t = s.strip();
        if (!(t.startsWith("{") && t.endsWith("}")) && !(t.startsWith("[") && t.endsWith("]"))) {
            return null;
        }
        try {
            return value(JSON.readTree(t));
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static Value value(JsonNode n) {
        if (n.isObject()) {
            Map<String, Value> m = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> m.put(e.getKey(), value(e.getValue())));
            return new ObjectValue(m);
        }
        if (n.isArray()) {
            List<Value> l = new ArrayList<>();
            n.elements().forEachRemaining(e -> l.add(value(e)));
            return new TupleValue(l);
        }
        if (n.isNumber()) {
            return Value.of(n.decimalValue());
        }
        if (n.isBoolean()) {
            return Value.of(n.booleanValue());
        }
        if (n.isTextual()) {
            return Value.of(n.textValue());
        }
        return Value.NULL;
    }
}
