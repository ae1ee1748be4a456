package dev.peerform.lang;

import dev.peerform.syntax.Expr.TemplatePart;
import dev.peerform.syntax.Expr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The references an expression makes, for the graph stage: every {@code var.x}, {@code local.y},
 * {@code type.name...} it names, leaving out the names a {@code for} expression or directive declares itself.
 */
public final class References {

    private References() {
    }

    public static List<Expr.ScopeTraversal> of(Expr e) {
        List<Expr.ScopeTraversal> out = new ArrayList<>();
        collect(e, Set.of(), out);
        return out;
    }

    private static void collect(Expr e, Set<String> bound, List<Expr.ScopeTraversal> out) {
        if (e == null) {
            return;
        }
        if (e instanceof Expr.ScopeTraversal t) {
            if (!bound.contains(t.root())) {
                out.add(t);
            }
        } else if (e instanceof Expr.Template t) {
            parts(t.parts(), bound, out);
        } else if (e instanceof Expr.GetAttr g) {
            collect(g.source(), bound, out);
        } else if (e instanceof Expr.Index i) {
            collect(i.collection(), bound, out);
            collect(i.key(), bound, out);
        } else if (e instanceof Expr.Splat s) {
            collect(s.source(), bound, out);
            for (Expr.SplatStep step : s.each()) {
                if (step instanceof Expr.SplatIndex si) {
                    collect(si.key(), bound, out);
                }
            }
        } else if (e instanceof Expr.FunctionCall f) {
            f.args().forEach(a -> collect(a, bound, out));
        } else if (e instanceof Expr.Conditional c) {
            collect(c.condition(), bound, out);
            collect(c.whenTrue(), bound, out);
            collect(c.whenFalse(), bound, out);
        } else if (e instanceof Expr.Binary b) {
            collect(b.left(), bound, out);
            collect(b.right(), bound, out);
        } else if (e instanceof Expr.Unary u) {
            collect(u.operand(), bound, out);
        } else if (e instanceof Expr.TupleCons t) {
            t.elements().forEach(x -> collect(x, bound, out));
        } else if (e instanceof Expr.ObjectCons o) {
            for (Expr.ObjectItem item : o.items()) {
                if (!item.keyIsBareIdentifier()) {
                    collect(item.key(), bound, out);
                }
                collect(item.value(), bound, out);
            }
        } else if (e instanceof Expr.For f) {
            collect(f.collection(), bound, out);
            Set<String> inner = with(bound, f.keyVar(), f.valueVar());
            collect(f.key(), inner, out);
            collect(f.value(), inner, out);
            collect(f.condition(), inner, out);
        } else if (e instanceof Expr.Parens p) {
            collect(p.inner(), bound, out);
        }
    }

    private static void parts(List<TemplatePart> parts, Set<String> bound, List<Expr.ScopeTraversal> out) {
        for (TemplatePart part : parts) {
            if (part instanceof TemplatePart.Interpolation i) {
                collect(i.expr(), bound, out);
            } else if (part instanceof TemplatePart.If c) {
                collect(c.condition(), bound, out);
                parts(c.whenTrue(), bound, out);
                parts(c.whenFalse(), bound, out);
            } else if (part instanceof TemplatePart.For f) {
                collect(f.collection(), bound, out);
                parts(f.body(), with(bound, f.keyVar(), f.valueVar()), out);
            }
        }
    }

    private static Set<String> with(Set<String> bound, String a, String b) {
        Set<String> s = new HashSet<>(bound);
        if (a != null) {
            s.add(a);
        }
        s.add(b);
        return s;
    }
}
