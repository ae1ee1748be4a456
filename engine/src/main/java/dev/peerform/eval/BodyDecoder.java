package dev.peerform.eval;

import dev.peerform.diag.Diagnostics;
import dev.peerform.diag.SourceRange;
import dev.peerform.diag.Suggestions;
import dev.peerform.lang.Evaluator;
import dev.peerform.lang.ExprWalker;
import dev.peerform.lang.References;
import dev.peerform.spi.AttributeSchema;
import dev.peerform.spi.Schema;
import dev.peerform.syntax.Attribute;
import dev.peerform.syntax.Block;
import dev.peerform.syntax.Body;
import dev.peerform.syntax.Expr;
import dev.peerform.value.ListValue;
import dev.peerform.value.NumberValue;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.SetValue;
import dev.peerform.value.StringValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decodes a block's body against a provider's schema into an object value: each argument evaluated and converted to
 * its attribute's type, nested blocks as lists, sets or single objects; unknown arguments, missing required ones
 * and arguments the provider computes are errors at their source position.
 */
public final class BodyDecoder {

    private BodyDecoder() {
    }

    public static ObjectValue decode(Body body, Schema schema, Evaluator evaluator, String what, Diagnostics diags) {
        Map<String, Value> out = new TreeMap<>();
        for (Attribute a : body.attributes()) {
            AttributeSchema s = schema.attributes().get(a.name());
            if (s == null) {
                diags.error("Unsupported argument", "An argument named \"" + a.name() + "\" is not expected here."
                        + Suggestions.didYouMean(a.name(), schema.attributes().keySet()), a.nameRange());
                continue;
            }
            if (s.computed() && !s.optional() && !s.required()) {
                diags.error("Invalid or unknown key", "Can't configure a value for \"" + a.name() + "\": its value "
                        + "will be decided automatically based on the result of applying this configuration.",
                        a.nameRange());
                continue;
            }
            Value v = evaluator.evaluate(a.expr(), s.type(), diags);
            out.put(a.name(), s.sensitive() && !v.isNull() ? Value.sensitive(v) : v);
        }
        for (Map.Entry<String, AttributeSchema> e : schema.attributes().entrySet()) {
            if (e.getValue().required() && body.attribute(e.getKey()).isEmpty()) {
                diags.error("Missing required argument", "The argument \"" + e.getKey() + "\" is required, but no "
                        + "definition was found in " + what + ".", body.range());
            }
            out.putIfAbsent(e.getKey(), Value.nullOf(e.getValue().type()));
        }
        Map<String, List<Block>> blocks = new LinkedHashMap<>();
        for (Block b : body.blocks()) {
            if (!schema.blocks().containsKey(b.type())) {
                diags.error("Unsupported block type", "Blocks of type \"" + b.type() + "\" are not expected here."
                        + Suggestions.didYouMean(b.type(), schema.blocks().keySet()), b.typeRange());
                continue;
            }
            blocks.computeIfAbsent(b.type(), k -> new ArrayList<>()).add(b);
        }
        for (Map.Entry<String, Schema.NestedBlock> e : schema.blocks().entrySet()) {
            Schema.NestedBlock nb = e.getValue();
            List<Block> given = blocks.getOrDefault(e.getKey(), List.of());
            List<Value> items = new ArrayList<>();
            for (Block b : given) {
                items.add(decode(b.body(), nb.schema(), evaluator, "this " + b.type() + " block", diags));
            }
            SourceRange where = given.isEmpty() ? body.range() : given.get(0).typeRange();
            if (items.size() < nb.minItems()) {
                diags.error("Insufficient " + e.getKey() + " blocks", "At least " + nb.minItems() + " \""
                        + e.getKey() + "\" blocks are required.", where);
            }
            if (nb.maxItems() > 0 && items.size() > nb.maxItems()) {
                diags.error("Too many " + e.getKey() + " blocks", "No more than " + nb.maxItems() + " \""
                        + e.getKey() + "\" blocks are allowed.", given.get(nb.maxItems()).typeRange());
            }
            Type t = nb.schema().type();
            out.put(e.getKey(), switch (nb.nesting()) {
                case SINGLE -> items.isEmpty() ? Value.nullOf(t) : items.get(0);
                case LIST -> new ListValue(t, items);
                case SET -> new SetValue(t, items);
            });
        }
        return new ObjectValue(out);
    }

    /** For each argument, the resources its expression refers to ({@code alicloud_vpc.a}), for ordering rules. */
    public static Map<String, List<String>> references(Body body, String modulePrefix) {
        Map<String, List<String>> out = new TreeMap<>();
        for (Attribute a : body.attributes()) {
            List<String> refs = new ArrayList<>();
            for (Expr.ScopeTraversal t : References.of(a.expr())) {
                String address = resourceOf(t);
                if (address != null && !refs.contains(modulePrefix + address)) {
                    refs.add(modulePrefix + address);
                }
            }
            out.put(a.name(), refs);
        }
        return out;
    }

    /**
     * Like {@link #references(Body, String)}, but naming instances where the expression selects one, even through
     * an index known only in the instance's context ({@code alicloud_vpc.each[each.key]} for key "web" is
     * {@code alicloud_vpc.each["web"]}).
     * <p>When {@code forEach} (the block's for_each, or null) is a whole resource ({@code for_each =
     * alicloud_router_interface.in}), {@code each.value} is that resource's instance of the same key, and a reference
     * through it names that instance, as if it were written {@code alicloud_router_interface.in[each.key]}.
     */
    public static Map<String, List<String>> instanceReferences(Body body, Expr forEach, String modulePrefix,
            Evaluator evaluator) {
        String eachValue = eachValueInstance(forEach, evaluator);
        Map<String, List<String>> out = new TreeMap<>();
        for (Attribute a : body.attributes()) {
            List<String> refs = new ArrayList<>();
            Set<Expr> indexed = Collections.newSetFromMap(new IdentityHashMap<>());
            ExprWalker.walk(a.expr(), e -> {
                String address = null;
                if (e instanceof Expr.Index i && i.collection() instanceof Expr.ScopeTraversal t
                        && resourceOf(t) != null && t.steps().size() == (t.root().equals("data") ? 2 : 1)) {
                    Value key = evaluator.evaluate(i.key(), new Diagnostics());
                    address = resourceOf(t) + keySuffix(key);
                    indexed.add(t); // the walk visits it next: it is this instance, not the whole resource
                } else if (e instanceof Expr.ScopeTraversal t && resourceOf(t) != null && !indexed.contains(t)) {
                    int at = t.root().equals("data") ? 2 : 1;
                    address = resourceOf(t) + (t.steps().size() > at && t.steps().get(at) instanceof Expr.IndexStep ix
                            ? keySuffix(ix.key()) : "");
                }
                if (address == null && eachValue != null && e instanceof Expr.ScopeTraversal each
                        && each.root().equals("each") && !each.steps().isEmpty()
                        && each.steps().get(0) instanceof Expr.AttrStep v && v.name().equals("value")) {
                    address = eachValue;
                }
                if (address != null && !refs.contains(modulePrefix + address)) {
                    refs.add(modulePrefix + address);
                }
            });
            out.put(a.name(), refs);
        }
        return out;
    }

    /** True when {@code forEach} is a whole resource, so that each.value is one of its instances. */
    static boolean eachValueNamesAnInstance(Expr forEach) {
        return forEach instanceof Expr.ScopeTraversal t && resourceOf(t) != null
                && t.steps().size() == (t.root().equals("data") ? 2 : 1);
    }

    /** The instance {@code each.value} stands for when {@code forEach} is a whole resource; null otherwise. */
    private static String eachValueInstance(Expr forEach, Evaluator evaluator) {
        if (!eachValueNamesAnInstance(forEach)) {
            return null;
        }
        Expr.ScopeTraversal t = (Expr.ScopeTraversal) forEach;
        Value key = evaluator.evaluate(new Expr.ScopeTraversal("each", List.of(new Expr.AttrStep("key", t.range())),
                t.range()), new Diagnostics());
        String suffix = keySuffix(key);
        return suffix.isEmpty() ? null : resourceOf(t) + suffix;
    }

    private static String keySuffix(Value key) {
        if (key == null || !key.isKnown() || key.isNull() || key.isSensitive()) {
            return "";
        }
        Value k = key.unmarked();
        if (k instanceof NumberValue n) {
            return "[" + n.value().toBigInteger() + "]";
        }
        if (k instanceof StringValue s) {
            return "[\"" + s.value() + "\"]";
        }
        return "";
    }

    /** {@code alicloud_vpc.a} for {@code alicloud_vpc.a.id}; {@code data.x.y}; null for var, local and the rest. */
    public static String resourceOf(Expr.ScopeTraversal t) {
        switch (t.root()) {
            case "var", "local", "count", "each", "path", "self", "terraform", "module" -> {
                return null;
            }
            case "data" -> {
                if (t.steps().size() >= 2 && t.steps().get(0) instanceof Expr.AttrStep a
                        && t.steps().get(1) instanceof Expr.AttrStep b) {
                    return "data." + a.name() + "." + b.name();
                }
                return null;
            }
            default -> {
                if (!t.steps().isEmpty() && t.steps().get(0) instanceof Expr.AttrStep a) {
                    return t.root() + "." + a.name();
                }
                return null;
            }
        }
    }
}
