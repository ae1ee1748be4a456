package dev.peerform.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peerform.diag.Diagnostics;
import dev.peerform.syntax.Block;
import dev.peerform.syntax.ConfigFile;
import dev.peerform.syntax.Expr;
import dev.peerform.syntax.Parser;
import dev.peerform.value.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The language specification suite: every output of spec/cases.tf evaluated by peerform must equal, in value and
 * in type, what Terraform produced for it (spec/cases.expected.json); every expression of spec/errors.txt must
 * fail with the diagnostic summary Terraform gives (spec/errors.expected.json). Both files were produced by
 * engine/src/test/oracle/generate-lang-spec.sh.
 */
class LangSpecTest {

    private static final Path SPEC = Path.of("src/test/resources/lang/spec").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @TestFactory
    Stream<DynamicTest> everyCaseEvaluatesToTerraformsValueAndType() throws Exception {
        String source = Files.readString(SPEC.resolve("cases.tf"));
        Diagnostics parse = new Diagnostics();
        ConfigFile file = Parser.parseFile("cases.tf", source, parse);
        assertFalse(parse.hasErrors(), parse.toString());
        JsonNode expected = JSON.readTree(SPEC.resolve("cases.expected.json").toFile());

        Map<String, Expr> locals = new HashMap<>();
        for (Block b : file.body().blocks("locals")) {
            b.body().attributes().forEach(a -> locals.put(a.name(), a.expr()));
        }
        Functions functions = Functions.standard();
        Map<String, Value> localValues = new HashMap<>();
        Scope[] scope = new Scope[1];
        scope[0] = (ref, diags) -> {
            if (ref.root().equals("path") && !ref.steps().isEmpty()) {
                return new Scope.Resolved(Value.of("."), 1);
            }
            String name = ((Expr.AttrStep) ref.steps().get(0)).name();
            Value v = localValues.computeIfAbsent(name,
                    n -> new Evaluator(scope[0], functions, SPEC).evaluate(locals.get(n), diags));
            return new Scope.Resolved(v, 1);
        };

        List<DynamicTest> tests = new ArrayList<>();
        for (Block output : file.body().blocks("output")) {
            String name = output.labels().get(0);
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Diagnostics diags = new Diagnostics();
                Value v = new Evaluator(scope[0], functions, SPEC)
                        .evaluate(output.body().attribute("value").orElseThrow().expr(), diags);
                assertFalse(diags.hasErrors(), diags.toString());
                JsonNode want = expected.get(name);
                if (want == null) { // terraform output -json leaves out outputs whose value is null
                    assertTrue(v.isNull(), name + " should be null, was " + v);
                    return;
                }
                assertEquals(canonical(want.get("value")), canonical(ValueJson.value(v)), "value of " + name);
                assertEquals(want.get("type"), ValueJson.type(v.type()), "type of " + name);
                assertEquals(want.get("sensitive").asBoolean(), v.containsSensitive(), "sensitivity of " + name);
            }));
        }
        assertTrue(tests.size() >= expected.size(), "every expected case has an output");
        return tests.stream();
    }

    /** JSON text with numbers written plainly, so 10, 10.0 and 1E+1 compare equal as Terraform's 10. */
    private static String canonical(JsonNode n) throws Exception {
        return JSON.copy().enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .readTree(JSON.writeValueAsString(n)).toString().replaceAll("(\\d)\\.0+(?=[,\\]}]|$)", "$1");
    }

    @TestFactory
    Stream<DynamicTest> everyErrorCaseFailsWithTerraformsSummary() throws Exception {
        JsonNode cases = JSON.readTree(SPEC.resolve("errors.expected.json").toFile());
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : cases) {
            String expression = c.get("expression").asText();
            tests.add(DynamicTest.dynamicTest(expression, () -> {
                Diagnostics diags = new Diagnostics();
                Expr e = Parser.parseExpression("<test>", expression, diags);
                if (!diags.hasErrors()) {
                    new Evaluator(Scope.EMPTY, Functions.standard(), SPEC).evaluate(e, diags);
                }
                assertTrue(diags.hasErrors(), "expected an error for " + expression);
                var first = diags.errors().get(0);
                assertEquals(c.get("summary").asText(), first.summary(), expression + ": " + first.detail());
                assertFalse(first.detail().isBlank(), "every diagnostic says why");
                assertTrue(first.subject() != null, "every diagnostic points at the source");
            }));
        }
        return tests.stream();
    }
}
