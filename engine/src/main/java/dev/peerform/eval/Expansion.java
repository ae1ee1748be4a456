package dev.peerform.eval;

import dev.peerform.addrs.InstanceKey;
import dev.peerform.value.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The instances a resource block expands to: one, {@code count} of them, or one per {@code for_each} key. */
public record Expansion(Kind kind, Map<InstanceKey, Value> eachValues) {

    public enum Kind { SINGLE, COUNT, FOR_EACH }

    public static final Expansion SINGLE = new Expansion(Kind.SINGLE, Map.of(InstanceKey.NONE, Value.NULL));

    public static Expansion count(int n) {
        Map<InstanceKey, Value> keys = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            keys.put(new InstanceKey.IntKey(i), Value.NULL);
        }
        return new Expansion(Kind.COUNT, keys);
    }

    public List<InstanceKey> keys() {
        return List.copyOf(eachValues.keySet());
    }
}
