package dev.peerform.value;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Unordered, distinct elements of one type. Kept in a canonical order (numbers by value, strings
 * lexicographically, others by their text), which is also the order Terraform shows them in.
 */
public record SetValue(Type elementType, List<Value> elements) implements Value {

    private static final Comparator<Value> CANONICAL = (a, b) -> {
        Value x = a.unmarked();
        Value y = b.unmarked();
        if (x instanceof NumberValue n && y instanceof NumberValue m) {
            return n.value().compareTo(m.value());
        }
        if (x instanceof StringValue s && y instanceof StringValue t) {
            return s.value().compareTo(t.value());
        }
        return String.valueOf(x).compareTo(String.valueOf(y));
    };

    public SetValue {
        // unknown elements may turn out equal to anything, or to nothing: each one is kept
        List<Value> distinct = new ArrayList<>(new LinkedHashSet<>(elements.stream().filter(Value::isKnown).toList()));
        distinct.sort(CANONICAL);
        distinct.addAll(elements.stream().filter(e -> !e.isKnown()).toList());
        elements = List.copyOf(distinct);
    }

    @Override
    public Type type() {
        return Type.set(elementType);
    }

    @Override
    public String toString() {
        return elements.toString();
    }
}
