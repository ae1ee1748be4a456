package dev.peerform.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import dev.peerform.syntax.Expr;
import dev.peerform.syntax.Parser;
import dev.peerform.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What one evaluation may build is bounded: a mistake is a prompt diagnostic, never an OOM or minutes of work. */
class LanguageBoundsTest {

    @TempDir
    Path dir;

    private Diagnostics evalErrors(String src) {
        Diagnostics diags = new Diagnostics();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> new Evaluator(Scope.EMPTY, Functions.standard(),
                dir).evaluate(Parser.parseExpression("main.tf", src, diags), diags));
        assertTrue(diags.hasErrors(), "expected an error for " + src);
        return diags;
    }

    private static String message(Diagnostics diags) {
        Diagnostic d = diags.errors().get(0);
        return d.summary() + ": " + d.detail();
    }

    @Test
    void templatefileOfDevZeroIsRefusedAsNotARegularFile() {
        Diagnostics diags = evalErrors("templatefile(\"/dev/zero\", {})");
        assertTrue(message(diags).contains("\"/dev/zero\" is not a regular file"), message(diags));
        assertEquals(1, diags.errors().get(0).subject().start().line());
        assertTrue(message(evalErrors("file(\"/dev/zero\")")).contains("not a regular file"));
    }

    @Test
    void fileLargerThanSixteenMebibytesIsRefusedNamingTheBound() throws IOException {
        Path big = dir.resolve("big.txt");
        try (var out = Files.newOutputStream(big)) {
            out.write(new byte[Limits.MAX_FILE_BYTES + 1]);
        }
        String m = message(evalErrors("file(\"big.txt\")"));
        assertTrue(m.contains("\"big.txt\" is larger than 16,777,216 bytes"), m);
        assertTrue(message(evalErrors("templatefile(\"big.txt\", {})")).contains("larger than"));
    }

    @Test
    void fileAtTheBoundIsRead() throws IOException {
        Files.writeString(dir.resolve("ok.txt"), "x".repeat(1000));
        Diagnostics diags = new Diagnostics();
        Value v = new Evaluator(Scope.EMPTY, Functions.standard(), dir).evaluate(
                Parser.parseExpression("main.tf", "length(file(\"ok.txt\"))", diags), diags);
        assertFalse(diags.hasErrors(), diags.toString());
        assertEquals(Value.of(1000), v);
    }

    @Test
    void templatefileCannotCallItselfFromItsTemplate() throws IOException {
        Files.writeString(dir.resolve("self.tpl"), "${templatefile(\"self.tpl\", {})}");
        String m = message(evalErrors("templatefile(\"self.tpl\", {})"));
        assertTrue(m.contains("cannot call templatefile from inside a template"), m);
    }

    @Test
    void setproductOfMoreThanAMillionElementsIsRefusedBeforeBuildingIt() {
        // 10^8 rows: refused at once, not after minutes of building
        String m = message(evalErrors("setproduct(range(100), range(100), range(100), range(100))"));
        assertTrue(m.contains("more than the 1,000,000 one result may have"), m);
    }

    @Test
    void setproductWithinTheBoundIsBuilt() {
        Diagnostics diags = new Diagnostics();
        Value v = new Evaluator(Scope.EMPTY, Functions.standard(), dir).evaluate(Parser.parseExpression("main.tf",
                "length(setproduct(range(100), range(100), range(100)))", diags), diags);
        assertFalse(diags.hasErrors(), diags.toString());
        assertEquals(Value.of(1_000_000), v);
    }

    @Test
    void nestedForExpressionsPastAMillionIterationsAreRefusedOnce() {
        Diagnostics diags = evalErrors("[for a in range(1000) : [for b in range(1000) : [for c in range(1000) : c]]]");
        assertTrue(message(diags).contains("more than 1,000,000 times"), message(diags));
        assertEquals(1, diags.errors().size(), diags.toString());
    }

    @Test
    void repeatedDoublingOfAStringOrListStopsAtTheBound() {
        Value tenMillion = Value.of("x".repeat(10_000_000));
        Scope scope = (ref, d) -> new Scope.Resolved(tenMillion, 1);
        Diagnostics template = new Diagnostics();
        new Evaluator(scope, Functions.standard(), dir).evaluate(Parser.parseExpression("main.tf",
                "\"${var.x}${var.x}\"", template), template);
        assertEquals("Template result too long", template.errors().get(0).summary());
        Diagnostics join = new Diagnostics();
        new Evaluator(scope, Functions.standard(), dir).evaluate(Parser.parseExpression("main.tf",
                "join(\"\", [var.x, var.x])", join), join);
        assertTrue(message(join).contains("20,000,000 characters, more than"), message(join));
        String indent = message(evalErrors("indent(100000000, \"a\\nb\\nc\")"));
        assertTrue(indent.contains("characters, more than"), indent);
        String concat = message(evalErrors("concat(" + "range(1000),".repeat(1001) + "[])"));
        assertTrue(concat.contains("1,001,000 elements"), concat);
    }

    @Test
    void evaluatorRefusesTreesDeeperThanItsBoundWithADiagnostic() {
        // the parser refuses such trees already; the evaluator's own bound holds for trees built otherwise
        Diagnostics diags = new Diagnostics();
        Expr e = Parser.parseExpression("main.tf", "1", diags);
        for (int i = 0; i < 100_000; i++) {
            e = new Expr.Parens(e, e.range());
        }
        new Evaluator(Scope.EMPTY, Functions.standard(), dir).evaluate(e, diags);
        assertEquals("Too deeply nested", diags.errors().get(0).summary());
        assertEquals(1, diags.errors().size());
    }
}
