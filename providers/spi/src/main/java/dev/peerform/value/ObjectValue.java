package dev.peerform.value;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Named attributes, each with its own type; iterated in name order, as Terraform does. */
public record ObjectValue(SortedMap<String, Value> attributes) implements Value {

    public static final ObjectValue EMPTY = new ObjectValue(Map.of());

    public ObjectValue(Map<String, Value> attributes) {
        this(SortedArrayMap.copyOf(attributes));
    }

    @Override
    public Type type() {
        TreeMap<String, Type> types = new TreeMap<>();
        attributes.forEach((k, v) -> types.put(k, v.type()));
        return new Type.ObjectType(types, java.util.Set.of());
    }

    public Value get(String name) {
        return attributes.get(name);
    }

    @Override
    public String toString() {
        return attributes.toString();
    }
}
