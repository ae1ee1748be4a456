package dev.peerform.lang;

import dev.peerform.value.BoolValue;
import dev.peerform.value.MapValue;
import dev.peerform.value.NumberValue;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.StringValue;
import dev.peerform.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A value as HCL expression text, formatted the way Terraform's encode_expr and encode_tfvars write it: sequences
 * on one line, objects one attribute a line with keys sorted and their "=" aligned within each run of one-line
 * attributes, keys bare when they are identifiers.
 */
final class HclEncoder {

    static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_-]*");

    private HclEncoder() {
    }

    static String expression(Value v, int indent) {
        Value u = v.unmarked();
        if (u.isNull()) {
            return "null";
        }
        if (u instanceof StringValue s) {
            return quote(s.value());
        }
        if (u instanceof NumberValue n) {
            return n.toString();
        }
        if (u instanceof BoolValue b) {
            return Boolean.toString(b.value());
        }
        if (u instanceof ObjectValue || u instanceof MapValue) {
            Map<String, Value> entries = new TreeMap<>(u instanceof ObjectValue o ? o.attributes()
                    : ((MapValue) u).elements());
            if (entries.isEmpty()) {
                return "{}";
            }
            Map<String, String> keyed = new java.util.LinkedHashMap<>();
            entries.forEach((k, e) -> keyed.put(IDENTIFIER.matcher(k).matches() ? k : quote(k),
                    expression(e, indent + 2)));
            return "{\n" + attributes(keyed, indent + 2) + " ".repeat(indent) + "}";
        }
        List<String> items = new ArrayList<>();
        for (Value e : u.children()) {
            items.add(expression(e, indent));
        }
        return "[" + String.join(", ", items) + "]";
    }

    /** "name = value" lines at the indent, each run of one-line values aligned on "=". */
    static String attributes(Map<String, String> entries, int indent) {
        StringBuilder out = new StringBuilder();
        List<Map.Entry<String, String>> run = new ArrayList<>();
        for (Map.Entry<String, String> e : entries.entrySet()) {
            run.add(e);
            if (e.getValue().contains("\n")) { // a multi-line value ends the run it opens on its first line
                flush(run, indent, out);
            }
        }
        flush(run, indent, out);
        return out.toString();
    }

    private static void flush(List<Map.Entry<String, String>> run, int indent, StringBuilder out) {
        int width = run.stream().mapToInt(e -> e.getKey().length()).max().orElse(0);
        for (Map.Entry<String, String> e : run) {
            out.append(" ".repeat(indent)).append(e.getKey()).append(" ".repeat(width - e.getKey().length()))
                    .append(" = ").append(e.getValue()).append('\n');
        }
        run.clear();
    }

    /** An HCL quoted string: escapes, and "${" and "%{" doubled so that nothing is interpolated. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '$', '%' -> {
                    b.append(ch);
                    if (i + 1 < s.length() && s.charAt(i + 1) == '{') {
                        b.append(ch);
                    }
                }
                default -> {
                    if (ch < 0x20 || ch == 0x7f) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
