package dev.peerform.value;

import java.util.List;

/** An ordered sequence whose elements may each have their own type: what {@code [1, "a"]} makes. */
public record TupleValue(List<Value> elements) implements Value {

    public TupleValue {
        elements = List.copyOf(elements);
    }

    @Override
    public Type type() {
        return Type.tuple(elements.stream().map(Value::type).toList());
    }

    @Override
    public String toString() {
        return elements.toString();
    }
}
