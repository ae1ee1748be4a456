package dev.peerform.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SortedArrayMapTest {

    private static Map<String, Value> unordered() {
        Map<String, Value> m = new LinkedHashMap<>();
        m.put("zone", new StringValue("b"));
        m.put("cidr", new StringValue("10.0.0.0/8"));
        m.put("name", new StringValue("peer"));
        m.put("id", null);
        return m;
    }

    @Test
    void objectAttributesIterateInNameOrderWhateverTheInputOrder() {
        ObjectValue o = new ObjectValue(unordered());
        assertEquals(List.of("cidr", "id", "name", "zone"), List.copyOf(o.attributes().keySet()));
        assertEquals(new StringValue("peer"), o.get("name"));
        assertNull(o.get("missing"));
        assertTrue(o.attributes().containsKey("id"));
    }

    @Test
    void equalsHashesAndPrintsAsTheTreeMapItReplaces() {
        TreeMap<String, Value> tree = new TreeMap<>(unordered());
        ObjectValue compact = new ObjectValue(unordered());
        assertEquals(tree, compact.attributes());
        assertEquals(compact.attributes(), tree);
        assertEquals(tree.hashCode(), compact.attributes().hashCode());
        assertEquals(tree.toString(), compact.attributes().toString());
        assertEquals(new ObjectValue(tree), compact);
        assertEquals(new MapValue(Type.STRING, new HashMap<>(Map.of("a", new StringValue("x")))),
                new MapValue(Type.STRING, Map.of("a", new StringValue("x"))));
    }

    @Test
    void rangesFollowTheSortedMapContract() {
        SortedArrayMap m = SortedArrayMap.copyOf(unordered());
        assertEquals("cidr", m.firstKey());
        assertEquals("zone", m.lastKey());
        assertEquals(List.of("id", "name"), List.copyOf(m.subMap("d", "o").keySet()));
        assertEquals(List.of("cidr", "id"), List.copyOf(m.headMap("name").keySet()));
        assertEquals(List.of("name", "zone"), List.copyOf(m.tailMap("name").keySet()));
        assertThrows(UnsupportedOperationException.class, () -> m.put("x", new StringValue("y")));
        assertThrows(NullPointerException.class, () -> {
            Map<String, Value> withNull = new HashMap<>();
            withNull.put(null, new StringValue("v"));
            SortedArrayMap.copyOf(withNull);
        });
    }
}
