package dev.peerform.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peerform.lang.Marks;
import dev.peerform.value.BoolValue;
import dev.peerform.value.ListValue;
import dev.peerform.value.MapValue;
import dev.peerform.value.NumberValue;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.SetValue;
import dev.peerform.value.StringValue;
import dev.peerform.value.TupleValue;
import dev.peerform.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Renders values and their changes the way Terraform's plan does: attributes sorted and aligned, nested objects
 * and lists over several lines, {@code (known after apply)} for unknowns, {@code (sensitive value)} for secrets,
 * {@code -> } between old and new, {@code # forces replacement} after the attributes that force it.
 */
final class ValueRenderer {

    private ValueRenderer() {
    }

    /**
     * Lines (without trailing newline) for the body of a resource block, indented by {@code indent}. As Terraform:
     * the width is that of every attribute not null on both sides, shown or hidden, and a block's or object's
     * {@code id}, {@code name} and {@code tags} are shown even unchanged (they say which object it is).
     */
    static List<String> attributes(Map<String, Value> before, Map<String, Value> after, String symbol, int indent,
            Set<String> forcesReplacement, boolean hideUnchanged) {
        List<String> lines = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int width = 0;
        int unchanged = 0;
        for (String name : names(before, after)) {
            Value b = before == null ? null : before.get(name);
            Value a = after == null ? null : after.get(name);
            boolean bNull = b == null || b.isNull();
            boolean aNull = a == null || a.isNull();
            if (bNull && aNull) {
                continue;
            }
            width = Math.max(width, name.length());
            boolean important = name.equals("id") || name.equals("name") || name.equals("tags");
            if (hideUnchanged && !important && same(b, a)) {
                unchanged++;
                continue;
            }
            names.add(name);
        }
        String pad = " ".repeat(indent);
        for (String name : names) {
            Value b = before == null ? null : before.get(name);
            Value a = after == null ? null : after.get(name);
            String sym = symbolFor(symbol, b, a);
            String head = pad + sym + " " + padRight(name, width) + " = ";
            List<String> rendered = new ArrayList<>(change(b, a, indent + 4, sym));
            String first = rendered.get(0);
            if (forcesReplacement.contains(name)) {
                rendered.set(rendered.size() - 1, rendered.get(rendered.size() - 1) + " # forces replacement");
                first = rendered.get(0);
            }
            lines.add(head + first);
            lines.addAll(rendered.subList(1, rendered.size()));
        }
        if (unchanged > 0) {
            lines.add(pad + "  # (" + unchanged + " unchanged " + "attribute"
                    + (unchanged == 1 ? "" : "s") + " hidden)");
        }
        return lines;
    }

    /** The attribute names of either side, in order; one sorted side's own keys when the other has none. */
    private static Set<String> names(Map<String, Value> before, Map<String, Value> after) {
        Map<String, Value> only = before == null ? after : after == null ? before : null;
        if (only instanceof SortedMap<String, Value> sorted && sorted.comparator() == null) {
            return sorted.keySet();
        }
        Set<String> out = new TreeSet<>();
        if (before != null) {
            out.addAll(before.keySet());
        }
        if (after != null) {
            out.addAll(after.keySet());
        }
        return out;
    }

    private static String symbolFor(String blockSymbol, Value b, Value a) {
        boolean bNull = b == null || b.isNull();
        boolean aNull = a == null || a.isNull();
        if (blockSymbol.equals("+") || (bNull && !aNull)) {
            return "+";
        }
        if (blockSymbol.equals("-") || (aNull && !bNull)) {
            return "-";
        }
        return same(b, a) ? " " : "~";
    }

    /** The rendering of one attribute's change; several lines for nested values. */
    static List<String> change(Value b, Value a, int indent, String sym) {
        boolean bNull = b == null || b.isNull();
        boolean aNull = a == null || a.isNull();
        if (sym.equals("-")) {
            List<String> lines = value(b, indent, "-");
            lines.set(lines.size() - 1, lines.get(lines.size() - 1) + " -> null");
            return lines;
        }
        if (bNull || sym.equals("+")) {
            return value(a, indent, "+");
        }
        if (same(b, a)) {
            return value(a, indent, " ");
        }
        if (isCollection(b) && isCollection(a) && a.isKnown() && !b.isSensitive() && !a.isSensitive()) {
            return nestedChange(b, a, indent);
        }
        if (b.unmarked() instanceof StringValue bs && a.unmarked() instanceof StringValue as && !b.isSensitive()
                && !a.isSensitive()) {
            JsonNode bj = JsonDiff.parse(bs.value());
            JsonNode aj = JsonDiff.parse(as.value());
            if (bj != null && aj != null) {
                return JsonDiff.lines(bj, aj, true, indent);
            }
        }
        // the old value as removed and the new one as added, each whole (Terraform's change of type, or to unknown)
        List<String> before = value(b, indent, "-");
        List<String> after = value(a, indent, "+");
        if (before.size() == 1 && after.size() == 1) {
            return List.of(before.get(0) + " -> " + after.get(0));
        }
        List<String> out = new ArrayList<>(before);
        out.set(out.size() - 1, out.get(out.size() - 1) + " -> " + after.get(0));
        out.addAll(after.subList(1, after.size()));
        return out;
    }

    private static List<String> nestedChange(Value b, Value a, int indent) {
        Value bu = b.unmarked();
        Value au = a.unmarked();
        String pad = " ".repeat(indent);
        List<String> out = new ArrayList<>();
        if (bu instanceof ObjectValue || bu instanceof MapValue) {
            out.add("{");
            // a map is rendered as an object: what terraform_data (a dynamic attribute) holds reads so in Terraform
            out.addAll(attributes(entries(bu), entries(au), "~", indent, Set.of(), true));
            out.add(" ".repeat(Math.max(0, indent - 2)) + "}");
            return out;
        }
        out.add("[");
        List<Value> bs = bu.children();
        List<Value> as = au.children();
        for (Value x : bs) {
            if (!as.contains(x)) {
                out.add(pad + "- " + value(x, indent + 4, "-").get(0) + ",");
            }
        }
        for (Value x : as) {
            out.add(pad + (bs.contains(x) ? "  " : "+ ") + value(x, indent + 4, "+").get(0) + ",");
        }
        out.add(" ".repeat(Math.max(0, indent - 2)) + "]");
        return out;
    }

    /** A value on its own, nested over several lines when it is a collection; sym prefixes nested items. */
    static List<String> value(Value v, int indent, String sym) {
        return value(v, indent, sym, false);
    }

    /** As above; with {@code maps}, a map's keys are always quoted (a typed map, as Terraform renders one). */
    static List<String> value(Value v, int indent, String sym, boolean maps) {
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            out.add("null");
            return out;
        }
        if (v.isSensitive()) {
            out.add("(sensitive value)");
            return out;
        }
        if (!v.isKnown()) {
            out.add("(known after apply)");
            return out;
        }
        Value u = v;
        if (u instanceof StringValue s) {
            JsonNode json = JsonDiff.parse(s.value());
            if (json != null) {
                out.addAll(JsonDiff.lines(sym.equals("+") ? null : json, sym.equals("-") ? null : json, false,
                        indent));
                return out;
            }
            if (s.value().contains("\n")) {
                // Terraform trims the text and indents it past the markers' column
                out.add("<<-EOT");
                for (String line : s.value().strip().split("\n", -1)) {
                    out.add(" ".repeat(indent + 2) + line);
                }
                out.add(" ".repeat(Math.max(0, indent - 2)) + "EOT");
                return out;
            }
            out.add(quote(s.value()));
            return out;
        }
        if (u instanceof NumberValue || u instanceof BoolValue) {
            out.add(u.toString());
            return out;
        }
        if (u instanceof ObjectValue || u instanceof MapValue) {
            Map<String, Value> m = entries(u);
            if (m.isEmpty()) {
                out.add("{}");
                return out;
            }
            out.add("{");
            boolean quoted = maps && u instanceof MapValue;
            int width = 0;
            for (String k : m.keySet()) {
                width = Math.max(width, (quoted ? quote(k) : key(k)).length());
            }
            for (Map.Entry<String, Value> e : sorted(m).entrySet()) {
                if (e.getValue().isNull() && sym.equals("+")) {
                    continue;
                }
                List<String> inner = value(e.getValue(), indent + 4, sym, maps);
                out.add(" ".repeat(indent) + sym + " " + padRight(quoted ? quote(e.getKey()) : key(e.getKey()), width)
                        + " = " + inner.get(0));
                out.addAll(inner.subList(1, inner.size()));
            }
            out.add(" ".repeat(Math.max(0, indent - 2)) + "}");
            return out;
        }
        if (u instanceof ListValue || u instanceof TupleValue || u instanceof SetValue) {
            List<Value> items = u.children();
            if (items.isEmpty()) {
                out.add("[]");
                return out;
            }
            out.add("[");
            for (Value x : items) {
                List<String> inner = value(x, indent + 4, sym, maps);
                out.add(" ".repeat(indent) + sym + " " + inner.get(0) + (inner.size() == 1 ? "," : ""));
                out.addAll(inner.subList(1, inner.size()));
                if (inner.size() > 1) {
                    out.set(out.size() - 1, out.get(out.size() - 1) + ",");
                }
            }
            out.add(" ".repeat(Math.max(0, indent - 2)) + "]");
            return out;
        }
        out.add(String.valueOf(u));
        return out;
    }

    private static Map<String, Value> entries(Value v) {
        Value u = v.unmarked();
        if (u instanceof ObjectValue o) {
            return o.attributes();
        }
        if (u instanceof MapValue m) {
            return m.elements();
        }
        return Map.of();
    }

    private static boolean isCollection(Value v) {
        Value u = v.unmarked();
        return u instanceof ObjectValue || u instanceof MapValue || u instanceof ListValue || u instanceof TupleValue
                || u instanceof SetValue;
    }

    static boolean same(Value a, Value b) {
        if (a == null || b == null) {
            return (a == null || a.isNull()) && (b == null || b.isNull());
        }
        if (!a.isWhollyKnown() || !b.isWhollyKnown()) {
            return false;
        }
        return Marks.sameIgnoringMarks(a, b);
    }

    /** The key bare when it is an identifier ({@code [A-Za-z_][A-Za-z0-9_-]*}), else quoted. */
    private static String key(String k) {
        return isIdentifier(k) ? k : quote(k);
    }

    // by hand: a regular expression compiled for every key of every object was a third of rendering a plan
    private static boolean isIdentifier(String k) {
        if (k.isEmpty()) {
            return false;
        }
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            boolean letter = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_';
            boolean more = c >= '0' && c <= '9' || c == '-';
            if (!(letter || i > 0 && more)) {
                return false;
            }
        }
        return true;
    }

    /** The entries in key order: the map itself when it is already sorted so. */
    private static Map<String, Value> sorted(Map<String, Value> m) {
        return m instanceof SortedMap<String, Value> s && s.comparator() == null ? m : new TreeMap<>(m);
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t") + "\"";
    }

    static String padRight(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
