package dev.peerform.value;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A value of Terraform's language. Besides the usual kinds it has two that matter to a planner:
 * {@link UnknownValue}, a value the cloud computes during apply (it renders as "(known after apply)" and every
 * operation over it stays unknown), and {@link SensitiveValue}, a mark that follows a secret through every
 * operation so that it is never printed.
 */
public sealed interface Value permits NullValue, UnknownValue, BoolValue, NumberValue, StringValue, ListValue,
        SetValue, MapValue, TupleValue, ObjectValue, SensitiveValue {

    Value TRUE = BoolValue.TRUE;
    Value FALSE = BoolValue.FALSE;
    Value NULL = new NullValue(Type.DYNAMIC);
    Value DYNAMIC_UNKNOWN = new UnknownValue(Type.DYNAMIC);

    Type type();

    static Value of(String s) {
        return new StringValue(s);
    }

    static Value of(long n) {
        return new NumberValue(BigDecimal.valueOf(n));
    }

    static Value of(BigDecimal n) {
        return new NumberValue(n);
    }

    static Value of(boolean b) {
        return b ? TRUE : FALSE;
    }

    static Value nullOf(Type type) {
        return new NullValue(type);
    }

    static Value unknown(Type type) {
        return new UnknownValue(type);
    }

    /** Marks a value sensitive; a value already marked is returned as it is. */
    static Value sensitive(Value v) {
        return v instanceof SensitiveValue ? v : new SensitiveValue(v);
    }

    static Value object(Map<String, Value> attributes) {
        return new ObjectValue(attributes);
    }

    static Value tuple(List<Value> elements) {
        return new TupleValue(elements);
    }

    /** True unless this value (not looking inside it) is unknown. A sensitive mark is looked through. */
    default boolean isKnown() {
        return !(unmarked() instanceof UnknownValue);
    }

    /** True when neither this value nor anything inside it is unknown. */
    default boolean isWhollyKnown() {
        Value v = unmarked();
        if (v instanceof UnknownValue) {
            return false;
        }
        for (Value e : v.children()) {
            if (!e.isWhollyKnown()) {
                return false;
            }
        }
        return true;
    }

    default boolean isNull() {
        return unmarked() instanceof NullValue;
    }

    /** True when this value itself carries the sensitive mark. */
    default boolean isSensitive() {
        return this instanceof SensitiveValue;
    }

    /** True when this value or anything inside it carries the sensitive mark. */
    default boolean containsSensitive() {
        if (this instanceof SensitiveValue) {
            return true;
        }
        for (Value e : children()) {
            if (e.containsSensitive()) {
                return true;
            }
        }
        return false;
    }

    /** This value without its own sensitive mark (marks inside it stay). */
    default Value unmarked() {
        return this instanceof SensitiveValue s ? s.inner() : this;
    }

    /** This value with every sensitive mark inside it removed. */
    default Value unmarkedDeep() {
        Value v = unmarked();
        if (v instanceof ListValue l) {
            return new ListValue(l.elementType(), l.elements().stream().map(Value::unmarkedDeep).toList());
        }
        if (v instanceof SetValue s) {
            return new SetValue(s.elementType(), s.elements().stream().map(Value::unmarkedDeep).toList());
        }
        if (v instanceof TupleValue t) {
            return new TupleValue(t.elements().stream().map(Value::unmarkedDeep).toList());
        }
        if (v instanceof MapValue m) {
            return new MapValue(m.elementType(), mapValues(m.elements()));
        }
        if (v instanceof ObjectValue o) {
            return new ObjectValue(mapValues(o.attributes()));
        }
        return v;
    }

    private static Map<String, Value> mapValues(Map<String, Value> in) {
        java.util.TreeMap<String, Value> out = new java.util.TreeMap<>();
        in.forEach((k, e) -> out.put(k, e.unmarkedDeep()));
        return out;
    }

    /** The values directly inside this one: elements or attribute values; none for a primitive. */
    default List<Value> children() {
        Value v = unmarked();
        if (v instanceof ListValue l) {
            return l.elements();
        }
        if (v instanceof SetValue s) {
            return s.elements();
        }
        if (v instanceof TupleValue t) {
            return t.elements();
        }
        if (v instanceof MapValue m) {
            return List.copyOf(m.elements().values());
        }
        if (v instanceof ObjectValue o) {
            return List.copyOf(o.attributes().values());
        }
        return List.of();
    }

    /** The string of a known string value; throws for any other value (a caller's bug). */
    default String asString() {
        if (unmarked() instanceof StringValue s) {
            return s.value();
        }
        throw new IllegalStateException("not a known string: " + this);
    }

    default BigDecimal asNumber() {
        if (unmarked() instanceof NumberValue n) {
            return n.value();
        }
        throw new IllegalStateException("not a known number: " + this);
    }

    default boolean asBool() {
        if (unmarked() instanceof BoolValue b) {
            return b.value();
        }
        throw new IllegalStateException("not a known bool: " + this);
    }
}
