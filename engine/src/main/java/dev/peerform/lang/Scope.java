package dev.peerform.lang;

import dev.peerform.diag.Diagnostics;
import dev.peerform.syntax.Expr;
import dev.peerform.value.Value;

/**
 * Answers the references an expression makes ({@code var.x}, {@code alicloud_vpc.a}, {@code count.index}). The
 * scope resolves the root and as many steps as it interprets itself; the evaluator applies the rest. A
 * reference that cannot be resolved adds a diagnostic and resolves to an unknown value.
 */
public interface Scope {

    record Resolved(Value value, int stepsUsed) {
    }

    Resolved resolve(Expr.ScopeTraversal reference, Diagnostics diags);

    /** A scope where nothing is defined: for constant expressions such as a variable's default. */
    Scope EMPTY = (ref, diags) -> {
        diags.error("Variables not allowed", "Variables may not be used here: \"" + ref.text() + "\" is not "
                + "available in this context.", ref.range());
        return new Resolved(Value.DYNAMIC_UNKNOWN, ref.steps().size());
    };
}
