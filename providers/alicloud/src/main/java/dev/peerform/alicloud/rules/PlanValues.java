package dev.peerform.alicloud.rules;

import dev.peerform.net.Cidr;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.StringValue;
import dev.peerform.value.Value;

/** Reading planned values in the rules: known strings only (unknown and null read as null). */
final class PlanValues {

    private PlanValues() {
    }

    static String str(ObjectValue o, String name) {
        if (o == null) {
            return null;
        }
        Value v = o.get(name);
        return v != null && v.isKnown() && !v.isNull() && v.unmarked() instanceof StringValue s ? s.value() : null;
    }

    /** A CIDR block as its network ({@code 10.0.0.1/16} -> {@code 10.0.0.0/16}); an invalid one as written. */
    static String normalCidr(String cidr) {
        try {
            return Cidr.parse(cidr).network().toString();
        } catch (IllegalArgumentException e) {
            return cidr;
        }
    }
}
