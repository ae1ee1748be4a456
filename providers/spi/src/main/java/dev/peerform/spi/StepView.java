package dev.peerform.spi;

import dev.peerform.value.ObjectValue;
import java.util.List;
import java.util.Map;

/**
 * A planned step as the provider sees it when ordering steps across resources: the instance it belongs to, its
 * change, the values before and after (after may hold unknowns), and which resources each attribute's expression
 * refers to (so a rule can match resources whose ids are not known yet).
 */
public record StepView(String address, String type, ChangeAction action, StepSpec spec, ObjectValue before,
        ObjectValue after, Map<String, List<String>> references) {

    /** True when {@code attribute} refers to the resource at {@code resourceAddress}, or holds {@code knownId}. */
    public boolean attributeNames(String attribute, String resourceAddress, String knownId) {
        List<String> refs = references.get(attribute);
        if (refs != null && resourceAddress != null && refs.contains(resourceAddress)) {
            return true;
        }
        if (knownId == null) {
            return false;
        }
        for (ObjectValue v : new ObjectValue[] {after, before}) {
            if (v != null && v.get(attribute) != null && v.get(attribute).isKnown() && !v.get(attribute).isNull()
                    && v.get(attribute).unmarked() instanceof dev.peerform.value.StringValue s
                    && s.value().equals(knownId)) {
                return true;
            }
        }
        return false;
    }

    /** The address without its instance key: {@code alicloud_vpc.a[0]} -> {@code alicloud_vpc.a}. */
    public String resourceAddress() {
        int bracket = address.indexOf('[');
        return bracket < 0 ? address : address.substring(0, bracket);
    }
}
