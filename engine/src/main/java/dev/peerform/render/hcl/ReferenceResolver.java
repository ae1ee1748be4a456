package dev.peerform.render.hcl;

import dev.peerform.spi.Reference;
import dev.peerform.value.StringValue;
import dev.peerform.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an id into a reference when the object it names is known: for an attribute that the providers declare as
 * holding another type's attribute, the first known object of that type whose attribute has the same value.
 */
final class ReferenceResolver {

    private final Map<String, List<Reference>> byAttribute = new LinkedHashMap<>();
    private final List<KnownObject> known;

    ReferenceResolver(List<Reference> references, List<KnownObject> known) {
        for (Reference r : references) {
            byAttribute.computeIfAbsent(r.type() + "." + r.attribute(), k -> new ArrayList<>()).add(r);
        }
        this.known = List.copyOf(known);
    }

    /** {@code alicloud_vpc.main.id} for the value, or null when no other known object has it. */
    String reference(String type, String attribute, Value value, String self) {
        if (!(value.unmarked() instanceof StringValue s) || s.value().isEmpty()) {
            return null;
        }
        for (Reference r : byAttribute.getOrDefault(type + "." + attribute, List.of())) {
            for (KnownObject k : known) {
                if (k.type().equals(r.targetType()) && !k.address().equals(self)) {
                    Value target = k.values().get(r.targetAttribute());
                    if (target != null && target.isKnown() && target.unmarked() instanceof StringValue t
                            && t.value().equals(s.value())) {
                        return k.address() + "." + r.targetAttribute();
                    }
                }
            }
        }
        return null;
    }

    boolean mayRefer(String type, String attribute) {
        return byAttribute.containsKey(type + "." + attribute);
    }
}
