package dev.peerform.lang;

import dev.peerform.diag.Diagnostics;
import dev.peerform.diag.SourceRange;
import dev.peerform.syntax.Expr.TemplatePart;
import dev.peerform.syntax.Expr;
import dev.peerform.syntax.Parser;
import dev.peerform.value.ListValue;
import dev.peerform.value.MapValue;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.SetValue;
import dev.peerform.value.StringValue;
import dev.peerform.value.TupleValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Evaluates expressions to values. Errors become diagnostics at the expression's range and the failed
 * expression evaluates to an unknown value, so evaluation always completes and reports everything it can.
 */
public final class Evaluator {

    private final Scope scope;
    private final Functions functions;
    private final Path moduleDir;
    private final Map<String, Value> iteration;
    private final Budget budget;

    /**
     * What one evaluation has spent, shared by the evaluators of its for expressions and templates: how deep it
     * is and how many iterations it has run.
     */
    private static final class Budget {
        int depth;
        long iterations;
        /** Inside a templatefile call: templatefile may not be called again from there, as in Terraform. */
        final boolean inTemplateFile;

        Budget(boolean inTemplateFile) {
            this.inTemplateFile = inTemplateFile;
        }
    }

    public Evaluator(Scope scope, Functions functions, Path moduleDir) {
        this(scope, functions, moduleDir, Map.of(), new Budget(false));
    }

    private Evaluator(Scope scope, Functions functions, Path moduleDir, Map<String, Value> iteration,
            Budget budget) {
        this.scope = scope;
        this.functions = functions;
        this.moduleDir = moduleDir;
        this.iteration = iteration;
        this.budget = budget;
    }

    /** Evaluates and converts to {@code type}; a failed conversion is a diagnostic naming what was wanted. */
    public Value evaluate(Expr e, Type type, Diagnostics diags) {
        Value v = evaluate(e, diags);
        try {
            return Convert.to(v, type);
        } catch (ConversionException ex) {
            diags.error("Incorrect value type", "Invalid expression value: " + ex.getMessage() + ".", e.range());
            return Value.unknown(type);
        }
    }

    public Value evaluate(Expr e, Diagnostics diags) {
        if (budget.depth >= Limits.MAX_DEPTH) {
            diags.error("Too deeply nested", "This expression is nested more than " + Limits.MAX_DEPTH
                    + " levels deep. Split it into local values or smaller expressions.", e.range());
            return Value.DYNAMIC_UNKNOWN;
        }
        budget.depth++;
        try {
            return eval(e, diags);
        } catch (EvalException ex) {
            diags.error(ex.summary(), ex.detail(), e.range());
            return Value.DYNAMIC_UNKNOWN;
        } finally {
            budget.depth--;
        }
    }

    private Value eval(Expr e, Diagnostics diags) throws EvalException {
        if (e instanceof Expr.Literal l) {
            return l.value();
        }
        if (e instanceof Expr.Template t) {
            return template(t, diags);
        }
        if (e instanceof Expr.ScopeTraversal t) {
            return traversal(t, diags);
        }
        if (e instanceof Expr.GetAttr g) {
            Value source = evaluate(g.source(), diags);
            return Operations.getAttr(source, g.name());
        }
        if (e instanceof Expr.Index i) {
            Value collection = evaluate(i.collection(), diags);
            Value key = evaluate(i.key(), diags);
            return Operations.index(collection, key);
        }
        if (e instanceof Expr.Splat s) {
            return splat(s, diags);
        }
        if (e instanceof Expr.FunctionCall f) {
            return call(f, diags);
        }
        if (e instanceof Expr.Conditional c) {
            return conditional(c, diags);
        }
        if (e instanceof Expr.Binary b) {
            Value left = evaluate(b.left(), diags);
            Value right = evaluate(b.right(), diags);
            return Operations.binary(b.op(), left, right);
        }
        if (e instanceof Expr.Unary u) {
            return Operations.unary(u.op(), evaluate(u.operand(), diags));
        }
        if (e instanceof Expr.TupleCons t) {
            List<Value> elements = new ArrayList<>(t.elements().size());
            for (Expr element : t.elements()) {
                elements.add(evaluate(element, diags));
            }
            return new TupleValue(elements);
        }
        if (e instanceof Expr.ObjectCons o) {
            return object(o, diags);
        }
        if (e instanceof Expr.For f) {
            return forExpr(f, diags);
        }
        if (e instanceof Expr.Parens p) {
            return evaluate(p.inner(), diags);
        }
        throw new IllegalStateException("unhandled expression " + e.getClass().getSimpleName());
    }

    private Value traversal(Expr.ScopeTraversal t, Diagnostics diags) throws EvalException {
        Value value;
        int used;
        Value local = iteration.get(t.root());
        if (local != null) {
            value = local;
            used = 0;
        } else {
            Scope.Resolved r = scope.resolve(t, diags);
            value = r.value();
            used = r.stepsUsed();
        }
        List<Expr.Step> steps = t.steps();
        for (int i = used; i < steps.size(); i++) {
            Expr.Step step = steps.get(i);
            try {
                value = step instanceof Expr.AttrStep a ? Operations.getAttr(value, a.name())
                        : Operations.index(value, ((Expr.IndexStep) step).key());
            } catch (EvalException ex) {
                diags.error(ex.summary(), ex.detail(), t.range());
                return Value.DYNAMIC_UNKNOWN;
            }
        }
        return value;
    }

    private Value splat(Expr.Splat s, Diagnostics diags) throws EvalException {
        Value source = evaluate(s.source(), diags);
        boolean sensitive = source.isSensitive();
        Value v = source.unmarked();
        if (!v.isKnown()) {
            return Value.DYNAMIC_UNKNOWN;
        }
        if (v.isNull()) {
            return new TupleValue(List.of());
        }
        boolean sequence = v instanceof ListValue || v instanceof TupleValue || v instanceof SetValue;
        List<Value> elements = sequence ? v.children() : List.of(v);
        List<Value> out = new ArrayList<>(elements.size());
        for (Value element : elements) {
            Value r = element;
            for (Expr.SplatStep step : s.each()) {
                if (step instanceof Expr.SplatAttr a) {
                    r = Operations.getAttr(r, a.name());
                } else {
                    r = Operations.index(r, evaluate(((Expr.SplatIndex) step).key(), diags));
                }
            }
            out.add(r);
        }
        Value result = v instanceof ListValue && !out.isEmpty() ? asListIfUniform(out) : new TupleValue(out);
        if (!sequence) {
            result = new TupleValue(out);
        }
        return sensitive ? Value.sensitive(result) : result;
    }

    private static Value asListIfUniform(List<Value> values) {
        Type t = values.get(0).type();
        for (Value v : values) {
            if (!v.type().equals(t)) {
                return new TupleValue(values);
            }
        }
        return new ListValue(t, values);
    }

    private Value conditional(Expr.Conditional c, Diagnostics diags) throws EvalException {
        Value condition = evaluate(c.condition(), diags);
        Value whenTrue = evaluate(c.whenTrue(), diags);
        Value whenFalse = evaluate(c.whenFalse(), diags);
        Type result = Convert.unify(List.of(whenTrue.type(), whenFalse.type()));
        if (result == null) {
            throw new EvalException("Inconsistent conditional result types", "The true and false result "
                    + "expressions must have consistent types. The 'true' value is " + whenTrue.type().friendlyName()
                    + ", but the 'false' value is " + whenFalse.type().friendlyName() + ".");
        }
        if (condition.unmarked().isNull()) {
            throw new EvalException("Null condition", "The condition value is null. Conditions must either be "
                    + "true or false.");
        }
        Value cond;
        try {
            cond = Convert.to(condition, Type.BOOL);
        } catch (ConversionException ex) {
            throw new EvalException("Incorrect condition type", "The condition expression must be of type bool.");
        }
        if (!cond.isKnown()) {
            Value unknown = Value.unknown(result);
            return cond.isSensitive() ? Value.sensitive(unknown) : unknown;
        }
        Value chosen = cond.asBool() ? whenTrue : whenFalse;
        try {
            chosen = Convert.to(chosen, result);
        } catch (ConversionException ex) {
            throw new EvalException("Inconsistent conditional result types", ex.getMessage());
        }
        return cond.isSensitive() ? Value.sensitive(chosen) : chosen;
    }

    private Value object(Expr.ObjectCons o, Diagnostics diags) {
        Map<String, Value> attributes = new LinkedHashMap<>();
        boolean unknownKey = false;
        boolean sensitive = false;
        for (Expr.ObjectItem item : o.items()) {
            Value key;
            if (item.keyIsBareIdentifier()) {
                key = Value.of(((Expr.ScopeTraversal) item.key()).root());
            } else {
                key = evaluate(item.key(), diags);
            }
            Value value = evaluate(item.value(), diags);
            if (key.isNull()) {
                diags.error("Null value as key", "Can't use a null value as a key.", item.key().range());
                continue;
            }
            sensitive |= key.isSensitive();
            Value k;
            try {
                k = Convert.to(key.unmarked(), Type.STRING);
            } catch (ConversionException ex) {
                diags.error("Incorrect key type", "Can't use this value as a key: " + ex.getMessage() + ".",
                        item.key().range());
                continue;
            }
            if (!k.isKnown()) {
                unknownKey = true;
                continue;
            }
            attributes.put(k.asString(), value);
        }
        Value result = unknownKey ? Value.DYNAMIC_UNKNOWN : new ObjectValue(attributes);
        return sensitive ? Value.sensitive(result) : result;
    }

    private Value forExpr(Expr.For f, Diagnostics diags) throws EvalException {
        Value collection = evaluate(f.collection(), diags);
        boolean sensitive = collection.isSensitive();
        Value c = collection.unmarked();
        if (c.isNull()) {
            throw new EvalException("Iteration over null value", "A null value cannot be used as the collection "
                    + "in a 'for' expression.");
        }
        if (!c.isKnown()) {
            return Value.DYNAMIC_UNKNOWN;
        }
        List<Map.Entry<Value, Value>> entries = iterate(c);
        if (entries == null) {
            throw new EvalException("Iteration over non-iterable value", "A value of type "
                    + c.type().friendlyName() + " cannot be used as the collection in a 'for' expression.");
        }
        List<Value> tuple = new ArrayList<>();
        Map<String, Value> object = new LinkedHashMap<>();
        Map<String, List<Value>> groups = new LinkedHashMap<>();
        for (Map.Entry<Value, Value> entry : entries) {
            Map<String, Value> vars = new HashMap<>(iteration);
            if (f.keyVar() != null) {
                vars.put(f.keyVar(), entry.getKey());
            }
            vars.put(f.valueVar(), entry.getValue());
            if (budget.iterations > Limits.MAX_ITERATIONS) {
                return Value.DYNAMIC_UNKNOWN; // reported once, where the bound was passed
            }
            if (++budget.iterations > Limits.MAX_ITERATIONS) {
                throw new EvalException("Too many iterations", "The for expressions of this evaluation iterate "
                        + "more than " + Limits.count(Limits.MAX_ITERATIONS) + " times. Iterate over smaller "
                        + "collections.");
            }
            Evaluator inner = new Evaluator(scope, functions, moduleDir, vars, budget);
            if (f.condition() != null) {
                Value cond = inner.evaluate(f.condition(), diags);
                if (cond.isNull()) {
                    throw new EvalException("Condition is null", "The value of the 'if' clause must not be null.");
                }
                Value b;
                try {
                    b = Convert.to(cond, Type.BOOL);
                } catch (ConversionException ex) {
                    throw new EvalException("Invalid 'for' condition", "The 'if' clause value is invalid: "
                            + ex.getMessage() + ".");
                }
                if (!b.isKnown()) {
                    return Value.DYNAMIC_UNKNOWN;
                }
                sensitive |= b.isSensitive();
                if (!b.asBool()) {
                    continue;
                }
            }
            Value value = inner.evaluate(f.value(), diags);
            if (f.key() == null) {
                tuple.add(value);
                continue;
            }
            Value key = inner.evaluate(f.key(), diags);
            sensitive |= key.isSensitive();
            Value k;
            try {
                k = Convert.to(key.unmarked(), Type.STRING);
            } catch (ConversionException ex) {
                throw new EvalException("Invalid object key", "Key expression in 'for' expression must be a "
                        + "string: " + ex.getMessage() + ".");
            }
            if (k.isNull()) {
                throw new EvalException("Invalid object key", "Key expression in 'for' expression must not "
                        + "produce a null value.");
            }
            if (!k.isKnown()) {
                return Value.DYNAMIC_UNKNOWN;
            }
            String name = k.asString();
            if (f.grouping()) {
                groups.computeIfAbsent(name, x -> new ArrayList<>()).add(value);
            } else if (object.putIfAbsent(name, value) != null) {
                throw new EvalException("Duplicate object key", "Two different items produced the key \"" + name
                        + "\" in this 'for' expression. If duplicates are expected, use the ellipsis (...) after "
                        + "the value expression to enable grouping by key.");
            }
        }
        Value result;
        if (f.key() == null) {
            result = new TupleValue(tuple);
        } else if (f.grouping()) {
            Map<String, Value> grouped = new TreeMap<>();
            groups.forEach((k, vs) -> grouped.put(k, new TupleValue(vs)));
            result = new ObjectValue(grouped);
        } else {
            result = new ObjectValue(object);
        }
        return sensitive ? Value.sensitive(result) : result;
    }

    /** Key and value of each element: index for sequences, key for mappings, the element itself for sets. */
    static List<Map.Entry<Value, Value>> iterate(Value c) {
        List<Map.Entry<Value, Value>> out = new ArrayList<>();
        if (c instanceof ListValue || c instanceof TupleValue) {
            List<Value> elements = c.children();
            for (int i = 0; i < elements.size(); i++) {
                out.add(Map.entry(Value.of(i), elements.get(i)));
            }
        } else if (c instanceof SetValue s) {
            for (Value v : s.elements()) {
                out.add(Map.entry(v, v));
            }
        } else if (c instanceof MapValue m) {
            m.elements().forEach((k, v) -> out.add(Map.entry(Value.of(k), v)));
        } else if (c instanceof ObjectValue o) {
            o.attributes().forEach((k, v) -> out.add(Map.entry(Value.of(k), v)));
        } else {
            return null;
        }
        return out;
    }

    // ---- templates ----------------------------------------------------------------------------------------

    private Value template(Expr.Template t, Diagnostics diags) {
        if (t.isSingleInterpolation()) {
            return evaluate(((TemplatePart.Interpolation) t.parts().get(0)).expr(), diags);
        }
        StringBuilder b = new StringBuilder();
        boolean[] flags = new boolean[2]; // [0] unknown, [1] sensitive
        render(t.parts(), b, flags, diags);
        if (b.length() > Limits.MAX_STRING_CHARS) {
            diags.error("Template result too long", "This template produces " + Limits.count(b.length())
                    + " characters, more than the " + Limits.count(Limits.MAX_STRING_CHARS) + " one string may "
                    + "have.", t.range());
            return Value.unknown(Type.STRING);
        }
        Value result = flags[0] ? Value.unknown(Type.STRING) : new StringValue(b.toString());
        return flags[1] ? Value.sensitive(result) : result;
    }

    private void render(List<TemplatePart> parts, StringBuilder b, boolean[] flags, Diagnostics diags) {
        for (TemplatePart part : parts) {
            if (part instanceof TemplatePart.Text text) {
                b.append(text.text());
            } else if (part instanceof TemplatePart.Interpolation i) {
                Value v = evaluate(i.expr(), diags);
                appendInterpolated(v, i.range(), b, flags, diags);
            } else if (part instanceof TemplatePart.If c) {
                Value cond = evaluate(c.condition(), diags);
                flags[1] |= cond.isSensitive();
                Value bool;
                try {
                    bool = Convert.to(cond.unmarked(), Type.BOOL);
                } catch (ConversionException ex) {
                    diags.error("Invalid 'if' directive condition", "The condition must be a bool: "
                            + ex.getMessage() + ".", c.condition().range());
                    flags[0] = true;
                    continue;
                }
                if (bool.isNull()) {
                    diags.error("Invalid 'if' directive condition", "The condition value is null.",
                            c.condition().range());
                    flags[0] = true;
                } else if (!bool.isKnown()) {
                    flags[0] = true;
                } else {
                    render(bool.asBool() ? c.whenTrue() : c.whenFalse(), b, flags, diags);
                }
            } else if (part instanceof TemplatePart.For f) {
                Value coll = evaluate(f.collection(), diags);
                flags[1] |= coll.isSensitive();
                Value c = coll.unmarked();
                if (!c.isKnown()) {
                    flags[0] = true;
                    continue;
                }
                List<Map.Entry<Value, Value>> entries = c.isNull() ? null : iterate(c);
                if (entries == null) {
                    diags.error("Invalid 'for' directive", "The collection of a %{for} directive must be a list, "
                            + "set, map or object.", f.collection().range());
                    flags[0] = true;
                    continue;
                }
                for (Map.Entry<Value, Value> entry : entries) {
                    Map<String, Value> vars = new HashMap<>(iteration);
                    if (f.keyVar() != null) {
                        vars.put(f.keyVar(), entry.getKey());
                    }
                    vars.put(f.valueVar(), entry.getValue());
                    new Evaluator(scope, functions, moduleDir, vars, budget).render(f.body(), b, flags, diags);
                }
            }
        }
    }

    private static void appendInterpolated(Value v, SourceRange range, StringBuilder b, boolean[] flags,
            Diagnostics diags) {
        flags[1] |= v.containsSensitive();
        Value u = v.unmarked();
        if (!u.isKnown()) {
            flags[0] = true;
            return;
        }
        if (u.isNull()) {
            diags.error("Invalid template interpolation value", "The expression result is null. Cannot include a "
                    + "null value in a string template.", range);
            flags[0] = true;
            return;
        }
        try {
            b.append(Convert.to(u, Type.STRING).asString());
        } catch (ConversionException ex) {
            diags.error("Invalid template interpolation value", "Cannot include the given value in a string "
                    + "template: string required.", range);
            flags[0] = true;
        }
    }

    // ---- function calls -----------------------------------------------------------------------------------

    private Value call(Expr.FunctionCall f, Diagnostics diags) {
        switch (f.name()) {
            case "try", "core::try" -> {
                return tryCall(f, diags);
            }
            case "can", "core::can" -> {
                return canCall(f, diags);
            }
            default -> { }
        }
        Function fn = functions.get(f.name());
        if (fn == null) {
            Functions.Unknown unknown = functions.unknown(f.name());
            diags.error(unknown.summary(), unknown.detail(), f.nameRange());
            return Value.DYNAMIC_UNKNOWN;
        }
        if (fn.name().endsWith("templatestring") && !f.args().isEmpty()
                && (f.args().get(0) instanceof Expr.Literal || f.args().get(0) instanceof Expr.Template)) {
            // Terraform's rule: a template written in place is a template expression, not templatestring's job
            diags.error("Invalid function argument", "Invalid value for \"template\" parameter: invalid template "
                    + "expression: templatestring is only for rendering templates retrieved dynamically from "
                    + "elsewhere, and so does not support providing a literal template; consider using a template "
                    + "string expression instead.", f.args().get(0).range());
            return Value.DYNAMIC_UNKNOWN;
        }
        List<Value> args = new ArrayList<>();
        List<SourceRange> ranges = new ArrayList<>();
        for (int i = 0; i < f.args().size(); i++) {
            Expr a = f.args().get(i);
            Value v = evaluate(a, diags);
            if (f.expandFinal() && i == f.args().size() - 1) {
                Value u = v.unmarked();
                if (!u.isKnown()) {
                    return Value.DYNAMIC_UNKNOWN;
                }
                if (!(u instanceof ListValue || u instanceof TupleValue || u instanceof SetValue)) {
                    diags.error("Invalid expanding argument value", "The expanding argument (indicated by ...) "
                            + "must be of a tuple, list, or set type.", a.range());
                    return Value.DYNAMIC_UNKNOWN;
                }
                for (Value element : u.children()) {
                    args.add(v.isSensitive() ? Value.sensitive(element) : element);
                    ranges.add(a.range());
                }
            } else {
                args.add(v);
                ranges.add(a.range());
            }
        }
        return functions.call(fn, args, ranges, f.range(), context(), diags);
    }

    private CallContext context() {
        return new CallContext() {
            @Override
            public Path moduleDir() {
                return moduleDir;
            }

            @Override
            public Value renderTemplate(String filename, String text, Map<String, Value> variables)
                    throws FunctionException {
                Diagnostics inner = new Diagnostics();
                if (budget.inTemplateFile) {
                    throw new FunctionException("cannot call templatefile from inside a template that "
                            + "templatefile renders: render the inner template first and pass it as a variable.");
                }
                Expr template = Parser.parseTemplate(filename, text, inner);
                Value v = inner.hasErrors() ? Value.DYNAMIC_UNKNOWN : new Evaluator((ref, d) -> {
                    d.error(StringFunctions.MISSING_VARIABLE, "The template refers to \"" + ref.root()
                            + "\", which is not among the variables passed to templatefile.", ref.range());
                    return new Scope.Resolved(Value.DYNAMIC_UNKNOWN, ref.steps().size());
                }, functions, moduleDir, variables, new Budget(true)).evaluate(template, inner);
                if (inner.hasErrors()) {
                    throw new FunctionException(1, inner.errors().get(0).summary() + ": "
                            + inner.errors().get(0).detail() + " (" + inner.errors().get(0).subject() + ")");
                }
                return v;
            }
        };
    }

    /** try: the first argument that evaluates without errors; unknown while an earlier one is unknown. */
    private Value tryCall(Expr.FunctionCall f, Diagnostics diags) {
        if (f.args().isEmpty()) {
            diags.error("Missing function arguments", "At least one argument is required.", f.range());
            return Value.DYNAMIC_UNKNOWN;
        }
        for (Expr a : f.args()) {
            Diagnostics attempt = new Diagnostics();
            Value v = evaluate(a, attempt);
            if (!attempt.hasErrors()) {
                if (!v.isWhollyKnown()) {
                    return Value.DYNAMIC_UNKNOWN;
                }
                return v;
            }
        }
        diags.error("Error in function call", "Call to function \"try\" failed: no expression succeeded.",
                f.range());
        return Value.DYNAMIC_UNKNOWN;
    }

    private Value canCall(Expr.FunctionCall f, Diagnostics diags) {
        if (f.args().size() != 1) {
            diags.error(f.args().isEmpty() ? "Not enough function arguments" : "Too many function arguments",
                    "Function \"can\" expects 1 argument(s).", f.range());
            return Value.DYNAMIC_UNKNOWN;
        }
        Diagnostics attempt = new Diagnostics();
        Value v = evaluate(f.args().get(0), attempt);
        if (attempt.hasErrors()) {
            return Value.FALSE;
        }
        return v.isWhollyKnown() ? Value.TRUE : Value.unknown(Type.BOOL);
    }

    static BigDecimal integer(long n) {
        return BigDecimal.valueOf(n);
    }
}
