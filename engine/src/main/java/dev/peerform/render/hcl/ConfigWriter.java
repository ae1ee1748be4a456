package dev.peerform.render.hcl;

import dev.peerform.diag.Diagnostics;
import dev.peerform.lang.Hcl;
import dev.peerform.spi.AttributeSchema;
import dev.peerform.spi.Reference;
import dev.peerform.syntax.Formatter;
import dev.peerform.value.BoolValue;
import dev.peerform.value.NumberValue;
import dev.peerform.value.StringValue;
import dev.peerform.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes resource blocks (and the import blocks that take them over) from values read from the cloud, with a
 * reference wherever an attribute holds the id of another object that is in the configuration or written with it,
 * and the whole text laid out by {@code fmt}.
 */
public final class ConfigWriter {

    private final Style style;
    private final ReferenceResolver resolver;

    /** {@code known}: the configuration's objects that written blocks may refer to, besides the written ones. */
    public ConfigWriter(Style style, List<Reference> references, List<WrittenBlock> written, List<KnownObject> known) {
        this.style = style;
        List<KnownObject> all = new ArrayList<>();
        written.forEach(w -> all.add(new KnownObject(w.address(), w.type(), w.values())));
        all.addAll(known);
        this.resolver = new ReferenceResolver(references, all);
    }

    /** The resource block, with the comment lines ({@code # ...}) given before it. */
    public String resource(WrittenBlock b, String comment) {
        Map<String, String> args = new LinkedHashMap<>();
        if (b.providerKey() != null && b.providerKey().contains(".")) {
            args.put("provider", b.providerKey());
        }
        Map<String, AttributeSchema> attributes = style == Style.EVERY_ARGUMENT
                ? new TreeMap<>(b.schema().attributes()) : b.schema().attributes();
        List<String> secrets = new ArrayList<>();
        attributes.forEach((name, a) -> {
            if (!a.required() && !a.optional() || !a.required() && b.deprecated().contains(name)) {
                return;
            }
            Value v = b.values().get(name);
            if (style == Style.AS_WRITTEN && a.sensitive() && v != null && !v.isNull()) {
                secrets.add(name);
            }
            if (style == Style.AS_WRITTEN && !a.required() && leftOut(name, a, v, b)) {
                return;
            }
            args.put(name, expression(b, name, v == null ? Value.NULL : v));
        });
        return (comment == null ? "" : comment + "\n") + "resource \"" + b.type() + "\" \"" + b.name() + "\" {\n"
                + Hcl.attributes(args, 2) + ignored(secrets) + "}\n";
    }

    /**
     * A secret the cloud has but never gives back cannot be written; left out, the plan would remove it. So the
     * block says so and ignores it until someone sets it from a sensitive variable.
     */
    private static String ignored(List<String> secrets) {
        if (secrets.isEmpty()) {
            return "";
        }
        return "\n  lifecycle {\n    # " + String.join(", ", secrets) + (secrets.size() == 1 ? " is" : " are")
                + " set in the cloud, which never gives secrets back: set " + (secrets.size() == 1 ? "it" : "them")
                + "\n    # from a sensitive variable and remove it from ignore_changes to manage it here.\n"
                + "    ignore_changes = [" + String.join(", ", secrets) + "]\n  }\n";
    }

    /** The import block that takes the object over. */
    public static String importBlock(WrittenBlock b) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("to", b.address());
        args.put("id", Hcl.expression(Value.of(b.importId()), 2));
        if (b.providerKey() != null && b.providerKey().contains(".")) {
            // without it, the import block would imply the provider's default configuration
            args.put("provider", b.providerKey());
        }
        return "import {\n" + Hcl.attributes(args, 2) + "}\n";
    }

    /** The text as {@code fmt} writes it; unchanged if it does not parse (it always should). */
    public static String formatted(String text) {
        String f = Formatter.format("generated.tf", text, new Diagnostics());
        return f == null ? text : f;
    }

    /** What a person leaves out: nothing set, the default, an empty value, a deprecated or secret argument. */
    private static boolean leftOut(String name, AttributeSchema a, Value v, WrittenBlock b) {
        if (v == null || v.isNull() || !v.isKnown() || b.deprecated().contains(name) || a.sensitive()) {
            return true;
        }
        Value u = v.unmarked();
        if (a.defaultValue() != null && same(u, a.defaultValue().unmarked())) {
            return true;
        }
        if (u instanceof StringValue s && s.value().isEmpty()) {
            return true;
        }
        if (!(u instanceof StringValue || u instanceof NumberValue || u instanceof BoolValue)
                && u.children().isEmpty()) {
            return true;
        }
        // an argument the provider fills when it is left out: false, zero and the like are what it fills
        return a.computed() && (u instanceof BoolValue bool && !bool.value()
                || u instanceof NumberValue n && n.value().signum() == 0);
    }

    private static boolean same(Value a, Value b) {
        if (a instanceof NumberValue x && b instanceof NumberValue y) {
            return x.value().compareTo(y.value()) == 0;
        }
        return a.equals(b);
    }

    private String expression(WrittenBlock b, String name, Value v) {
        if (resolver.mayRefer(b.type(), name) && v.isKnown() && !v.isNull()) {
            String ref = resolver.reference(b.type(), name, v, b.address());
            if (ref != null) {
                return ref;
            }
            List<Value> elements = v.unmarked() instanceof StringValue ? List.of() : v.children();
            if (!elements.isEmpty()) {
                List<String> parts = new ArrayList<>();
                boolean any = false;
                for (Value e : elements) {
                    String r = resolver.reference(b.type(), name, e, b.address());
                    any |= r != null;
                    parts.add(r != null ? r : Hcl.expression(e, 2));
                }
                if (any) {
                    return "[" + String.join(", ", parts) + "]";
                }
            }
        }
        return Hcl.expression(v, 2);
    }
}
