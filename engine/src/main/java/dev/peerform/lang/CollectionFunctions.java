package dev.peerform.lang;

import static dev.peerform.lang.Functions.p;

import dev.peerform.value.ListValue;
import dev.peerform.value.MapValue;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.SetValue;
import dev.peerform.value.StringValue;
import dev.peerform.value.TupleValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The collection functions: alltrue ... zipmap. */
final class CollectionFunctions {

    private CollectionFunctions() {
    }

    private static Value convertOrSelf(Value v, Type t) {
        try {
            return Convert.to(v, t);
        } catch (ConversionException e) {
            return v;
        }
    }

    static void register(Functions.Registry r) {
        Type dyn = Type.DYNAMIC;
        r.add("matchkeys", List.of(p("values", Type.list(dyn)), p("keys", Type.list(dyn)),
                p("searchset", Type.list(dyn))), (a, c) -> {
            List<Value> values = a.get(0).children();
            List<Value> keys = a.get(1).children();
            if (values.size() != keys.size()) {
                throw new FunctionException("length of keys and values should be equal.");
            }
            Type elementType = ((Type.ListType) a.get(0).type()).element();
            // keys and searchset are compared as their common type, so ["1"] finds the key 1
            Type common = Convert.unify(List.of(((Type.ListType) a.get(1).type()).element(),
                    ((Type.ListType) a.get(2).type()).element()));
            List<Value> search = new ArrayList<>();
            for (Value s : a.get(2).children()) {
                Value k = common == null ? s : convertOrSelf(s, common);
                search.add(k);
            }
            List<Value> out = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                Value k = common == null ? keys.get(i) : convertOrSelf(keys.get(i), common);
                if (search.contains(k)) {
                    out.add(values.get(i));
                }
            }
            return new ListValue(elementType, out);
        });
        r.add("alltrue", List.of(p("list", Type.list(Type.BOOL))), (a, c) -> {
            for (Value v : a.get(0).children()) {
                if (v.isNull() || !v.asBool()) {
                    return Value.FALSE;
                }
            }
            return Value.TRUE;
        });
        r.add("anytrue", List.of(p("list", Type.list(Type.BOOL))), (a, c) -> {
            for (Value v : a.get(0).children()) {
                if (!v.isNull() && v.asBool()) {
                    return Value.TRUE;
                }
            }
            return Value.FALSE;
        });
        r.add("chunklist", List.of(p("list", Type.list(dyn)), p("size", Type.NUMBER)), (a, c) -> {
            List<Value> items = a.get(0).children();
            int size = a.get(1).asNumber().intValueExact();
            if (size < 0) {
                throw new FunctionException(1, "the size argument must be positive.");
            }
            Type element = ((ListValue) a.get(0)).elementType();
            List<Value> chunks = new ArrayList<>();
            int step = size == 0 ? Math.max(1, items.size()) : size;
            for (int i = 0; i < items.size(); i += step) {
                chunks.add(new ListValue(element, items.subList(i, Math.min(items.size(), i + step))));
            }
            return new ListValue(Type.list(element), chunks);
        });
        r.add("coalesce", List.of(), p("vals", dyn).nullable(), (a, c) -> {
            Type t = Convert.unify(a.stream().filter(v -> !v.isNull()).map(Value::type).toList());
            if (t == null) {
                throw new FunctionException("all arguments must have the same type.");
            }
            for (Value v : a) {
                if (v.isNull() || (v instanceof StringValue s && s.value().isEmpty())) {
                    continue;
                }
                return convert(v, t);
            }
            throw new FunctionException("no non-null, non-empty-string arguments.");
        });
        r.add("coalescelist", List.of(), p("vals", dyn).nullable(), (a, c) -> {
            for (int i = 0; i < a.size(); i++) {
                Value v = a.get(i);
                if (v.isNull()) {
                    continue;
                }
                if (!isSequence(v)) {
                    throw new FunctionException(i, "a list or tuple is required.");
                }
                if (!v.children().isEmpty()) {
                    return v;
                }
            }
            throw new FunctionException("no non-null arguments.");
        });
        r.add("compact", List.of(p("list", Type.list(Type.STRING))), (a, c) -> {
            List<Value> out = new ArrayList<>();
            for (Value v : a.get(0).children()) {
                if (!v.isNull() && !v.asString().isEmpty()) {
                    out.add(v);
                }
            }
            return new ListValue(Type.STRING, out);
        });
        r.add("concat", List.of(), p("seqs", dyn), (a, c) -> {
            List<Value> out = new ArrayList<>();
            boolean allLists = true;
            for (int i = 0; i < a.size(); i++) {
                Value v = a.get(i);
                if (!isSequence(v) || v instanceof SetValue) {
                    throw new FunctionException(i, "all arguments must be lists or tuples; got "
                            + v.type().friendlyName() + ".");
                }
                allLists &= v instanceof ListValue;
                Limits.checkElements((long) out.size() + v.children().size(), "elements");
                out.addAll(v.children());
            }
            if (allLists) {
                Type t = Convert.unify(a.stream().map(v -> v.type().elementType()).toList());
                if (t != null) {
                    return convert(new TupleValue(out), Type.list(t));
                }
            }
            return new TupleValue(out);
        });
        r.add("contains", List.of(p("list", dyn), p("value", dyn)), (a, c) -> {
            if (!isSequence(a.get(0))) {
                throw new FunctionException(0, "argument must be list, tuple, or set.");
            }
            for (Value v : a.get(0).children()) {
                if (Operations.equal(v, a.get(1))) {
                    return Value.TRUE;
                }
            }
            return Value.FALSE;
        });
        r.add("distinct", List.of(p("list", Type.list(dyn))), (a, c) -> {
            ListValue l = (ListValue) a.get(0);
            return new ListValue(l.elementType(), new ArrayList<>(new LinkedHashSet<>(l.elements())));
        });
        r.add("element", List.of(p("list", dyn), p("index", Type.NUMBER)), (a, c) -> {
            List<Value> items = sequence(a.get(0), 0);
            if (items.isEmpty()) {
                throw new FunctionException("cannot use element function with an empty list.");
            }
            BigDecimal i = a.get(1).asNumber();
            if (i.signum() < 0) {
                throw new FunctionException(1, "cannot use element function with a negative index.");
            }
            return items.get(i.intValueExact() % items.size());
        });
        r.add("flatten", List.of(p("list", dyn)), (a, c) -> {
            List<Value> out = new ArrayList<>();
            flatten(sequence(a.get(0), 0), out);
            return new TupleValue(out);
        });
        r.add("index", List.of(p("list", dyn), p("value", dyn)), (a, c) -> {
            List<Value> items = sequence(a.get(0), 0);
            for (int i = 0; i < items.size(); i++) {
                if (Operations.equal(items.get(i), a.get(1))) {
                    return Value.of(i);
                }
            }
            throw new FunctionException("item not found.");
        });
        r.add("keys", List.of(p("inputMap", dyn)), (a, c) -> {
            Map<String, Value> m = mapping(a.get(0), 0);
            List<Value> keys = m.keySet().stream().map(Value::of).toList();
            return a.get(0) instanceof MapValue ? new ListValue(Type.STRING, keys) : new TupleValue(keys);
        });
        r.add("values", List.of(p("mapping", dyn)), (a, c) -> {
            Map<String, Value> m = mapping(a.get(0), 0);
            List<Value> values = new ArrayList<>(m.values());
            return a.get(0) instanceof MapValue mv ? new ListValue(mv.elementType(), values)
                    : new TupleValue(values);
        });
        r.add("length", List.of(p("value", dyn).unknowns()), (a, c) -> {
            Value v = a.get(0);
            if (!v.isKnown()) {
                return Value.unknown(Type.NUMBER);
            }
            if (v instanceof StringValue s) {
                return Value.of(s.value().codePointCount(0, s.value().length()));
            }
            if (v.type().isPrimitive()) {
                throw new FunctionException(0, "argument must be a string, a collection type, or a structural "
                        + "type.");
            }
            return Value.of(v.children().size());
        });
        r.add("lookup", List.of(p("inputMap", dyn), p("key", Type.STRING)), p("default", dyn).nullable(), (a, c) -> {
            if (a.size() > 3) {
                throw new FunctionException("lookup() takes two or three arguments.");
            }
            Map<String, Value> m = mapping(a.get(0), 0);
            Value found = m.get(a.get(1).asString());
            if (found != null) {
                return found;
            }
            if (a.size() == 3) {
                return a.get(2);
            }
            throw new FunctionException(0, a.get(0) instanceof ObjectValue ? "the given object has no attribute \""
                    + a.get(1).asString() + "\"." : "the given map has no key \"" + a.get(1).asString() + "\".");
        });
        r.add("merge", List.of(), p("maps", dyn).nullable(), (a, c) -> {
            Map<String, Value> out = new TreeMap<>();
            boolean allMaps = true;
            for (int i = 0; i < a.size(); i++) {
                Value v = a.get(i);
                if (v.isNull()) {
                    continue;
                }
                allMaps &= v instanceof MapValue;
                out.putAll(mapping(v, i));
            }
            if (allMaps && !out.isEmpty()) {
                Type t = Convert.unify(out.values().stream().map(Value::type).toList());
                if (t != null) {
                    return convert(new ObjectValue(out), Type.map(t));
                }
            }
            return new ObjectValue(out);
        });
        r.add("one", List.of(p("list", dyn)), (a, c) -> {
            List<Value> items = sequence(a.get(0), 0);
            if (items.size() > 1) {
                throw new FunctionException(0, "must be a list, set, or tuple value with either zero or one "
                        + "elements.");
            }
            return items.isEmpty() ? Value.nullOf(a.get(0).type() instanceof Type.TupleType ? Type.DYNAMIC
                    : a.get(0).type().elementType()) : items.get(0);
        });
        r.add("range", List.of(), p("params", Type.NUMBER), (a, c) -> range(a));
        r.add("reverse", List.of(p("list", dyn)), (a, c) -> {
            List<Value> items = new ArrayList<>(sequence(a.get(0), 0));
            Collections.reverse(items);
            return a.get(0) instanceof ListValue l ? new ListValue(l.elementType(), items) : new TupleValue(items);
        });
        r.add("setintersection", List.of(p("first_set", Type.set(dyn))), p("other_sets", Type.set(dyn)),
                (a, c) -> setOp(a, 0));
        r.add("setsubtract", List.of(p("a", Type.set(dyn)), p("b", Type.set(dyn))), (a, c) -> setOp(a, 1));
        r.add("setunion", List.of(p("first_set", Type.set(dyn))), p("other_sets", Type.set(dyn)),
                (a, c) -> setOp(a, 2));
        r.add("setproduct", List.of(), p("sets", dyn), (a, c) -> {
            if (a.size() < 2) {
                throw new FunctionException("at least two arguments are required.");
            }
            long size = 1;
            for (int i = 0; i < a.size(); i++) {
                size *= sequence(a.get(i), i).size();
                if (size > Limits.MAX_ELEMENTS) {
                    break; // checked before building anything: the product grows as fast as it is long
                }
            }
            Limits.checkElements(size, "elements");
            List<List<Value>> product = new ArrayList<>();
            product.add(List.of());
            for (int i = 0; i < a.size(); i++) {
                List<List<Value>> next = new ArrayList<>();
                for (List<Value> prefix : product) {
                    for (Value v : sequence(a.get(i), i)) {
                        List<Value> row = new ArrayList<>(prefix);
                        row.add(v);
                        next.add(row);
                    }
                }
                product = next;
            }
            boolean allSets = a.stream().allMatch(v -> v instanceof SetValue);
            List<Value> rows = product.stream().map(row -> (Value) new TupleValue(row)).toList();
            Type rowType = rows.isEmpty() ? Type.list(Type.DYNAMIC) : rows.get(0).type();
            return allSets ? new SetValue(rowType, rows) : new ListValue(rowType, rows);
        });
        r.add("slice", List.of(p("list", dyn), p("start_index", Type.NUMBER), p("end_index", Type.NUMBER)),
                (a, c) -> {
                    List<Value> items = sequence(a.get(0), 0);
                    int start = a.get(1).asNumber().intValueExact();
                    int end = a.get(2).asNumber().intValueExact();
                    if (start < 0) {
                        throw new FunctionException(1, "the start index must not be less than zero.");
                    }
                    if (end > items.size()) {
                        throw new FunctionException(2, "end index must not be greater than the length of the list.");
                    }
                    if (start > end) {
                        throw new FunctionException(1, "the start index must not be greater than the end index.");
                    }
                    List<Value> part = items.subList(start, end);
                    return a.get(0) instanceof ListValue l ? new ListValue(l.elementType(), part)
                            : new TupleValue(part);
                });
        r.add("sort", List.of(p("list", Type.list(Type.STRING))), (a, c) -> {
            List<Value> items = new ArrayList<>(a.get(0).children());
            items.sort((x, y) -> x.asString().compareTo(y.asString()));
            return new ListValue(Type.STRING, items);
        });
        r.add("sum", List.of(p("list", dyn)), (a, c) -> {
            List<Value> items = sequence(a.get(0), 0);
            if (items.isEmpty()) {
                throw new FunctionException(0, "cannot sum an empty list.");
            }
            BigDecimal total = BigDecimal.ZERO;
            for (Value v : items) {
                total = total.add(convert(v, Type.NUMBER).asNumber());
            }
            return Value.of(total);
        });
        r.add("transpose", List.of(p("values", Type.map(Type.list(Type.STRING)))), (a, c) -> {
            Map<String, List<Value>> out = new TreeMap<>();
            ((MapValue) a.get(0)).elements().forEach((k, list) -> {
                for (Value v : list.children()) {
                    out.computeIfAbsent(v.asString(), x -> new ArrayList<>()).add(Value.of(k));
                }
            });
            Map<String, Value> result = new TreeMap<>();
            out.forEach((k, v) -> result.put(k, new ListValue(Type.STRING, v)));
            return new MapValue(Type.list(Type.STRING), result);
        });
        r.add("zipmap", List.of(p("keys", Type.list(Type.STRING)), p("values", dyn)), (a, c) -> {
            List<Value> keys = a.get(0).children();
            List<Value> values = sequence(a.get(1), 1);
            if (keys.size() != values.size()) {
                throw new FunctionException("number of keys (" + keys.size() + ") does not match number of values ("
                        + values.size() + ").");
            }
            Map<String, Value> out = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                out.put(keys.get(i).asString(), values.get(i));
            }
            if (a.get(1) instanceof ListValue l) {
                return new MapValue(l.elementType(), out);
            }
            return new ObjectValue(out);
        });
    }

    private static Value range(List<Value> a) throws FunctionException {
        BigDecimal start = BigDecimal.ZERO;
        BigDecimal step = BigDecimal.ONE;
        BigDecimal limit;
        switch (a.size()) {
            case 1 -> limit = a.get(0).asNumber();
            case 2 -> {
                start = a.get(0).asNumber();
                limit = a.get(1).asNumber();
            }
            case 3 -> {
                start = a.get(0).asNumber();
                limit = a.get(1).asNumber();
                step = a.get(2).asNumber();
            }
            default -> throw new FunctionException("must have one, two, or three arguments.");
        }
        if (a.size() < 3 && limit.compareTo(start) < 0) {
            step = BigDecimal.ONE.negate();
        }
        if (step.signum() == 0) {
            throw new FunctionException("step must not be zero.");
        }
        if (step.signum() > 0 && limit.compareTo(start) < 0) {
            throw new FunctionException("step must be negative when the start is greater than the limit.");
        }
        if (step.signum() < 0 && limit.compareTo(start) > 0) {
            throw new FunctionException("step must be positive when the start is less than the limit.");
        }
        List<Value> out = new ArrayList<>();
        for (BigDecimal v = start; step.signum() > 0 ? v.compareTo(limit) < 0 : v.compareTo(limit) > 0;
                v = v.add(step)) {
            if (out.size() >= 1024) {
                throw new FunctionException("more than 1024 values were generated; either decrease the difference "
                        + "between start and end or use a smaller step.");
            }
            out.add(Value.of(v));
        }
        return new ListValue(Type.NUMBER, out);
    }

    /** 0: intersection, 1: subtraction, 2: union. */
    private static Value setOp(List<Value> sets, int op) {
        Set<Value> result = new LinkedHashSet<>(sets.get(0).children());
        for (Value s : sets.subList(1, sets.size())) {
            Set<Value> other = new LinkedHashSet<>(s.children());
            switch (op) {
                case 0 -> result.retainAll(other);
                case 1 -> result.removeAll(other);
                default -> result.addAll(other);
            }
        }
        Type t = Convert.unify(sets.stream().map(v -> v.type().elementType()).toList());
        return new SetValue(t == null ? Type.DYNAMIC : t, new ArrayList<>(result));
    }

    private static void flatten(List<Value> items, List<Value> out) {
        for (Value v : items) {
            if (isSequence(v) && !(v instanceof SetValue)) {
                flatten(v.children(), out);
            } else {
                out.add(v);
            }
        }
    }

    static boolean isSequence(Value v) {
        return v instanceof ListValue || v instanceof TupleValue || v instanceof SetValue;
    }

    static List<Value> sequence(Value v, int argument) throws FunctionException {
        if (!isSequence(v)) {
            throw new FunctionException(argument, "a list, set or tuple is required; got "
                    + v.type().friendlyName() + ".");
        }
        return v.children();
    }

    static Map<String, Value> mapping(Value v, int argument) throws FunctionException {
        if (v instanceof MapValue m) {
            return m.elements();
        }
        if (v instanceof ObjectValue o) {
            return o.attributes();
        }
        throw new FunctionException(argument, "a map or object is required; got " + v.type().friendlyName() + ".");
    }

    static Value convert(Value v, Type t) throws FunctionException {
        try {
            return Convert.to(v, t);
        } catch (ConversionException e) {
            throw new FunctionException(e.getMessage() + ".");
        }
    }
}
