package dev.peerform.lang;

import dev.peerform.value.BoolValue;
import dev.peerform.value.ListValue;
import dev.peerform.value.MapValue;
import dev.peerform.value.NullValue;
import dev.peerform.value.NumberValue;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.SensitiveValue;
import dev.peerform.value.SetValue;
import dev.peerform.value.StringValue;
import dev.peerform.value.TupleValue;
import dev.peerform.value.Type;
import dev.peerform.value.UnknownValue;
import dev.peerform.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Terraform's automatic type conversions: between the primitives (number and bool to string and back), from
 * tuples and lists to lists and sets, from objects to maps, and structurally into object and tuple types.
 * Also the unification that gives {@code [1, "a"]} converted to a list the element type string.
 */
public final class Convert {

    private Convert() {
    }

    public static Value to(Value value, Type target) throws ConversionException {
        if (value instanceof SensitiveValue s) {
            return Value.sensitive(to(s.inner(), target));
        }
        if (target == Type.DYNAMIC) {
            return value;
        }
        if (value instanceof NullValue) {
            return Value.nullOf(concrete(target));
        }
        if (value instanceof UnknownValue u) {
            if (u.type() != Type.DYNAMIC && !convertible(u.type(), target)) {
                throw new ConversionException(required(target));
            }
            return Value.unknown(concrete(target));
        }
        if (target instanceof Type.Primitive p) {
            return primitive(value, p);
        }
        if (target instanceof Type.ListType l) {
            return new ListValue(elementTypeOf(l.element(), sequence(value, target)),
                    convertAll(sequence(value, target), l.element()));
        }
        if (target instanceof Type.SetType s) {
            List<Value> elements = sequence(value, target);
            return new SetValue(elementTypeOf(s.element(), elements), convertAll(elements, s.element()));
        }
        if (target instanceof Type.MapType m) {
            Map<String, Value> entries = mapping(value, target);
            Type element = m.element();
            if (element == Type.DYNAMIC) {
                element = unifyOrFail(entries.values().stream().map(Value::type).toList(), target);
            }
            TreeMap<String, Value> out = new TreeMap<>();
            for (Map.Entry<String, Value> e : entries.entrySet()) {
                out.put(e.getKey(), at("element \"" + e.getKey() + "\"", e.getValue(), element));
            }
            return new MapValue(element, out);
        }
        if (target instanceof Type.ObjectType o) {
            return object(value, o);
        }
        Type.TupleType t = (Type.TupleType) target;
        List<Value> elements = sequence(value, target);
        if (elements.size() != t.elements().size()) {
            throw new ConversionException("tuple required with exactly " + t.elements().size() + " elements");
        }
        List<Value> out = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            out.add(at("element " + i, elements.get(i), t.elements().get(i)));
        }
        return new TupleValue(out);
    }

    /** True when some value of type {@code from} may convert to {@code to}. */
    public static boolean convertible(Type from, Type to) {
        if (from.equals(to) || to == Type.DYNAMIC || from == Type.DYNAMIC) {
            return true;
        }
        if (to instanceof Type.Primitive tp && from instanceof Type.Primitive fp) {
            return tp == Type.Primitive.STRING || fp == Type.Primitive.STRING;
        }
        if (to instanceof Type.ListType || to instanceof Type.SetType) {
            return from instanceof Type.ListType || from instanceof Type.SetType || from instanceof Type.TupleType;
        }
        if (to instanceof Type.MapType || to instanceof Type.ObjectType) {
            return from instanceof Type.MapType || from instanceof Type.ObjectType;
        }
        if (to instanceof Type.TupleType) {
            return from instanceof Type.ListType || from instanceof Type.TupleType || from instanceof Type.SetType;
        }
        return false;
    }

    /**
     * The one type every value of the given types converts to, as Terraform finds it for a conditional's two
     * results or the elements of a list; null when there is none.
     */
    public static Type unify(List<Type> types) {
        if (types.isEmpty()) {
            return Type.DYNAMIC;
        }
        List<Type> known = types.stream().filter(t -> t != Type.DYNAMIC).toList();
        if (known.isEmpty()) {
            return Type.DYNAMIC;
        }
        Type first = known.get(0);
        if (known.stream().allMatch(first::equals)) {
            return known.size() == types.size() ? first : first;
        }
        if (known.stream().allMatch(Type::isPrimitive)) {
            boolean anyString = known.contains(Type.STRING);
            return anyString ? Type.STRING : null;
        }
        // tuples of one length unify element by element, and stay tuples
        if (known.stream().allMatch(t -> t instanceof Type.TupleType)) {
            int n = ((Type.TupleType) first).elements().size();
            if (known.stream().allMatch(t -> ((Type.TupleType) t).elements().size() == n)) {
                List<Type> elements = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    int at = i;
                    Type e = unify(known.stream().map(t -> ((Type.TupleType) t).elements().get(at)).toList());
                    if (e == null) {
                        return null;
                    }
                    elements.add(e);
                }
                return Type.tuple(elements);
            }
        }
        if (known.stream().allMatch(t -> t instanceof Type.ListType || t instanceof Type.TupleType)) {
            List<Type> elements = new ArrayList<>();
            for (Type t : known) {
                if (t instanceof Type.ListType l) {
                    elements.add(l.element());
                } else {
                    elements.addAll(((Type.TupleType) t).elements());
                }
            }
            Type e = unify(elements);
            return e == null ? null : Type.list(e);
        }
        if (known.stream().allMatch(t -> t instanceof Type.ObjectType)) {
            Type.ObjectType o = (Type.ObjectType) first;
            boolean sameKeys = known.stream()
                    .allMatch(t -> ((Type.ObjectType) t).attributes().keySet().equals(o.attributes().keySet()));
            if (sameKeys) {
                Map<String, Type> attrs = new LinkedHashMap<>();
                for (String k : o.attributes().keySet()) {
                    Type a = unify(known.stream().map(t -> ((Type.ObjectType) t).attributes().get(k)).toList());
                    if (a == null) {
                        return null;
                    }
                    attrs.put(k, a);
                }
                return Type.object(attrs);
            }
        }
        if (known.stream().allMatch(t -> t instanceof Type.MapType || t instanceof Type.ObjectType)) {
            List<Type> elements = new ArrayList<>();
            for (Type t : known) {
                if (t instanceof Type.MapType m) {
                    elements.add(m.element());
                } else {
                    elements.addAll(((Type.ObjectType) t).attributes().values());
                }
            }
            Type e = unify(elements);
            return e == null ? null : Type.map(e);
        }
        return null;
    }

    /** The wording Terraform uses when a value is not of the wanted type. */
    public static String required(Type target) {
        if (target instanceof Type.Primitive p) {
            return switch (p) {
                case STRING -> "string required";
                case NUMBER -> "a number is required";
                case BOOL -> "bool required";
            };
        }
        if (target instanceof Type.ListType) {
            return "list of " + target.elementType().friendlyName() + " required";
        }
        if (target instanceof Type.SetType) {
            return "set of " + target.elementType().friendlyName() + " required";
        }
        if (target instanceof Type.MapType) {
            return "map of " + target.elementType().friendlyName() + " required";
        }
        return target.friendlyName() + " required";
    }

    private static Value primitive(Value value, Type.Primitive target) throws ConversionException {
        if (value.type() == target) {
            return value;
        }
        switch (target) {
            case STRING -> {
                if (value instanceof NumberValue n) {
                    return Value.of(n.toString());
                }
                if (value instanceof BoolValue b) {
                    return Value.of(Boolean.toString(b.value()));
                }
            }
            case NUMBER -> {
                if (value instanceof StringValue s) {
                    try {
                        return Value.of(new BigDecimal(s.value().trim()));
                    } catch (NumberFormatException e) {
                        throw new ConversionException("given string must be a decimal representation of a number");
                    }
                }
            }
            case BOOL -> {
                if (value instanceof StringValue s) {
                    if (s.value().equals("true")) {
                        return Value.TRUE;
                    }
                    if (s.value().equals("false")) {
                        return Value.FALSE;
                    }
                    throw new ConversionException("only the strings \"true\" or \"false\" are allowed");
                }
            }
            default -> { }
        }
        throw new ConversionException(required(target));
    }

    private static Value object(Value value, Type.ObjectType target) throws ConversionException {
        Map<String, Value> entries = mapping(value, target);
        TreeMap<String, Value> out = new TreeMap<>();
        for (Map.Entry<String, Type> attr : target.attributes().entrySet()) {
            Value v = entries.get(attr.getKey());
            if (v == null) {
                if (!target.optional().contains(attr.getKey())) {
                    throw new ConversionException("attribute \"" + attr.getKey() + "\" is required");
                }
                v = Value.nullOf(concrete(attr.getValue()));
            }
            out.put(attr.getKey(), at("attribute \"" + attr.getKey() + "\"", v, attr.getValue()));
        }
        return new ObjectValue(out);
    }

    private static Value at(String where, Value v, Type t) throws ConversionException {
        try {
            return to(v, t);
        } catch (ConversionException e) {
            throw new ConversionException(where + ": " + e.getMessage());
        }
    }

    private static List<Value> convertAll(List<Value> elements, Type element) throws ConversionException {
        Type target = element == Type.DYNAMIC ? elementTypeOf(element, elements) : element;
        List<Value> out = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            out.add(at("element " + i, elements.get(i), target));
        }
        return out;
    }

    private static Type elementTypeOf(Type wanted, List<Value> elements) throws ConversionException {
        if (wanted != Type.DYNAMIC) {
            return concrete(wanted);
        }
        return unifyOrFail(elements.stream().map(Value::type).toList(), Type.list(Type.DYNAMIC));
    }

    private static Type unifyOrFail(List<Type> types, Type target) throws ConversionException {
        Type t = unify(types);
        if (t == null) {
            throw new ConversionException("all " + (target instanceof Type.MapType ? "map" : "list")
                    + " elements must have the same type");
        }
        return t;
    }

    private static List<Value> sequence(Value value, Type target) throws ConversionException {
        if (value instanceof ListValue l) {
            return l.elements();
        }
        if (value instanceof SetValue s) {
            return s.elements();
        }
        if (value instanceof TupleValue t) {
            return t.elements();
        }
        throw new ConversionException(required(target));
    }

    private static Map<String, Value> mapping(Value value, Type target) throws ConversionException {
        if (value instanceof MapValue m) {
            return m.elements();
        }
        if (value instanceof ObjectValue o) {
            return o.attributes();
        }
        throw new ConversionException(required(target));
    }

    /** An optional-attribute marker is only for conversion; the converted value's type has none. */
    private static Type concrete(Type t) {
        return t instanceof Type.ObjectType o ? o.withoutOptional() : t;
    }
}
