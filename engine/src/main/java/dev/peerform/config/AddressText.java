package dev.peerform.config;

import dev.peerform.diag.Diagnostics;
import dev.peerform.syntax.Attribute;
import dev.peerform.syntax.Expr;
import dev.peerform.value.Type;
import dev.peerform.value.Value;

/** The address a static reference names ({@code from}, {@code to}, {@code id} targets), as Terraform prints it. */
final class AddressText {

    private AddressText() {
    }

    /** The text, or null with an error when the expression is not a static address. */
    static String of(Attribute a, Diagnostics diags) {
        if (a.expr() instanceof Expr.ScopeTraversal t) {
            StringBuilder b = new StringBuilder(t.root());
            for (Expr.Step s : t.steps()) {
                if (s instanceof Expr.AttrStep at) {
                    b.append('.').append(at.name());
                } else if (s instanceof Expr.IndexStep is && is.key().isKnown() && !is.key().isNull()) {
                    Value k = is.key();
                    if (k.type() == Type.STRING) {
                        b.append("[\"").append(k.asString().replace("\\", "\\\\").replace("\"", "\\\""))
                                .append("\"]");
                    } else {
                        b.append('[').append(k.asNumber().toBigInteger()).append(']');
                    }
                } else {
                    return invalid(a, diags);
                }
            }
            return b.toString();
        }
        return invalid(a, diags);
    }

    private static String invalid(Attribute a, Diagnostics diags) {
        diags.error("Invalid address", "The \"" + a.name() + "\" argument must be a static address, like "
                + "terraform_data.a, terraform_data.a[0] or module.net[\"k\"].", a.expr().range());
        return null;
    }
}
