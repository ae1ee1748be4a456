package dev.peerform.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A change to a string that holds JSON, shown as Terraform 1.11 shows it: {@code jsonencode(} with the structure
 * inside and a marker on each member and element that changed, so a one-key edit of a policy document reads as
 * that one key. Members are sorted and unchanged ones hidden (but {@code id}, {@code name}, {@code tags}); array
 * elements are paired by position when only values changed, otherwise by their longest common run, with the
 * unchanged element next to a change shown for context. A missing member and an explicit {@code null} differ, as in
 * Terraform: removing a key is {@code -}, setting it to null is {@code ~ "x" -> null}.
 */
final class JsonDiff {

    // numbers keep their digits ("1.50" stays 1.50), as Terraform reads them
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private JsonDiff() {
    }

    enum Action {
        NOOP("  "), CREATE("+ "), DELETE("- "), UPDATE("~ ");

        final String symbol;

        Action(String symbol) {
            this.symbol = symbol;
        }

        /** A container's action after seeing one more child's (a change of any kind in a kept container: update). */
        Action with(Action child) {
            return child == NOOP || child == this ? this : UPDATE;
        }
    }

    private enum Kind { NULL, BOOL, NUMBER, STRING, OBJECT, ARRAY }

    /** One node of the diff; a before or after of Java null means the member or element is not there at all. */
    private sealed interface Node permits Primitive, Members, Elements, TypeChange {
        Action action();
    }

    private record Primitive(JsonNode before, JsonNode after, Action action) implements Node {
    }

    private record Members(SortedMap<String, Node> members, Action action) implements Node {
    }

    private record Elements(List<Node> elements, Action action) implements Node {
    }

    private record TypeChange(Node before, Node after) implements Node {
        @Override
        public Action action() {
            return Action.UPDATE;
        }
    }

    /** The JSON a string holds, when it starts as an object or array and parses; otherwise null. */
    static JsonNode parse(String s) {
        if (!s.startsWith("{") && !s.startsWith("[")) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(s);
            return n == null || n.isMissingNode() ? null : n;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * The lines of {@code jsonencode(...)} for a string attribute whose JSON goes from before to after (either may
     * be null: the string is created or deleted; the same JSON in two different strings is a whitespace change);
     * {@code indent} is the column of the markers inside it.
     */
    static List<String> lines(JsonNode before, JsonNode after, boolean stringChanged, int indent) {
        Action action = before == null ? Action.CREATE : after == null ? Action.DELETE
                : stringChanged ? Action.UPDATE : Action.NOOP;
        return List.of(jsonencode(before, after, action, indent, false).split("\n", -1));
    }

    private static String jsonencode(JsonNode before, JsonNode after, Action action, int indent,
            boolean showUnchanged) {
        Node diff = diff(action == Action.CREATE ? null : before, action == Action.DELETE ? null : after);
        String note = "";
        Action marker = action;
        boolean show = showUnchanged || action == Action.NOOP;
        if (diff.action() == Action.NOOP && action == Action.UPDATE) {
            note = " # whitespace changes"; // the JSON is the same: say why the string changed at all
            show = true;
            marker = Action.NOOP;
        }
        if (action == Action.CREATE || action == Action.DELETE) {
            marker = Action.NOOP; // the attribute's own marker says it; the root inside carries none
        }
        String inner = render(diff, indent + 4, true, show);
        if (!inner.contains("\n")) {
            return "jsonencode(" + inner + ")" + note;
        }
        return "jsonencode(" + note + "\n" + " ".repeat(indent) + marker.symbol + inner + "\n"
                + " ".repeat(Math.max(0, indent - 2)) + ")";
    }

    private static Kind kind(JsonNode n) {
        if (n == null || n.isNull()) {
            return Kind.NULL;
        }
        if (n.isObject()) {
            return Kind.OBJECT;
        }
        if (n.isArray()) {
            return Kind.ARRAY;
        }
        if (n.isBoolean()) {
            return Kind.BOOL;
        }
        return n.isNumber() ? Kind.NUMBER : Kind.STRING;
    }

    private static Node diff(JsonNode before, JsonNode after) {
        Kind b = kind(before);
        Kind a = kind(after);
        if (b == a || before == null || after == null) {
            return of(before, after, b == Kind.NULL ? a : b);
        }
        return new TypeChange(of(before, null, b), of(null, after, a));
    }

    private static Action initial(JsonNode before, JsonNode after) {
        boolean b = before != null && !before.isNull();
        boolean a = after != null && !after.isNull();
        return b && !a ? Action.DELETE : a && !b ? Action.CREATE : Action.NOOP;
    }

    private static Node of(JsonNode before, JsonNode after, Kind kind) {
        if (kind == Kind.OBJECT) {
            TreeSet<String> keys = new TreeSet<>();
            if (before != null) {
                before.fieldNames().forEachRemaining(keys::add);
            }
            if (after != null) {
                after.fieldNames().forEachRemaining(keys::add);
            }
            SortedMap<String, Node> members = new TreeMap<>();
            Action action = initial(before, after);
            for (String k : keys) {
                Node child = diff(before == null ? null : before.get(k), after == null ? null : after.get(k));
                members.put(k, child);
                action = action.with(child.action());
            }
            return new Members(members, action);
        }
        if (kind == Kind.ARRAY) {
            List<JsonNode> bs = elements(before);
            List<JsonNode> as = elements(after);
            List<Node> out = new ArrayList<>();
            for (int[] pair : pairs(bs, as)) {
                out.add(diff(pair[0] < bs.size() ? bs.get(pair[0]) : null,
                        pair[1] < as.size() ? as.get(pair[1]) : null));
            }
            Action action = initial(before, after);
            for (Node n : out) {
                action = action.with(n.action());
            }
            return new Elements(out, action);
        }
        Action action = before == null && after != null ? Action.CREATE
                : before != null && after == null ? Action.DELETE
                : before.equals(after) ? Action.NOOP : Action.UPDATE;
        return new Primitive(before, after, action);
    }

    private static List<JsonNode> elements(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.elements().forEachRemaining(out::add);
        }
        return out;
    }

    /**
     * Which before element is shown against which after one (an index past the end: none). Same length and not a
     * reordering: position by position. Otherwise along the longest common subsequence: before elements not in
     * it are deleted (an object against an object at the same point is diffed instead), after ones created.
     */
    private static List<int[]> pairs(List<JsonNode> bs, List<JsonNode> as) {
        List<int[]> out = new ArrayList<>();
        if (bs.size() == as.size() && !reordering(bs, as)) {
            for (int i = 0; i < bs.size(); i++) {
                out.add(new int[] {i, i});
            }
            return out;
        }
        List<JsonNode> common = commonSubsequence(bs, as);
        int b = 0;
        int a = 0;
        int c = 0;
        while (b < bs.size() || a < as.size() || c < common.size()) {
            while (b < bs.size() && (c >= common.size() || !bs.get(b).equals(common.get(c)))) {
                boolean objects = bs.get(b).isObject() && a < as.size() && as.get(a).isObject()
                        && (c >= common.size() || !as.get(a).equals(common.get(c)));
                if (objects) {
                    out.add(new int[] {b++, a++});
                } else {
                    out.add(new int[] {b++, as.size()});
                }
            }
            while (a < as.size() && (c >= common.size() || !as.get(a).equals(common.get(c)))) {
                out.add(new int[] {bs.size(), a++});
            }
            if (c < common.size()) {
                out.add(new int[] {b++, a++});
                c++;
            }
        }
        return out;
    }

    private static boolean reordering(List<JsonNode> bs, List<JsonNode> as) {
        return bs.size() == as.size() && as.containsAll(bs);
    }

    /** The longest common subsequence; where two are as long, the walk back prefers dropping an after element. */
    private static List<JsonNode> commonSubsequence(List<JsonNode> xs, List<JsonNode> ys) {
        int w = xs.size();
        int h = ys.size();
        if (w == 0 || h == 0) {
            return List.of();
        }
        int[][] len = new int[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (xs.get(x).equals(ys.get(y))) {
                    len[y][x] = x == 0 || y == 0 ? 1 : len[y - 1][x - 1] + 1;
                } else {
                    len[y][x] = Math.max(x > 0 ? len[y][x - 1] : 0, y > 0 ? len[y - 1][x] : 0);
                }
            }
        }
        List<JsonNode> seq = new ArrayList<>();
        int x = w - 1;
        int y = h - 1;
        while (x >= 0 && y >= 0) {
            if (xs.get(x).equals(ys.get(y))) {
                seq.add(0, xs.get(x));
                x--;
                y--;
            } else if ((x > 0 ? len[y][x - 1] : 0) > (y > 0 ? len[y - 1][x] : 0)) {
                x--;
            } else {
                y--;
            }
        }
        return seq;
    }

    /**
     * One node, its first line inline after whatever precedes it; {@code indent} is the column of its children's
     * markers. Inside JSON a deleted member or element never says "-> null" (its marker says it).
     */
    private static String render(Node n, int indent, boolean noNullSuffix, boolean showUnchanged) {
        String suffix = !noNullSuffix && n.action() == Action.DELETE ? " -> null" : "";
        String pad = " ".repeat(indent);
        String close = " ".repeat(Math.max(0, indent - 2));
        if (n instanceof TypeChange t) {
            return render(t.before(), indent, true, showUnchanged) + " -> " + render(t.after(), indent, true,
                    showUnchanged);
        }
        if (n instanceof Primitive p) {
            return primitive(p, indent, showUnchanged) + suffix;
        }
        StringBuilder b = new StringBuilder();
        if (n instanceof Members m) {
            if (m.members().isEmpty()) {
                return "{}" + suffix;
            }
            int width = m.members().keySet().stream().mapToInt(k -> key(k).length()).max().orElse(0);
            int hidden = 0;
            b.append("{\n");
            for (var e : m.members().entrySet()) {
                boolean important = e.getKey().equals("id") || e.getKey().equals("name")
                        || e.getKey().equals("tags");
                Node child = e.getValue();
                if (!important && child.action() == Action.NOOP && !showUnchanged) {
                    hidden++;
                    continue;
                }
                b.append(pad).append(child.action().symbol).append(ValueRenderer.padRight(key(e.getKey()), width))
                        .append(" = ").append(render(child, indent + 4, true, showUnchanged || important))
                        .append('\n');
            }
            if (hidden > 0) {
                b.append(pad).append("  ").append(hiddenNote(hidden, "attribute")).append('\n');
            }
            return b.append(close).append('}').append(suffix).toString();
        }
        Elements l = (Elements) n;
        if (l.elements().isEmpty()) {
            return "[]" + suffix;
        }
        b.append("[\n");
        List<Node> unchanged = new ArrayList<>();
        boolean next = false;
        for (Node e : l.elements()) {
            if (e.action() == Action.NOOP && !next && !showUnchanged) {
                unchanged.add(e);
                continue;
            }
            next = false;
            boolean show = showUnchanged;
            // the unchanged element just before a change, and the one just after, say where in the list it is
            if (unchanged.size() > 1) {
                b.append(pad).append("  ").append(hiddenNote(unchanged.size() - 1, "element")).append('\n');
            }
            if (!unchanged.isEmpty()) {
                Node last = unchanged.get(unchanged.size() - 1);
                b.append(pad).append(last.action().symbol).append(render(last, indent + 4, noNullSuffix, true))
                        .append(",\n");
            }
            unchanged.clear();
            if (e.action() == Action.NOOP) {
                show = true;
            } else {
                next = true;
            }
            b.append(pad).append(e.action().symbol).append(render(e, indent + 4, true, show)).append(",\n");
        }
        if (!unchanged.isEmpty()) {
            b.append(pad).append("  ").append(hiddenNote(unchanged.size(), "element")).append('\n');
        }
        return b.append(close).append(']').append(suffix).toString();
    }

    private static String primitive(Primitive p, int indent, boolean showUnchanged) {
        if (kind(p.before()) == Kind.STRING || kind(p.after()) == Kind.STRING) {
            JsonNode b = p.before() == null || !p.before().isTextual() ? null : parse(p.before().textValue());
            JsonNode a = p.after() == null || !p.after().isTextual() ? null : parse(p.after().textValue());
            boolean json = switch (p.action()) {
                case CREATE -> a != null;
                case DELETE -> b != null;
                case NOOP -> a != null;
                case UPDATE -> a != null && b != null;
            };
            if (json) { // a JSON document inside JSON: the same rendering one level in
                return jsonencode(p.action() == Action.CREATE ? null : b, p.action() == Action.DELETE ? null : a,
                        p.action(), indent, showUnchanged);
            }
        }
        return switch (p.action()) {
            case CREATE -> text(p.after());
            case DELETE, NOOP -> text(p.before());
            case UPDATE -> text(p.before()) + " -> " + text(p.after());
        };
    }

    private static String text(JsonNode n) {
        if (n == null || n.isNull()) {
            return "null";
        }
        if (n.isTextual()) {
            return ValueRenderer.quote(n.textValue()).replace("\n", "\\n").replace("\r", "\\r");
        }
        return n.toString();
    }

    private static String key(String k) {
        return k.matches("[A-Za-z_][A-Za-z0-9_-]*") ? k : ValueRenderer.quote(k);
    }

    private static String hiddenNote(int n, String what) {
        return "# (" + n + " unchanged " + what + (n == 1 ? "" : "s") + " hidden)";
    }
}
