package dev.peerform.syntax;

import dev.peerform.diag.SourceRange;
import dev.peerform.value.Value;
import java.util.List;

/** An expression of HCL's native syntax. Every node knows its source range. */
public sealed interface Expr {

    SourceRange range();

    /** A literal number, bool or null. */
    record Literal(Value value, SourceRange range) implements Expr {
    }

    /** A quoted string or heredoc; text and interpolations and directives, in order. */
    record Template(List<TemplatePart> parts, SourceRange range) implements Expr {
        /** {@code "${x}"}: a template of exactly one interpolation yields that value unconverted, as in HCL. */
        public boolean isSingleInterpolation() {
            return parts.size() == 1 && parts.get(0) instanceof TemplatePart.Interpolation;
        }

        /** The text when the template holds literal text only, otherwise null. */
        public String literalText() {
            StringBuilder b = new StringBuilder();
            for (TemplatePart p : parts) {
                if (!(p instanceof TemplatePart.Text t)) {
                    return null;
                }
                b.append(t.text());
            }
            return b.toString();
        }
    }

    /**
     * A reference: a root name and the attribute and literal index steps that follow it
     * ({@code var.x}, {@code alicloud_vpc.a[0].id}, {@code count.index}).
     */
    record ScopeTraversal(String root, List<Step> steps, SourceRange range) implements Expr {
        /** The reference as written: {@code alicloud_vpc.a[0].id}. */
        public String text() {
            StringBuilder b = new StringBuilder(root);
            for (Step s : steps) {
                b.append(s);
            }
            return b.toString();
        }
    }

    /** {@code source.name} where source is not a plain reference. */
    record GetAttr(Expr source, String name, SourceRange range) implements Expr {
    }

    /** {@code collection[key]} with a computed key, or on a computed collection. */
    record Index(Expr collection, Expr key, SourceRange range) implements Expr {
    }

    /** {@code source[*].a.b} or {@code source.*.a}: the steps apply to each element. */
    record Splat(Expr source, List<SplatStep> each, SourceRange range) implements Expr {
    }

    record FunctionCall(String name, List<Expr> args, boolean expandFinal, SourceRange nameRange,
            SourceRange range) implements Expr {
    }

    record Conditional(Expr condition, Expr whenTrue, Expr whenFalse, SourceRange range) implements Expr {
    }

    record Binary(Operator op, Expr left, Expr right, SourceRange range) implements Expr {
    }

    record Unary(Operator op, Expr operand, SourceRange range) implements Expr {
    }

    record TupleCons(List<Expr> elements, SourceRange range) implements Expr {
    }

    /** An object constructor. A key written as a bare identifier is the literal string it spells. */
    record ObjectCons(List<ObjectItem> items, SourceRange range) implements Expr {
    }

    record ObjectItem(Expr key, Expr value, boolean keyIsBareIdentifier) {
    }

    /**
     * {@code [for k, v in coll : value if cond]} or {@code {for k, v in coll : key => value... if cond}}; key is
     * null for the tuple form, keyVar null when only one variable is named.
     */
    record For(String keyVar, String valueVar, Expr collection, Expr key, Expr value, Expr condition,
            boolean grouping, SourceRange range) implements Expr {
    }

    /** {@code (expr)}: kept so that {@code (a) = 1} in an object is a computed key. */
    record Parens(Expr inner, SourceRange range) implements Expr {
    }

    /** One step of a reference: {@code .name} or a literal {@code [key]} (also the legacy {@code .0}). */
    sealed interface Step {
        SourceRange range();
    }

    record AttrStep(String name, SourceRange range) implements Step {
        @Override
        public String toString() {
            return "." + name;
        }
    }

    record IndexStep(Value key, SourceRange range) implements Step {
        @Override
        public String toString() {
            return "[" + key + "]";
        }
    }

    /** One step applied to each element of a splat: an attribute, or (for a full splat) an index. */
    sealed interface SplatStep {
    }

    record SplatAttr(String name, SourceRange range) implements SplatStep {
    }

    record SplatIndex(Expr key, SourceRange range) implements SplatStep {
    }

    enum Operator {
        OR("||"), AND("&&"), EQUAL("=="), NOT_EQUAL("!="), LESS("<"), LESS_EQUAL("<="), GREATER(">"),
        GREATER_EQUAL(">="), ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), MODULO("%"), NOT("!"),
        NEGATE("-");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** A part of a template. */
    sealed interface TemplatePart {
        record Text(String text, SourceRange range) implements TemplatePart {
        }

        record Interpolation(Expr expr, SourceRange range) implements TemplatePart {
        }

        record If(Expr condition, List<TemplatePart> whenTrue, List<TemplatePart> whenFalse, SourceRange range)
                implements TemplatePart {
        }

        record For(String keyVar, String valueVar, Expr collection, List<TemplatePart> body, SourceRange range)
                implements TemplatePart {
        }
    }
}
