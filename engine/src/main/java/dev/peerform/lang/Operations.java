package dev.peerform.lang;

import dev.peerform.syntax.Expr.Operator;
import dev.peerform.value.ListValue;
import dev.peerform.value.MapValue;
import dev.peerform.value.NumberValue;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.SetValue;
import dev.peerform.value.TupleValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.math.BigDecimal;
import java.util.List;

/**
 * The operators, attribute access and indexing of the language, on values. Unknown operands give unknown
 * results of the right type; a sensitive operand makes the result sensitive.
 */
public final class Operations {

    /** Precision of a division that does not terminate; HCL computes with 512-bit floats. */

    private Operations() {
    }

    public static Value binary(Operator op, Value left, Value right) throws EvalException {
        boolean sensitive = left.isSensitive() || right.isSensitive();
        Value result = binaryUnmarked(op, left.unmarked(), right.unmarked());
        return sensitive ? Value.sensitive(result) : result;
    }

    private static Value binaryUnmarked(Operator op, Value l, Value r) throws EvalException {
        switch (op) {
            case EQUAL, NOT_EQUAL -> {
                if (!l.isWhollyKnown() || !r.isWhollyKnown()) {
                    return Value.unknown(Type.BOOL);
                }
                boolean eq = equal(l, r);
                return Value.of(op == Operator.EQUAL ? eq : !eq);
            }
            case AND, OR -> {
                Value a = operand(l, Type.BOOL, "left");
                Value b = operand(r, Type.BOOL, "right");
                boolean isAnd = op == Operator.AND;
                // a known deciding operand decides even when the other is unknown
                if ((a.isKnown() && a.asBool() != isAnd) || (b.isKnown() && b.asBool() != isAnd)) {
                    return Value.of(!isAnd);
                }
                if (!a.isKnown() || !b.isKnown()) {
                    return Value.unknown(Type.BOOL);
                }
                return Value.of(isAnd ? a.asBool() && b.asBool() : a.asBool() || b.asBool());
            }
            default -> {
                Value a = operand(l, Type.NUMBER, "left");
                Value b = operand(r, Type.NUMBER, "right");
                boolean comparison = op == Operator.LESS || op == Operator.LESS_EQUAL || op == Operator.GREATER
                        || op == Operator.GREATER_EQUAL;
                if (!a.isKnown() || !b.isKnown()) {
                    return Value.unknown(comparison ? Type.BOOL : Type.NUMBER);
                }
                BigDecimal x = a.asNumber();
                BigDecimal y = b.asNumber();
                return switch (op) {
                    case ADD -> Value.of(BigFloat.sum(x, y));
                    case SUBTRACT -> Value.of(BigFloat.difference(x, y));
                    case MULTIPLY -> Value.of(BigFloat.product(x, y));
                    case DIVIDE -> {
                        if (y.signum() == 0) {
                            throw new EvalException("Division by zero", "The right operand of \"/\" is zero; a "
                                    + "number cannot be divided by zero.");
                        }
                        yield Value.of(divide(x, y));
                    }
                    case MODULO -> {
                        if (y.signum() == 0) {
                            throw new EvalException("Division by zero", "The right operand of \"%\" is zero.");
                        }
                        yield Value.of(x.remainder(y));
                    }
                    case LESS -> Value.of(x.compareTo(y) < 0);
                    case LESS_EQUAL -> Value.of(x.compareTo(y) <= 0);
                    case GREATER -> Value.of(x.compareTo(y) > 0);
                    case GREATER_EQUAL -> Value.of(x.compareTo(y) >= 0);
                    default -> throw new IllegalStateException(op.name());
                };
            }
        }
    }

    /** y must not be zero. */
    static BigDecimal divide(BigDecimal x, BigDecimal y) {
        return BigFloat.of(x).divide(BigFloat.of(y)).shortest();
    }

    public static Value unary(Operator op, Value operand) throws EvalException {
        boolean sensitive = operand.isSensitive();
        Value v = operand.unmarked();
        Value result;
        if (op == Operator.NOT) {
            Value b = operand(v, Type.BOOL, "");
            result = b.isKnown() ? Value.of(!b.asBool()) : Value.unknown(Type.BOOL);
        } else {
            Value n = operand(v, Type.NUMBER, "");
            result = n.isKnown() ? Value.of(n.asNumber().negate()) : Value.unknown(Type.NUMBER);
        }
        return sensitive ? Value.sensitive(result) : result;
    }

    private static Value operand(Value v, Type type, String side) throws EvalException {
        String which = side.isEmpty() ? "operand" : side + " operand";
        if (v.isNull()) {
            throw new EvalException("Invalid operand", "Unsuitable value for " + which + ": "
                    + Convert.required(type) + ", but the value is null.");
        }
        try {
            return Convert.to(v, type);
        } catch (ConversionException e) {
            throw new EvalException("Invalid operand", "Unsuitable value for " + which + ": " + e.getMessage()
                    + ".");
        }
    }

    /** Terraform's ==: same type and same value; numbers compare by value. */
    public static boolean equal(Value a, Value b) {
        Value x = a.unmarkedDeep();
        Value y = b.unmarkedDeep();
        if (x instanceof NumberValue n && y instanceof NumberValue m) {
            return n.value().compareTo(m.value()) == 0;
        }
        if (x.isNull() || y.isNull()) {
            return x.isNull() && y.isNull();
        }
        return x.equals(y);
    }

    /** {@code value.name}. */
    public static Value getAttr(Value value, String name) throws EvalException {
        boolean sensitive = value.isSensitive();
        Value v = value.unmarked();
        Value result;
        if (v.isNull()) {
            throw new EvalException("Attempt to get attribute from null value",
                    "This value is null, so it does not have any attributes.");
        } else if (!v.isKnown()) {
            Type t = v.type();
            if (t instanceof Type.ObjectType o && !o.attributes().containsKey(name)) {
                throw unsupportedAttribute(name);
            }
            result = Value.unknown(t instanceof Type.ObjectType o ? o.attributes().get(name)
                    : t instanceof Type.MapType m ? m.element() : Type.DYNAMIC);
        } else if (v instanceof ObjectValue o) {
            result = o.attributes().get(name);
            if (result == null) {
                throw unsupportedAttribute(name);
            }
        } else if (v instanceof MapValue m) {
            result = m.elements().get(name);
            if (result == null) {
                throw new EvalException("Missing map element",
                        "This map does not have an element with the key \"" + name + "\".");
            }
        } else {
            throw new EvalException("Unsupported attribute", "Can't access attributes on a "
                    + friendly(v) + ". " + (v instanceof ListValue || v instanceof TupleValue
                    ? "Did you mean to access an attribute for a specific element of the list, or across all "
                    + "elements of the list?" : ""));
        }
        return sensitive ? Value.sensitive(result) : result;
    }

    private static EvalException unsupportedAttribute(String name) {
        return new EvalException("Unsupported attribute",
                "This object does not have an attribute named \"" + name + "\".");
    }

    /** {@code collection[key]}. */
    public static Value index(Value collection, Value key) throws EvalException {
        boolean sensitive = collection.isSensitive() || key.isSensitive();
        Value c = collection.unmarked();
        Value k = key.unmarked();
        Value result = indexUnmarked(c, k);
        return sensitive ? Value.sensitive(result) : result;
    }

    private static Value indexUnmarked(Value c, Value k) throws EvalException {
        if (c.isNull()) {
            throw new EvalException("Attempt to index null value", "This value is null, so it does not have any "
                    + "indices.");
        }
        if (k.isNull()) {
            throw new EvalException("Invalid index", "Can't use a null value as an indexing key.");
        }
        if (c instanceof SetValue || c.type() instanceof Type.SetType) {
            throw new EvalException("Invalid index", "Elements of a set are identified only by their value and "
                    + "don't have any separate index or key to select with, so it's only possible to perform "
                    + "operations across all elements of the set.");
        }
        boolean sequence = c instanceof ListValue || c instanceof TupleValue
                || c.type() instanceof Type.ListType || c.type() instanceof Type.TupleType;
        boolean mapping = c instanceof MapValue || c instanceof ObjectValue
                || c.type() instanceof Type.MapType || c.type() instanceof Type.ObjectType;
        if (!sequence && !mapping) {
            if (!c.isKnown()) {
                return Value.DYNAMIC_UNKNOWN;
            }
            throw new EvalException("Invalid index", "This value does not have any indices.");
        }
        if (sequence) {
            Value n;
            try {
                n = Convert.to(k, Type.NUMBER);
            } catch (ConversionException e) {
                throw new EvalException("Invalid index", "The given key does not identify an element in this "
                        + "collection value: a number is required.");
            }
            if (!c.isKnown() || !n.isKnown()) {
                return Value.unknown(c.type() instanceof Type.ListType l ? l.element() : Type.DYNAMIC);
            }
            List<Value> elements = c instanceof ListValue l ? l.elements() : ((TupleValue) c).elements();
            BigDecimal i = n.asNumber();
            if (i.signum() < 0 || i.stripTrailingZeros().scale() > 0 || i.compareTo(BigDecimal.valueOf(
                    elements.size())) >= 0) {
                throw new EvalException("Invalid index", "The given key does not identify an element in this "
                        + "collection value" + (i.signum() < 0 ? ": a negative number is not a valid index for a "
                        + "sequence." : "."));
            }
            return elements.get(i.intValueExact());
        }
        Value s;
        try {
            s = Convert.to(k, Type.STRING);
        } catch (ConversionException e) {
            throw new EvalException("Invalid index", "The given key does not identify an element in this "
                    + "collection value: string required.");
        }
        if (!c.isKnown() || !s.isKnown()) {
            return Value.unknown(c.type() instanceof Type.MapType m ? m.element() : Type.DYNAMIC);
        }
        Value found = c instanceof MapValue m ? m.elements().get(s.asString())
                : ((ObjectValue) c).attributes().get(s.asString());
        if (found == null) {
            throw new EvalException("Invalid index", "The given key does not identify an element in this "
                    + "collection value.");
        }
        return found;
    }

    /** "list", "string", "object": how an error names the kind of a value. */
    public static String friendly(Value v) {
        Type t = v.type();
        return t instanceof Type.Primitive ? t.friendlyName() + " value" : t instanceof Type.TupleType ? "tuple"
                : t instanceof Type.ListType ? "list" : t instanceof Type.SetType ? "set"
                : t instanceof Type.MapType ? "map" : t.friendlyName();
    }
}
