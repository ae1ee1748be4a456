package dev.peerform.lang;

import static dev.peerform.lang.Functions.p;

import dev.peerform.value.StringValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.util.List;

/**
 * tostring, tonumber, tobool, tolist, toset, tomap, sensitive, nonsensitive, issensitive, ephemeralasnull (try and
 * can are special forms).
 */
final class TypeFunctions {

    private TypeFunctions() {
    }

    static void register(Functions.Registry r) {
        conversion(r, "tostring", Type.STRING);
        conversion(r, "tonumber", Type.NUMBER);
        conversion(r, "tobool", Type.BOOL);
        conversion(r, "tolist", Type.list(Type.DYNAMIC));
        conversion(r, "toset", Type.set(Type.DYNAMIC));
        conversion(r, "tomap", Type.map(Type.DYNAMIC));
        r.add("sensitive", List.of(p("value", Type.DYNAMIC).nullable().unknowns().marked()),
                (a, c) -> Value.sensitive(a.get(0)));
        r.add("nonsensitive", List.of(p("value", Type.DYNAMIC).nullable().unknowns().marked()), (a, c) -> {
            return a.get(0).unmarked();
        });
        // the value's own mark, as Terraform's: an object holding a secret is not itself sensitive
        r.add("issensitive", List.of(p("value", Type.DYNAMIC).nullable().unknowns().marked()), (a, c) -> {
            Value v = a.get(0);
            return v.isSensitive() || v.isKnown() ? Value.of(v.isSensitive()) : Value.unknown(Type.BOOL);
        });
        // peerform's values carry no ephemeral mark (an ephemeral variable is an ordinary one), so nothing is
        // ephemeral and every value is returned as it is
        r.add("ephemeralasnull", List.of(p("value", Type.DYNAMIC).nullable().unknowns().marked()),
                (a, c) -> a.get(0));
    }

    private static void conversion(Functions.Registry r, String name, Type target) {
        r.add(name, List.of(p("v", Type.DYNAMIC).nullable().unknowns().marked()), (a, c) -> {
            Value v = a.get(0);
            try {
                return Convert.to(v, target);
            } catch (ConversionException e) {
                String text = v.unmarked() instanceof StringValue s ? "\"" + s.value() + "\""
                        : v.type().friendlyName();
                throw new FunctionException(0, "cannot convert " + text + " to " + target.friendlyName()
                        .replace(" of any", "") + "; " + e.getMessage() + ".");
            }
        });
    }
}
