package dev.peerform.alicloud.rules;

import dev.peerform.spi.ChangeView;
import dev.peerform.spi.StepView;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.StringValue;
import dev.peerform.value.Value;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an attribute points at, in a form two resources can be compared on before their ids exist: the id itself
 * when it is known, and the resources its expression refers to ({@link Token}). Two attributes point at the same
 * thing when these sets meet.
 */
final class Identity {

    private Identity() {
    }

    static Set<Token> of(ObjectValue values, Map<String, List<String>> references, String attribute) {
        Set<Token> out = new HashSet<>();
        if (values != null) {
            Value v = values.get(attribute);
            if (v != null && v.isKnown() && !v.isNull() && v.unmarked() instanceof StringValue s) {
                out.add(Token.id(s.value()));
            }
        }
        for (String r : references == null ? List.<String>of() : references.getOrDefault(attribute, List.of())) {
            out.add(Token.ref(r));
        }
        return out;
    }

    /** The identity of a list attribute's elements together: each known id, and what its expression refers to. */
    static Set<Token> ofEach(ObjectValue values, Map<String, List<String>> references, String attribute) {
        Set<Token> out = of(null, references, attribute);
        Value v = values == null ? null : values.get(attribute);
        if (v != null && v.isKnown() && !v.isNull()) {
            for (Value e : v.children()) {
                if (e.isKnown() && !e.isNull() && e.unmarked() instanceof StringValue s) {
                    out.add(Token.id(s.value()));
                }
            }
        }
        return out;
    }

    static Set<Token> of(StepView s, String attribute) {
        Set<Token> out = of(s.after(), s.references(), attribute);
        out.addAll(of(s.before(), Map.of(), attribute));
        return out;
    }

    static Set<Token> of(ChangeView c, String attribute) {
        return of(c.current(), c.references() == null ? Map.of() : c.references(), attribute);
    }

    /**
     * The identity of a resource itself: its id, and its address (what others' references name); an instance of a
     * count or for_each block answers to its instance address only, so that instances are told apart.
     */
    static Set<Token> self(String address, ObjectValue values) {
        Set<Token> out = new HashSet<>();
        out.add(Token.ref(address));
        if (values != null) {
            Value id = values.get("id");
            if (id != null && id.isKnown() && !id.isNull() && id.unmarked() instanceof StringValue s) {
                out.add(Token.id(s.value()));
            }
        }
        return out;
    }

    static boolean meet(Set<Token> a, Set<Token> b) {
        for (Token x : a) {
            if (b.contains(x)) {
                return true;
            }
        }
        return false;
    }
}
