package dev.peerform.lang;

import dev.peerform.syntax.Expr.TemplatePart;
import dev.peerform.syntax.Expr;
import java.util.List;
import java.util.function.Consumer;

/** Visits every node of an expression, outermost first. */
public final class ExprWalker {

    private ExprWalker() {
    }

    public static void walk(Expr e, Consumer<Expr> visit) {
        if (e == null) {
            return;
        }
        visit.accept(e);
        if (e instanceof Expr.Template t) {
            parts(t.parts(), visit);
        } else if (e instanceof Expr.GetAttr g) {
            walk(g.source(), visit);
        } else if (e instanceof Expr.Index i) {
            walk(i.collection(), visit);
            walk(i.key(), visit);
        } else if (e instanceof Expr.Splat s) {
            walk(s.source(), visit);
            s.each().forEach(step -> {
                if (step instanceof Expr.SplatIndex si) {
                    walk(si.key(), visit);
                }
            });
        } else if (e instanceof Expr.FunctionCall f) {
            f.args().forEach(a -> walk(a, visit));
        } else if (e instanceof Expr.Conditional c) {
            walk(c.condition(), visit);
            walk(c.whenTrue(), visit);
            walk(c.whenFalse(), visit);
        } else if (e instanceof Expr.Binary b) {
            walk(b.left(), visit);
            walk(b.right(), visit);
        } else if (e instanceof Expr.Unary u) {
            walk(u.operand(), visit);
        } else if (e instanceof Expr.TupleCons t) {
            t.elements().forEach(x -> walk(x, visit));
        } else if (e instanceof Expr.ObjectCons o) {
            o.items().forEach(item -> {
                walk(item.key(), visit);
                walk(item.value(), visit);
            });
        } else if (e instanceof Expr.For f) {
            walk(f.collection(), visit);
            walk(f.key(), visit);
            walk(f.value(), visit);
            walk(f.condition(), visit);
        } else if (e instanceof Expr.Parens p) {
            walk(p.inner(), visit);
        }
    }

    private static void parts(List<TemplatePart> parts, Consumer<Expr> visit) {
        for (TemplatePart p : parts) {
            if (p instanceof TemplatePart.Interpolation i) {
                walk(i.expr(), visit);
            } else if (p instanceof TemplatePart.If c) {
                walk(c.condition(), visit);
                parts(c.whenTrue(), visit);
                parts(c.whenFalse(), visit);
            } else if (p instanceof TemplatePart.For f) {
                walk(f.collection(), visit);
                parts(f.body(), visit);
            }
        }
    }
}
