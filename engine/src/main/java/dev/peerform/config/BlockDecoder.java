package dev.peerform.config;

import dev.peerform.diag.Diagnostics;
import dev.peerform.lang.Evaluator;
import dev.peerform.syntax.Attribute;
import dev.peerform.syntax.Block;
import dev.peerform.syntax.Body;
import dev.peerform.syntax.Expr;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decodes one kind of top-level block into the module being built. The helpers here are what every kind shares:
 * labels, required arguments, constant strings and booleans, static reference lists, condition blocks.
 */
abstract class BlockDecoder {

    final Diagnostics diags;
    /** Evaluates the arguments that must be constant (no references): names, flags, defaults. */
    final Evaluator constants;

    BlockDecoder(Diagnostics diags, Evaluator constants) {
        this.diags = diags;
        this.constants = constants;
    }

    abstract void decode(Block block, ModuleParts into);

    boolean labels(Block block, int n, String... names) {
        if (block.labels().size() != n) {
            diags.error("Missing name for " + block.type(), "A " + block.type() + " block needs " + n
                    + " label" + (n == 1 ? "" : "s") + ": " + String.join(" and ", names) + ".",
                    block.headerRange());
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!validName(block.labels().get(i))) {
                diags.error("Invalid " + names[i], "A name must start with a letter or underscore and may "
                        + "contain only letters, digits, underscores, and dashes.", block.labelRanges().get(i));
                return false;
            }
        }
        return true;
    }

    List<Condition> conditions(Body body, String type) {
        List<Condition> out = new ArrayList<>();
        for (Block c : body.blocks(type)) {
            BodyCheck.only(c.body(), Set.of("condition", "error_message"), Set.of(), "in a " + type + " block",
                    diags);
            Attribute cond = required(c, "condition");
            Attribute msg = required(c, "error_message");
            if (cond != null && msg != null) {
                out.add(new Condition(cond.expr(), msg.expr(), c.range()));
            }
        }
        return out;
    }

    Attribute required(Block block, String name) {
        return block.body().attribute(name).orElseGet(() -> {
            diags.error("Missing required argument", "The argument \"" + name + "\" is required, but no "
                    + "definition was found.", block.headerRange());
            return null;
        });
    }

    String providerRef(Attribute a) {
        if (a.expr() instanceof Expr.ScopeTraversal t && t.steps().size() <= 1
                && (t.steps().isEmpty() || t.steps().get(0) instanceof Expr.AttrStep)) {
            return t.text();
        }
        diags.error("Invalid provider reference", "The provider argument requires a provider name followed by "
                + "an optional alias, like \"alicloud.b\".", a.expr().range());
        return null;
    }

    List<Expr.ScopeTraversal> traversalList(Attribute a) {
        List<Expr.ScopeTraversal> out = new ArrayList<>();
        if (!(a.expr() instanceof Expr.TupleCons t)) {
            diags.error("Invalid expression", "A static list expression is required for \"" + a.name()
                    + "\".", a.expr().range());
            return out;
        }
        for (Expr e : t.elements()) {
            if (e instanceof Expr.ScopeTraversal s) {
                out.add(s);
            } else {
                diags.error("Invalid reference", "Only plain references to other objects (such as "
                        + "alicloud_vpc.a) are allowed in \"" + a.name() + "\".", e.range());
            }
        }
        return out;
    }

    String constantString(Attribute a) {
        Value v = constants.evaluate(a.expr(), Type.STRING, diags);
        return v.isKnown() && !v.isNull() ? v.asString() : null;
    }

    boolean constantBool(Attribute a, boolean fallback) {
        Value v = constants.evaluate(a.expr(), Type.BOOL, diags);
        return v.isKnown() && !v.isNull() ? v.asBool() : fallback;
    }

    /** A label or name: a letter or underscore, then letters, digits, underscores and dashes. */
    static boolean validName(String s) {
        if (s == null || s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
