package dev.peerform.syntax;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import dev.peerform.diag.Diagnostics;
import dev.peerform.lang.Evaluator;
import dev.peerform.lang.Functions;
import dev.peerform.lang.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: any text, however broken, parses and evaluates to values and diagnostics; nothing throws and nothing
 * hangs. Thousands of seeded random mutations of valid files check it; a failure prints the seed and the input.
 */
class MutationFuzzTest {

    private static final String SYNTAX = "{}[]()\"$%~<>=:,.?!*/+-#\n\\ \tab01_'`@";
    private static final int MUTANTS = 6000;

    @Test
    void mutatedFilesGiveDiagnosticsNeverExceptionsOrHangs() throws Exception {
        String base = Files.readString(Path.of("src/test/resources/lang/spec/cases.tf"));
        Functions functions = Functions.standard();
        long seed = Long.getLong("fuzz.seed", 20261121L);
        Random random = new Random(seed);
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int i = 0; i < MUTANTS; i++) {
                String mutant = mutate(base, random);
                try {
                    Diagnostics diags = new Diagnostics();
                    ConfigFile f = Parser.parseFile("fuzz.tf", mutant, diags);
                    Evaluator evaluator = new Evaluator(Scope.EMPTY, functions, Path.of("."));
                    for (Block b : f.body().blocks()) {
                        b.body().attributes().forEach(a -> evaluator.evaluate(a.expr(), diags));
                    }
                } catch (RuntimeException | StackOverflowError e) {
                    fail("mutant " + i + " (seed " + seed + ") threw " + e + "\n---\n" + mutant, e);
                }
            }
        });
    }

    private static String mutate(String text, Random r) {
        StringBuilder b = new StringBuilder(text);
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits && b.length() > 0; e++) {
            int at = r.nextInt(b.length());
            switch (r.nextInt(5)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, SYNTAX.charAt(r.nextInt(SYNTAX.length())));
                case 2 -> b.setCharAt(at, SYNTAX.charAt(r.nextInt(SYNTAX.length())));
                case 3 -> {
                    int end = Math.min(b.length(), at + 1 + r.nextInt(40));
                    b.insert(r.nextInt(b.length()), b.substring(at, end));
                }
                default -> b.setLength(at);
            }
        }
        return b.toString();
    }
}
