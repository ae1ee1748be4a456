package dev.peerform.alicloud.reachability;

import dev.peerform.spi.ChangeView;
import dev.peerform.value.ListValue;
import dev.peerform.value.NumberValue;
import dev.peerform.value.SetValue;
import dev.peerform.value.StringValue;
import dev.peerform.value.TupleValue;
import dev.peerform.value.Value;
import java.util.ArrayList;
import java.util.List;

/** Reading one resource's values as reach needs them: known strings only, unknown and null alike as null. */
final class Attributes {

    private Attributes() {
    }

    static String str(ChangeView v, String name) {
        Value x = v.current() == null ? null : v.current().get(name);
        if (x == null || x.isNull() || !x.isKnown()) {
            return null;
        }
        Value u = x.unmarked();
        if (u instanceof StringValue s) {
            return s.value().isEmpty() ? null : s.value();
        }
        return u instanceof NumberValue n ? n.toString() : null;
    }

    static Integer integer(ChangeView v, String name) {
        Value x = v.current() == null ? null : v.current().get(name);
        return x == null || x.isNull() || !x.isKnown() ? null : x.unmarked().asNumber().intValue();
    }

    /** A list or set of strings; null when it or any of its elements is not known yet. */
    static List<String> strings(ChangeView v, String name) {
        Value x = v.current() == null ? null : v.current().get(name);
        if (x == null || x.isNull()) {
            return List.of();
        }
        if (!x.isKnown()) {
            return null;
        }
        Value u = x.unmarked();
        List<Value> elements = u instanceof SetValue s ? s.elements() : u instanceof ListValue l ? l.elements()
                : u instanceof TupleValue t ? t.elements() : List.of();
        List<String> out = new ArrayList<>();
        for (Value e : elements) {
            if (!e.isKnown()) {
                return null;
            }
            if (!e.isNull() && e.unmarked() instanceof StringValue s) {
                out.add(s.value());
            }
        }
        return out;
    }
}
