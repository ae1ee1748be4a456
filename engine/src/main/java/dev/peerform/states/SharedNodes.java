package dev.peerform.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Keeps one copy of equal JSON subtrees across the instances of a state: a state of 50,000 instances repeats the
 * same dynamic type ({@code ["object", {"cidr": "string"}]}) in every one, a {@code terraform_data}'s output equals
 * its input, and most instances share their empty {@code sensitive_attributes}. About 3 KB of tree per
 * {@code terraform_data} instance become about 1 KB. The state's trees are never modified after they are made (an
 * instance gets new attributes as a new tree), so sharing them is safe; only a tree just made, owned by the caller,
 * is passed in (the state's reader, and the apply as it records each instance). Remembers at most {@link #MAX_REMEMBERED} subtrees, forgetting all when full: the repeats that
 * matter come back at once.
 */
public final class SharedNodes {

    private static final int MAX_REMEMBERED = 8192;

    private final Map<JsonNode, JsonNode> seen = new HashMap<>();

    /** {@code n} with each subtree replaced by an equal one seen before, when there is one; null stays null. */
    public JsonNode share(JsonNode n) {
        if (n == null) {
            return null;
        }
        if (n instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode s = share(e.getValue());
                if (s != e.getValue()) {
                    e.setValue(s);
                }
            }
        } else if (n instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                JsonNode s = share(a.get(i));
                if (s != a.get(i)) {
                    a.set(i, s);
                }
            }
        }
        JsonNode prior = seen.get(n);
        if (prior != null) {
            return prior;
        }
        if (seen.size() >= MAX_REMEMBERED) {
            seen.clear();
        }
        seen.put(n, n);
        return n;
    }

    /** {@link #share(JsonNode)} for an instance's attributes, which stay an object. */
    public ObjectNode shareObject(ObjectNode n) {
        return (ObjectNode) share(n);
    }
}
