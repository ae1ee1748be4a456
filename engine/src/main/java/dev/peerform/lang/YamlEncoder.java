package dev.peerform.lang;

import dev.peerform.value.BoolValue;
import dev.peerform.value.MapValue;
import dev.peerform.value.NumberValue;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.StringValue;
import dev.peerform.value.Value;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * yamlencode's output, in the style Terraform's encoder writes: block style, keys sorted and every string (key or
 * value) double-quoted, so that "true" or "1" never turns into another type; a string with a line break as a
 * literal block; sequences under a key not indented; a document that is a plain scalar ended with "...".
 */
final class YamlEncoder {

    private YamlEncoder() {
    }

    static String encode(Value v) {
        StringBuilder out = new StringBuilder();
        Value u = v.unmarked();
        if (isNonEmptyMap(u)) {
            mapping(entries(u), 0, false, out);
        } else if (isNonEmptySequence(u)) {
            sequence(u.children(), 0, false, out);
        } else if (isBlock(u)) {
            literal(u.asString(), 2, out);
        } else {
            out.append(scalar(u)).append('\n');
            if (!(u instanceof StringValue)) {
                out.append("...\n"); // a plain scalar document is open-ended
            }
        }
        return out.toString();
    }

    private static void mapping(Map<String, Value> entries, int indent, boolean inline, StringBuilder out) {
        boolean first = true;
        for (Map.Entry<String, Value> e : entries.entrySet()) {
            if (!(first && inline)) {
                out.append(" ".repeat(indent));
            }
            first = false;
            out.append(quote(e.getKey())).append(':');
            Value v = e.getValue().unmarked();
            if (isNonEmptyMap(v)) {
                out.append('\n');
                mapping(entries(v), indent + 2, false, out);
            } else if (isNonEmptySequence(v)) {
                out.append('\n');
                sequence(v.children(), indent, false, out);
            } else if (isBlock(v)) {
                out.append(' ');
                literal(v.asString(), indent + 2, out);
            } else {
                out.append(' ').append(scalar(v)).append('\n');
            }
        }
    }

    private static void sequence(List<Value> items, int indent, boolean inline, StringBuilder out) {
        boolean first = true;
        for (Value item : items) {
            if (!(first && inline)) {
                out.append(" ".repeat(indent));
            }
            first = false;
            out.append("- ");
            Value v = item.unmarked();
            if (isNonEmptyMap(v)) {
                mapping(entries(v), indent + 2, true, out);
            } else if (isNonEmptySequence(v)) {
                sequence(v.children(), indent + 2, true, out);
            } else if (isBlock(v)) {
                literal(v.asString(), indent + 2, out);
            } else {
                out.append(scalar(v)).append('\n');
            }
        }
    }

    private static void literal(String s, int indent, StringBuilder out) {
        String body = s.replaceAll("\n+$", "");
        int trailing = s.length() - body.length();
        out.append(trailing == 0 ? "|-" : trailing == 1 ? "|" : "|+").append('\n');
        for (String line : body.split("\n", -1)) {
            out.append(line.isEmpty() ? "" : " ".repeat(indent) + line).append('\n');
        }
        out.append("\n".repeat(Math.max(0, trailing - 1)));
    }

    private static String scalar(Value v) {
        if (v.isNull() || !v.isKnown()) {
            return "null";
        }
        if (v instanceof StringValue s) {
            return quote(s.value());
        }
        if (v instanceof NumberValue n) {
            return n.toString();
        }
        if (v instanceof BoolValue b) {
            return Boolean.toString(b.value());
        }
        return v.children().isEmpty() && (v instanceof ObjectValue || v instanceof MapValue) ? "{}" : "[]";
    }

    /** YAML's double-quoted style: what is not printable is escaped, as are characters beyond the BMP. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case 0 -> b.append("\\0");
                case 7 -> b.append("\\a");
                case '\b' -> b.append("\\b");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case 0x0b -> b.append("\\v");
                case '\f' -> b.append("\\f");
                case '\r' -> b.append("\\r");
                case 0x1b -> b.append("\\e");
                case 0x85 -> b.append("\\N");
                case 0xa0 -> b.append("\\_");
                case 0x2028 -> b.append("\\L");
                case 0x2029 -> b.append("\\P");
                default -> {
                    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
                        b.append(String.format("\\x%02X", cp));
                    } else if (cp == 0xfeff || (cp >= 0xd800 && cp <= 0xdfff) || cp == 0xfffe || cp == 0xffff) {
                        b.append(String.format("\\u%04X", cp));
                    } else if (cp > 0xffff) {
                        b.append(String.format("\\U%08X", cp));
                    } else {
                        b.appendCodePoint(cp);
                    }
                }
            }
        });
        return b.append('"').toString();
    }

    private static boolean isNonEmptyMap(Value v) {
        return (v instanceof ObjectValue || v instanceof MapValue) && !v.children().isEmpty();
    }

    private static boolean isNonEmptySequence(Value v) {
        return !(v instanceof ObjectValue || v instanceof MapValue) && !v.children().isEmpty();
    }

    /** A string with a line break is written as a literal block, unless its first line starts with a space. */
    private static boolean isBlock(Value v) {
        return v instanceof StringValue s && s.value().contains("\n") && !s.value().startsWith(" ");
    }

    private static Map<String, Value> entries(Value v) {
        return new TreeMap<>(v instanceof ObjectValue o ? o.attributes() : ((MapValue) v).elements());
    }
}
