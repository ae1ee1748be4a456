package dev.peerform.value;

import java.util.List;

/** An ordered sequence of elements of one type. */
public record ListValue(Type elementType, List<Value> elements) implements Value {

    public ListValue {
        elements = List.copyOf(elements);
    }

    @Override
    public Type type() {
        return Type.list(elementType);
    }

    @Override
    public String toString() {
        return elements.toString();
    }
}
