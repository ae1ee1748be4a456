package dev.peerform.eval;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.value.MapValue;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.StringValue;
import dev.peerform.value.Type;
import dev.peerform.value.UnknownValue;
import dev.peerform.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Which resource instances an attribute's value comes from when its expression reaches them through more than a
 * reference the syntax names: a for expression, {@code values()}, {@code lookup()}, a splat, a local, a module's
 * variable or output, or {@code each.value} of a for_each over such an expression. The attribute is evaluated once
 * more in a copy of the configuration's values whose instances carry tracers: each string attribute not known yet
 * becomes a string that names its instance. The tracers in the result are the instances it comes from. Known
 * values stay as they are, so keys and filters behave as in the plan (a known id already names its object).
 *
 * <p>A tracer is a number between two private-use characters, which case and trimming functions keep.
 */
final class Traces {

    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';

    private final Map<String, Integer> numbers = new ConcurrentHashMap<>();
    private final List<String> addresses = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> resourceOf = new ConcurrentHashMap<>();
    /** Per instance: the value last marked (compared by identity) and its marked copy. */
    private final Map<InstanceAddress, Value[]> marks = new ConcurrentHashMap<>();

    /**
     * The marked value of an instance whose value is still {@code value}, made once: a for expression over a
     * resource of N instances, evaluated for each of them, would otherwise mark N x N objects.
     */
    Value marked(InstanceAddress address, Value value, Supplier<Value> mark) {
        Value[] known = marks.get(address);
        if (known != null && known[0] == value) {
            return known[1];
        }
        Value m = mark.get();
        marks.put(address, new Value[] {value, m});
        return m;
    }

    /** {@code instance} (its value or null) with its unknown string attributes replaced by tracers. */
    Value mark(Value instance, Type type, String address, String resource) {
        Value v = instance == null ? Value.unknown(type) : instance;
        Value inner = v.unmarked();
        Map<String, Value> attributes = new TreeMap<>();
        if (inner instanceof ObjectValue o) {
            o.attributes().forEach((k, a) -> attributes.put(k, a.unmarked() instanceof UnknownValue u
                    && u.type() == Type.STRING ? again(a, tracer(address, resource)) : a));
        } else if (inner instanceof UnknownValue u && u.type() instanceof Type.ObjectType t) {
            t.attributes().forEach((k, at) -> attributes.put(k, at == Type.STRING ? tracer(address, resource)
                    : Value.unknown(at)));
        } else {
            return v;
        }
        return again(v, new ObjectValue(attributes));
    }

    /** The instances the tracers in {@code v} name, in the order they appear. */
    Set<String> instances(Value v) {
        Set<String> out = new LinkedHashSet<>();
        collect(v, out);
        return out;
    }

    /**
     * The references the syntax found, without the whole resources the traced instances belong to (an instance
     * names one object, the whole resource any of them), then the traced instances.
     */
    List<String> merged(List<String> syntactic, Set<String> traced) {
        Set<String> whole = new HashSet<>();
        traced.forEach(i -> whole.add(resourceOf.get(i)));
        List<String> out = new ArrayList<>();
        for (String ref : syntactic) {
            if (!whole.contains(ref)) {
                out.add(ref);
            }
        }
        traced.stream().filter(i -> !out.contains(i)).forEach(out::add);
        return out;
    }

    private Value tracer(String address, String resource) {
        Integer n = numbers.computeIfAbsent(address, a -> {
            synchronized (addresses) {
                addresses.add(a);
                return addresses.size() - 1;
            }
        });
        resourceOf.putIfAbsent(address, resource);
        return new StringValue(OPEN + Integer.toString(n) + CLOSE);
    }

    private static Value again(Value original, Value replacement) {
        return original.isSensitive() ? Value.sensitive(replacement) : replacement;
    }

    private void collect(Value v, Set<String> out) {
        Value inner = v.unmarked();
        if (inner instanceof StringValue s) {
            scan(s.value(), out);
        } else if (inner instanceof MapValue m) {
            m.elements().keySet().forEach(k -> scan(k, out));
        } else if (inner instanceof ObjectValue o) {
            o.attributes().keySet().forEach(k -> scan(k, out));
        }
        for (Value c : inner.children()) {
            collect(c, out);
        }
    }

    private void scan(String s, Set<String> out) {
        for (int open = s.indexOf(OPEN); open >= 0; open = s.indexOf(OPEN, open + 1)) {
            int close = s.indexOf(CLOSE, open + 1);
            if (close < 0) {
                return;
            }
            try {
                int n = Integer.parseInt(s.substring(open + 1, close));
                if (n >= 0 && n < addresses.size()) {
                    out.add(addresses.get(n));
                }
            } catch (NumberFormatException e) {
                // private-use characters the user wrote: not a tracer
            }
        }
    }
}
