package dev.peerform.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.diag.Diagnostics;
import dev.peerform.syntax.Expr;
import dev.peerform.syntax.Parser;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Unknown and sensitive values through every kind of operation, references, and type constraints. */
class EvaluatorTest {

    /** var.id is unknown (computed by the cloud), var.secret is sensitive, var.list and var.name are known. */
    private static final Map<String, Value> VARS = Map.of(
            "id", Value.unknown(Type.STRING),
            "secret", Value.sensitive(Value.of("s3cr3t")),
            "name", Value.of("vpc"),
            "list", Value.tuple(List.of(Value.of("a"), Value.of("b"))),
            "n", Value.of(2),
            "obj", Value.unknown(Type.object(Map.of("id", Type.STRING))));

    private static final Scope SCOPE = (ref, diags) -> {
        String name = ((Expr.AttrStep) ref.steps().get(0)).name();
        return new Scope.Resolved(VARS.get(name), 1);
    };

    private static Value eval(String src) {
        Diagnostics diags = new Diagnostics();
        Value v = new Evaluator(SCOPE, Functions.standard(), Path.of(".")).evaluate(
                Parser.parseExpression("t", src, diags), diags);
        assertFalse(diags.hasErrors(), src + ": " + diags);
        return v;
    }

    @Test
    void operationOverUnknownIsUnknownNeverEmpty() {
        assertFalse(eval("\"vpc-${var.id}\"").isKnown());
        assertFalse(eval("upper(var.id)").isKnown());
        assertFalse(eval("var.id == \"x\"").isKnown());
        assertEquals(Type.BOOL, eval("var.id == \"x\"").type());
        assertFalse(eval("length(var.id) + 1").isKnown());
        assertEquals(Type.STRING, eval("var.obj.id").type());
        assertFalse(eval("var.obj.id").isKnown());
    }

    @Test
    void conditionalOnUnknownIsUnknownOfTheUnifiedType() {
        Value v = eval("var.id == \"a\" ? 1 : \"x\"");
        assertFalse(v.isKnown());
        assertEquals(Type.STRING, v.type());
    }

    @Test
    void knownDecidingOperandDecidesALogicalOperatorOverUnknown() {
        assertEquals(Value.FALSE, eval("false && var.id == \"a\""));
        assertEquals(Value.TRUE, eval("true || var.id == \"a\""));
    }

    @Test
    void collectionWithUnknownElementHasKnownLength() {
        assertEquals(Value.of(2), eval("length([var.id, \"b\"])"));
    }

    @Test
    void tryIsUnknownWhileItsFirstArgumentIsUnknownAndCanLikewise() {
        assertFalse(eval("try(var.id, \"fallback\")").isKnown());
        assertFalse(eval("can(var.id)").isKnown());
        assertEquals(Value.of("fallback"), eval("try(var.list[5], \"fallback\")"));
    }

    @Test
    void sensitivePropagatesThroughTemplatesFunctionsOperatorsAndCollections() {
        assertTrue(eval("\"key=${var.secret}\"").isSensitive());
        assertTrue(eval("upper(var.secret)").isSensitive());
        assertTrue(eval("var.secret == \"x\"").isSensitive());
        assertTrue(eval("{ a = var.secret }").containsSensitive());
        assertTrue(eval("jsonencode({ a = var.secret })").isSensitive());
        assertTrue(eval("[for c in [var.secret] : c][0]").isSensitive());
        assertFalse(eval("nonsensitive(var.secret)").isSensitive());
        assertEquals("(sensitive value)", eval("var.secret").toString(), "a secret never prints itself");
    }

    @Test
    void sensitiveConditionMakesTheResultSensitive() {
        assertTrue(eval("var.secret == \"x\" ? \"a\" : \"b\"").isSensitive());
    }

    @Test
    void forExpressionVariablesShadowAndAreNotReferences() {
        List<Expr.ScopeTraversal> refs = References.of(Parser.parseExpression("t",
                "[for v in var.list : \"${v}-${var.name}-${alicloud_vpc.a.id}\"]", new Diagnostics()));
        assertEquals(List.of("var.list", "var.name", "alicloud_vpc.a.id"),
                refs.stream().map(Expr.ScopeTraversal::text).toList());
    }

    @Test
    void templateDirectiveVariablesAreNotReferences() {
        List<Expr.ScopeTraversal> refs = References.of(Parser.parseExpression("t",
                "\"%{ for k, v in var.obj }${k}${v}%{ endfor }\"", new Diagnostics()));
        assertEquals(List.of("var.obj"), refs.stream().map(Expr.ScopeTraversal::text).toList());
    }

    @Test
    void optionalObjectAttributesGetTheirDefaults() throws Exception {
        Diagnostics diags = new Diagnostics();
        TypeConstraint c = TypeConstraint.parse(Parser.parseExpression("t",
                "object({ name = string, spec = optional(string, \"Large.2\"), tags = optional(map(string)) })",
                diags), diags);
        assertFalse(diags.hasErrors(), diags.toString());
        Value v = c.convert(Value.object(Map.of("name", Value.of("peer"))));
        ObjectValue o = (ObjectValue) v;
        assertEquals(Value.of("Large.2"), o.get("spec"));
        assertTrue(o.get("tags").isNull());
        assertEquals(Type.map(Type.STRING), o.get("tags").type());
    }

    @Test
    void missingRequiredObjectAttributeIsAConversionError() {
        Diagnostics diags = new Diagnostics();
        TypeConstraint c = TypeConstraint.parse(Parser.parseExpression("t", "object({ name = string })", diags),
                diags);
        ConversionException e = org.junit.jupiter.api.Assertions.assertThrows(ConversionException.class,
                () -> c.convert(Value.object(Map.of())));
        assertEquals("attribute \"name\" is required", e.getMessage());
    }

    @Test
    void unknownFunctionSuggestsTheClosestName() {
        Diagnostics diags = new Diagnostics();
        new Evaluator(SCOPE, Functions.standard(), Path.of(".")).evaluate(
                Parser.parseExpression("t", "cidrsubnett(\"10.0.0.0/8\", 8, 1)", diags), diags);
        assertEquals("Call to unknown function", diags.errors().get(0).summary());
        assertTrue(diags.errors().get(0).detail().contains("Did you mean \"cidrsubnet\"?"));
    }

    @Test
    void wrongArgumentTypeNamesTheParameter() {
        Diagnostics diags = new Diagnostics();
        new Evaluator(SCOPE, Functions.standard(), Path.of(".")).evaluate(
                Parser.parseExpression("t", "cidrsubnet(\"10.0.0.0/8\", \"x\", 1)", diags), diags);
        assertEquals("Invalid function argument", diags.errors().get(0).summary());
        assertTrue(diags.errors().get(0).detail().contains("\"newbits\""), diags.errors().get(0).detail());
        assertEquals(26, diags.errors().get(0).subject().start().column());
    }
}
