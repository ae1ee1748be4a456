package dev.peerform.render;

import dev.peerform.value.BoolValue;
import dev.peerform.value.ListValue;
import dev.peerform.value.MapValue;
import dev.peerform.value.NumberValue;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.SetValue;
import dev.peerform.value.StringValue;
import dev.peerform.value.TupleValue;
import dev.peerform.value.Value;
import java.util.List;
import java.util.Map;

/**
 * A value as Terraform writes it after "Outputs:" and in {@code output NAME}: every key quoted and none aligned,
 * a list or set or map marked by its conversion ({@code tolist([...])}, {@code toset([...])}, {@code tomap({...})})
 * so that the text reads back as the same type, a string of several lines as a heredoc ({@code <<-EOT} when
 * nested), and a comma after every element.
 */
final class OutputValueFormat {

    private OutputValueFormat() {
    }

    static String format(Value v, int indent) {
        if (v.isSensitive()) {
            return "(sensitive value)";
        }
        if (!v.isKnown()) {
            return "(known after apply)";
        }
        if (v.isNull()) {
            return "null";
        }
        Value u = v.unmarked();
        if (u instanceof StringValue s) {
            return string(s.value(), indent);
        }
        if (u instanceof NumberValue n) {
            return n.value().stripTrailingZeros().toPlainString();
        }
        if (u instanceof BoolValue b) {
            return Boolean.toString(b.value());
        }
        if (u instanceof ListValue l) {
            return sequence("tolist(", l.elements(), ")", indent);
        }
        if (u instanceof SetValue s) {
            return sequence("toset(", s.elements(), ")", indent);
        }
        if (u instanceof TupleValue t) {
            return sequence("", t.elements(), "", indent);
        }
        if (u instanceof MapValue m) {
            return entries("tomap(", m.elements(), ")", indent);
        }
        if (u instanceof ObjectValue o) {
            return entries("", o.attributes(), "", indent);
        }
        return u.toString();
    }

    private static String sequence(String open, List<Value> elements, String close, int indent) {
        if (elements.isEmpty()) {
            return open + "[]" + close;
        }
        StringBuilder b = new StringBuilder(open).append("[\n");
        for (Value e : elements) {
            b.append(" ".repeat(indent + 2)).append(format(e, indent + 2)).append(",\n");
        }
        return b.append(" ".repeat(indent)).append(']').append(close).toString();
    }

    private static String entries(String open, Map<String, Value> entries, String close, int indent) {
        if (entries.isEmpty()) {
            return open + "{}" + close;
        }
        StringBuilder b = new StringBuilder(open).append("{\n");
        entries.forEach((k, e) -> b.append(" ".repeat(indent + 2)).append(ValueRenderer.quote(k)).append(" = ")
                .append(format(e, indent + 2)).append('\n'));
        return b.append(" ".repeat(indent)).append('}').append(close).toString();
    }

    /** A one-line string quoted; several lines as a heredoc whose delimiter is no line of the text. */
    private static String string(String s, int indent) {
        String[] lines = s.split("\n", -1);
        if (lines.length < 2) {
            return ValueRenderer.quote(s).replace("\r", "\\r");
        }
        String delimiter = "EOT";
        while (hasLine(lines, delimiter)) {
            delimiter += "_";
        }
        StringBuilder b = new StringBuilder(indent > 0 ? "<<-" : "<<").append(delimiter);
        for (String line : lines) {
            b.append('\n').append(" ".repeat(indent)).append(line);
        }
        return b.append('\n').append(" ".repeat(indent)).append(delimiter).toString();
    }

    private static boolean hasLine(String[] lines, String delimiter) {
        for (String l : lines) {
            if (l.strip().equals(delimiter)) {
                return true;
            }
        }
        return false;
    }
}
