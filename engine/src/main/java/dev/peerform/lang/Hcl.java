package dev.peerform.lang;

import dev.peerform.value.Value;
import java.util.Map;

/** Values written as HCL, for the stages that write configuration (generated import configuration). */
public final class Hcl {

    private Hcl() {
    }

    /** A value as an HCL expression, nested lines indented from {@code indent}. */
    public static String expression(Value v, int indent) {
        return HclEncoder.expression(v, indent);
    }

    /** "name = expression" lines, each run of one-line values aligned on "=" as terraform fmt aligns them. */
    public static String attributes(Map<String, String> entries, int indent) {
        return HclEncoder.attributes(entries, indent);
    }
}
