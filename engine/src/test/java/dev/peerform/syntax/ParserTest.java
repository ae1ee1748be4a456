package dev.peerform.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParserTest {

    private static ConfigFile parse(String src, Diagnostics diags) {
        return Parser.parseFile("main.tf", src, diags);
    }

    private static Diagnostic onlyError(String src) {
        Diagnostics diags = new Diagnostics();
        parse(src, diags);
        assertTrue(diags.hasErrors(), "expected an error for:\n" + src);
        return diags.errors().get(0);
    }

    @Test
    void blocksWithLabelsAttributesAndOneLineBlocksCarrySourceRanges() {
        Diagnostics diags = new Diagnostics();
        ConfigFile f = parse("""
                resource "alicloud_vpc" "a" {
                  cidr_block = "10.0.0.0/16"
                  lifecycle { prevent_destroy = true }
                }
                """, diags);
        assertFalse(diags.hasErrors(), diags.toString());
        Block r = f.body().blocks().get(0);
        assertEquals(List.of("alicloud_vpc", "a"), r.labels());
        Attribute cidr = r.body().attribute("cidr_block").orElseThrow();
        assertEquals(2, cidr.nameRange().start().line());
        assertEquals(3, cidr.nameRange().start().column());
        assertEquals(16, cidr.expr().range().start().column());
        Block lifecycle = r.body().blocks("lifecycle").get(0);
        assertTrue(lifecycle.body().attribute("prevent_destroy").isPresent());
    }

    @Test
    void threeCommentFormsAreIgnored() {
        Diagnostics diags = new Diagnostics();
        ConfigFile f = parse("# hash\n// slashes\n/* block\n comment */ a = 1 /* inline */\nb = 2 # end\n", diags);
        assertFalse(diags.hasErrors(), diags.toString());
        assertEquals(2, f.body().attributes().size());
    }

    @Test
    void multiplicationBindsTighterThanAdditionAndSubtractionIsLeftAssociative() {
        Diagnostics diags = new Diagnostics();
        Expr e = Parser.parseExpression("x", "1 + 2 * 3 - 4", diags);
        Expr.Binary sub = assertInstanceOf(Expr.Binary.class, e);
        assertEquals(Expr.Operator.SUBTRACT, sub.op());
        Expr.Binary add = assertInstanceOf(Expr.Binary.class, sub.left());
        assertEquals(Expr.Operator.ADD, add.op());
        assertEquals(Expr.Operator.MULTIPLY, assertInstanceOf(Expr.Binary.class, add.right()).op());
    }

    @Test
    void referencesKeepStaticStepsAndLegacyIndexes() {
        Diagnostics diags = new Diagnostics();
        Expr e = Parser.parseExpression("x", "alicloud_router_interface.init[0].id", diags);
        Expr.ScopeTraversal t = assertInstanceOf(Expr.ScopeTraversal.class, e);
        assertEquals("alicloud_router_interface", t.root());
        assertEquals(3, t.steps().size());
        Expr legacy = Parser.parseExpression("x", "var.list.0.name", diags);
        assertEquals(3, assertInstanceOf(Expr.ScopeTraversal.class, legacy).steps().size());
        assertFalse(diags.hasErrors());
    }

    @Test
    void missingClosingBraceIsReportedAtTheOpeningBrace() {
        Diagnostic d = onlyError("resource \"a\" \"b\" {\n  x = 1\n");
        assertEquals("Unclosed configuration block", d.summary());
        assertEquals(1, d.subject().start().line());
        assertEquals(18, d.subject().start().column());
    }

    @Test
    void extraClosingBraceIsAnError() {
        Diagnostic d = onlyError("a = 1\n}\n");
        assertEquals("Argument or block definition required", d.summary());
        assertEquals(2, d.subject().start().line());
    }

    @Test
    void unclosedListIsAnError() {
        Diagnostic d = onlyError("a = [1, 2\n");
        assertEquals("Unterminated tuple constructor expression", d.summary());
    }

    @Test
    void unclosedStringTemplateAndHeredocAreErrors() {
        assertEquals("Unterminated template string", onlyError("a = \"abc\nb = 1\n").summary());
        // the quote inside the open interpolation starts a new string, which the end of the line leaves open
        assertEquals("Unterminated template string", onlyError("a = \"x ${var.y\"\n").summary());
        assertEquals("Unterminated template sequence", onlyError("a = <<EOT\n${var.y\nEOT\n").summary());
        assertEquals("Unterminated template string", onlyError("a = <<EOT\nhello\n").summary());
    }

    @Test
    void duplicateAttributeIsAnErrorNamingTheFirstDefinition() {
        Diagnostic d = onlyError("a = 1\nb = 2\na = 3\n");
        assertEquals("Attribute redefined", d.summary());
        assertEquals(3, d.subject().start().line());
        assertTrue(d.detail().contains("main.tf:1,1-2"), d.detail());
    }

    @Test
    void severalIndependentMistakesAreAllReportedInOneRun() {
        Diagnostics diags = new Diagnostics();
        parse("""
                a = 1 +
                b = [1, 2,, 3]
                c = "ok"
                d = foo(
                  1 2)
                """, diags);
        assertTrue(diags.errors().size() >= 3, diags.toString());
        assertEquals(1, diags.errors().get(0).subject().start().line());
        assertEquals(2, diags.errors().get(1).subject().start().line());
    }

    @Test
    void invalidEscapeSequenceIsAnError() {
        Diagnostic d = onlyError("a = \"bad \\q escape\"\n");
        assertEquals("Invalid escape sequence", d.summary());
    }

    @Test
    void singleQuotesAreRefusedWithAHint() {
        Diagnostic d = onlyError("a = 'x'\n");
        assertEquals("Invalid character", d.summary());
        assertTrue(d.detail().contains("double quotes"), d.detail());
    }

    @Test
    void unexpectedTokenAfterAttributeValueIsAnError() {
        Diagnostic d = onlyError("a = 1 2\n");
        assertEquals("Missing newline after argument", d.summary());
        assertEquals(7, d.subject().start().column());
    }

    @Test
    void forExpressionsAndSplatsParse() {
        Diagnostics diags = new Diagnostics();
        assertInstanceOf(Expr.For.class, Parser.parseExpression("x", "{ for k, v in var.m : k => v... if v }",
                diags));
        assertInstanceOf(Expr.Splat.class, Parser.parseExpression("x", "aws_x.y[*].id", diags));
        assertInstanceOf(Expr.Splat.class, Parser.parseExpression("x", "aws_x.y.*.id", diags));
        assertFalse(diags.hasErrors(), diags.toString());
    }

    @Test
    void functionCallWithExpansionParses() {
        Diagnostics diags = new Diagnostics();
        Expr.FunctionCall f = assertInstanceOf(Expr.FunctionCall.class,
                Parser.parseExpression("x", "max(1, [2, 3]...)", diags));
        assertTrue(f.expandFinal());
        assertEquals(2, f.args().size());
    }

    private static Diagnostic tooDeep(String src) {
        Diagnostics diags = new Diagnostics();
        parse(src, diags);
        Diagnostic d = diags.errors().stream().filter(x -> x.summary().equals("Too deeply nested")).findFirst()
                .orElseThrow(() -> new AssertionError("no nesting error among " + diags));
        return d;
    }

    @Test
    void bracketsNestedSixHundredDeepAreTooDeeplyNestedAtTheBracketPastTheBound() {
        Diagnostic d = tooDeep("x = " + "[".repeat(600) + "]".repeat(600) + "\n");
        // the bound's first refused level: "x = " then 128 accepted levels (the value itself is the first)
        // the value at column 5 is the first level: the first refused one stands MAX_NESTING columns further
        assertEquals(1, d.subject().start().line());
        assertEquals(5 + TokenCursor.MAX_NESTING, d.subject().start().column());
    }

    @Test
    void parenthesesAndBracesNestedHundredThousandDeepGiveOneDiagnosticNotAStackOverflow() {
        tooDeep("x = " + "(".repeat(100_000) + "1" + ")".repeat(100_000) + "\n");
        tooDeep("x = " + "{a = ".repeat(100_000) + "1" + "}".repeat(100_000) + "\n");
        tooDeep("x = " + "-".repeat(100_000) + "1\n");
        tooDeep("x = \"" + "${\"".repeat(100_000) + "\n");
        tooDeep("x = " + "1 + ".repeat(100_000) + "1\n");
        tooDeep("x = f()" + "[0]".repeat(100_000) + "\n");
        tooDeep("b {\n".repeat(100_000));
        tooDeep("x = \"" + "%{if true}".repeat(100_000) + "\"\n");
    }

    @Test
    void nestingWithinTheBoundParses() {
        Diagnostics diags = new Diagnostics();
        int levels = TokenCursor.MAX_NESTING - 1;
        parse("x = " + "[".repeat(levels) + "]".repeat(levels) + "\n"
                + "y = " + "1 + ".repeat(levels - 1) + "1\n", diags);
        assertFalse(diags.hasErrors(), diags.toString());
    }

    @Test
    void expressionsNestedPastTheBoundAreTooDeeplyNestedInOneExpressionAndTemplateToo() {
        Diagnostics diags = new Diagnostics();
        Parser.parseExpression("<value>", "[".repeat(1000) + "]".repeat(1000), diags);
        assertEquals("Too deeply nested", diags.errors().get(0).summary());
        Diagnostics template = new Diagnostics();
        Parser.parseTemplate("t.tpl", "%{if true}".repeat(1000) + "%{endif}".repeat(1000), template);
        assertEquals("Too deeply nested", template.errors().get(0).summary());
    }

    @Test
    void aTooDeeplyNestedStatementIsOneDiagnosticAndTheNextStatementsStillParse() {
        Diagnostics diags = new Diagnostics();
        ConfigFile f = parse("x = " + "{a = ".repeat(300) + "1" + "}".repeat(300) + "\n"
                + "y = (1 +\n 2)\n"
                + "b {\n  z = 3\n}\n", diags);
        assertEquals(1, diags.errors().size(), diags.toString());
        assertTrue(f.body().attribute("y").isPresent());
        assertEquals(1, f.body().blocks("b").size());
    }

    @Test
    void afterABrokenParenthesisTheNextLinesAreStatementsAgain() {
        Diagnostics diags = new Diagnostics();
        ConfigFile f = parse("x = (1 + )\ny = 2\nz = 3\n", diags);
        assertEquals(1, diags.errors().size(), diags.toString());
        assertTrue(f.body().attribute("y").isPresent() && f.body().attribute("z").isPresent());
    }
}
