package dev.peerform.render;

import dev.peerform.value.BoolValue;
import dev.peerform.value.ListValue;
import dev.peerform.value.MapValue;
import dev.peerform.value.NullValue;
import dev.peerform.value.NumberValue;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.SensitiveValue;
import dev.peerform.value.SetValue;
import dev.peerform.value.StringValue;
import dev.peerform.value.TupleValue;
import dev.peerform.value.UnknownValue;
import dev.peerform.value.Value;
import java.util.List;
import java.util.Map;

/**
 * A value as {@code terraform console} prints it: a tuple as {@code [ ..., ]}, a list, set and map wrapped in
 * {@code tolist(...)}, {@code toset(...)} and {@code tomap(...)}, keys always quoted, a multi-line string as a
 * heredoc, an unknown as "(known after apply)" and a secret as "(sensitive value)".
 */
public final class ConsoleValues {

    private ConsoleValues() {
    }

    public static String render(Value v) {
        StringBuilder out = new StringBuilder();
        render(v, "", out);
        return out.toString();
    }

    private static void render(Value v, String indent, StringBuilder out) {
        if (v instanceof SensitiveValue) {
            out.append("(sensitive value)");
        } else if (v instanceof UnknownValue) {
            out.append("(known after apply)");
        } else if (v instanceof NullValue) {
            out.append("null");
        } else if (v instanceof BoolValue b) {
            out.append(b.value());
        } else if (v instanceof NumberValue n) {
            out.append(n.value().stripTrailingZeros().toPlainString());
        } else if (v instanceof StringValue s) {
            string(s.value(), out);
        } else if (v instanceof TupleValue t) {
            sequence(t.elements(), indent, out);
        } else if (v instanceof ListValue l) {
            wrapped("tolist(", () -> sequence(l.elements(), indent, out), out);
        } else if (v instanceof SetValue s) {
            wrapped("toset(", () -> sequence(s.elements(), indent, out), out);
        } else if (v instanceof MapValue m) {
            wrapped("tomap(", () -> mapping(m.elements(), indent, out), out);
        } else if (v instanceof ObjectValue o) {
            mapping(o.attributes(), indent, out);
        }
    }

    private static void wrapped(String open, Runnable inner, StringBuilder out) {
        out.append(open);
        inner.run();
        out.append(')');
    }

    private static void sequence(List<Value> items, String indent, StringBuilder out) {
        if (items.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append("[\n");
        for (Value item : items) {
            out.append(indent).append("  ");
            render(item, indent + "  ", out);
            out.append(",\n");
        }
        out.append(indent).append(']');
    }

    private static void mapping(Map<String, Value> items, String indent, StringBuilder out) {
        if (items.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append("{\n");
        items.forEach((k, item) -> {
            out.append(indent).append("  ");
            string(k, out);
            out.append(" = ");
            render(item, indent + "  ", out);
            out.append('\n');
        });
        out.append(indent).append('}');
    }

    private static void string(String s, StringBuilder out) {
        if (s.contains("\n")) {
            out.append("<<EOT\n").append(s).append("\nEOT");
            return;
        }
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
