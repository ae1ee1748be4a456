package dev.peerform.value;

import java.util.Map;
import java.util.SortedMap;

/** String keys to elements of one type; iterated in key order, as Terraform does. */
public record MapValue(Type elementType, SortedMap<String, Value> elements) implements Value {

    public MapValue(Type elementType, Map<String, Value> elements) {
        this(elementType, SortedArrayMap.copyOf(elements));
    }

    @Override
    public Type type() {
        return Type.map(elementType);
    }

    @Override
    public String toString() {
        return elements.toString();
    }
}
