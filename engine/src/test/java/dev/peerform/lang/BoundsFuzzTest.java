package dev.peerform.lang;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.peerform.config.ModuleLoader;
import dev.peerform.diag.Diagnostics;
import dev.peerform.syntax.Block;
import dev.peerform.syntax.ConfigFile;
import dev.peerform.syntax.Parser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: hostile configurations (deep nesting of every bracket kind, long operator chains, functions asked
 * to build huge results, special files, cycles of locals) end in diagnostics, in-process and promptly: no
 * exception or error (StackOverflowError, OutOfMemoryError) escapes. Seeded: a failure prints the seed and input.
 */
class BoundsFuzzTest {

    private static final String[] OPEN = {"[", "(", "{a = ", "-", "!", "\"${", "f(", "[for x in [1] : "};
    private static final String[] CLOSE = {"]", ")", "}", "", "", "}\"", ")", "]"};
    private static final String[] EXPLOSIVE = {
        "setproduct(range(%d), range(%d), range(%d))",
        "range(%d, %d, %d)",
        "indent(%d, \"a\\nb\")",
        "format(\"%%%d.%dd\", %d)",
        "concat(range(%d), range(%d), range(%d))",
        "formatlist(\"%%s-%%s\", range(%d), range(%d))",
        "length([for a in range(%d) : [for b in range(%d) : [for c in range(%d) : c]]])",
        "join(\",\", [for s in range(%d) : format(\"%%0%dd\", %d)])",
        "flatten([for a in range(%d) : range(%d)])",
        "chunklist(range(%d), %d)",
        "file(\"/dev/zero\")",
        "templatefile(\"/dev/urandom\", {})",
        "file(\"/proc/self/status\")",
        "filebase64(\"/dev/zero\")",
        "jsondecode(\"%s\")",
    };

    @TempDir
    Path dir;

    @Test
    void hostileExpressionsGiveDiagnosticsNeverErrorsOrHangs() {
        long seed = Long.getLong("fuzz.seed", 20261201L);
        Random random = new Random(seed);
        Functions functions = Functions.standard();
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int i = 0; i < 1000; i++) {
                String src = random.nextInt(3) == 0 ? explosive(random) : nested(random);
                long started = System.nanoTime();
                try {
                    Diagnostics diags = new Diagnostics();
                    ConfigFile f = Parser.parseFile("fuzz.tf", "x = " + src + "\n", diags);
                    Evaluator evaluator = new Evaluator(Scope.EMPTY, functions, dir);
                    f.body().attributes().forEach(a -> evaluator.evaluate(a.expr(), diags));
                    for (Block b : f.body().blocks()) {
                        b.body().attributes().forEach(a -> evaluator.evaluate(a.expr(), diags));
                    }
                } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                    fail("input " + i + " (seed " + seed + ") threw " + e + "\n---\n" + abbreviate(src), e);
                }
                long ms = (System.nanoTime() - started) / 1_000_000;
                assertTrue(ms < 10_000, "input " + i + " (seed " + seed + ") took " + ms + " ms: " + abbreviate(src));
            }
        });
    }

    @Test
    void localsReferringToEachOtherAtRandomLoadWithDiagnosticsNeverErrors() throws Exception {
        long seed = Long.getLong("fuzz.seed", 20261201L);
        Random random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            int n = 1 + random.nextInt(40);
            StringBuilder b = new StringBuilder("locals {\n");
            for (int l = 0; l < n; l++) {
                b.append("  l").append(l).append(" = [");
                int refs = random.nextInt(3);
                for (int r = 0; r < refs; r++) {
                    b.append("local.l").append(random.nextInt(n)).append(", ");
                }
                b.append("1]\n");
            }
            b.append("}\n");
            Files.writeString(dir.resolve("main.tf"), b);
            try {
                new ModuleLoader(dir).load(new Diagnostics());
            } catch (RuntimeException | StackOverflowError e) {
                fail("locals " + i + " (seed " + seed + ") threw " + e + "\n---\n" + b, e);
            }
        }
    }

    private static String nested(Random r) {
        int depth = r.nextInt(20) == 0 ? 5_000 + r.nextInt(20_000) : r.nextInt(400);
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (int d = 0; d < depth; d++) {
            int k = r.nextInt(OPEN.length);
            open.append(OPEN[k]);
            close.insert(0, CLOSE[k]);
            if (r.nextInt(50) == 0) {
                open.append("1 + ".repeat(r.nextInt(300)));
            }
        }
        return open + "1" + (r.nextInt(10) == 0 ? close.substring(0, close.length() / 2) : close);
    }

    private static String explosive(Random r) {
        String pattern = EXPLOSIVE[r.nextInt(EXPLOSIVE.length)];
        if (pattern.startsWith("jsondecode")) {
            int depth = r.nextInt(20_000);
            return String.format(pattern, "[".repeat(depth) + "]".repeat(depth));
        }
        Object[] args = new Object[3];
        for (int k = 0; k < args.length; k++) {
            args[k] = switch (r.nextInt(4)) {
                case 0 -> r.nextInt(10);
                case 1 -> r.nextInt(2000);
                case 2 -> 1_000_000 + r.nextInt(1_000_000_000);
                default -> r.nextInt(9999);
            };
        }
        return String.format(pattern, args);
    }

    private static String abbreviate(String s) {
        return s.length() <= 400 ? s : s.substring(0, 400) + "... (" + s.length() + " characters)";
    }
}
