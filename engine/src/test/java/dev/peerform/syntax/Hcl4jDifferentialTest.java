package dev.peerform.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import dev.peerform.diag.Diagnostics;
import dev.peerform.lang.Evaluator;
import dev.peerform.lang.Functions;
import dev.peerform.lang.Scope;
import dev.peerform.value.BoolValue;
import dev.peerform.value.NumberValue;
import dev.peerform.value.StringValue;
import dev.peerform.value.Value;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Differential test: on literal-only files (the subset hcl4j handles correctly) peerform's parser and hcl4j agree
 * on every block, label, attribute and value. The corpus is generated from a fixed seed: 300 files of nested
 * blocks, strings, numbers, bools, tuples and objects.
 */
class Hcl4jDifferentialTest {

    @Test
    void literalOnlyFilesParseToTheSameStructureAsHcl4j() throws Exception {
        Random random = new Random(42);
        PrintStream out = System.out;
        try {
            System.setOut(new PrintStream(OutputStream.nullOutputStream())); // hcl4j prints debug lines
            for (int i = 0; i < 300; i++) {
                String text = new CorpusWriter(random).file();
                Object theirs = new HCLParser().parse(text);
                Diagnostics diags = new Diagnostics();
                ConfigFile ours = Parser.parseFile("corpus.tf", text, diags);
                assertFalse(diags.hasErrors(), diags + "\n" + text);
                assertEquals(theirs, shape(ours.body()), "file " + i + ":\n" + text);
            }
        } finally {
            System.setOut(out);
        }
    }

    /** hcl4j's shape: a block nests a map per label; a block path seen twice becomes a list of bodies. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> shape(Body body) {
        Map<String, Object> out = new LinkedHashMap<>();
        Evaluator evaluator = new Evaluator(Scope.EMPTY, Functions.standard(), Path.of("."));
        for (Attribute a : body.attributes()) {
            out.put(a.name(), java(evaluator.evaluate(a.expr(), new Diagnostics())));
        }
        for (Block b : body.blocks()) {
            Map<String, Object> at = out;
            List<String> path = new ArrayList<>();
            path.add(b.type());
            path.addAll(b.labels());
            for (int i = 0; i < path.size() - 1; i++) {
                at = (Map<String, Object>) at.computeIfAbsent(path.get(i), k -> new LinkedHashMap<>());
            }
            String last = path.get(path.size() - 1);
            Map<String, Object> inner = shape(b.body());
            Object existing = at.get(last);
            if (existing == null) {
                at.put(last, inner);
            } else if (existing instanceof List<?> list) {
                ((List<Object>) list).add(inner);
            } else {
                at.put(last, new ArrayList<>(List.of(existing, inner)));
            }
        }
        return out;
    }

    private static Object java(Value v) {
        if (v.isNull()) {
            return null;
        }
        if (v instanceof StringValue s) {
            return s.value();
        }
        if (v instanceof NumberValue n) {
            return n.value().doubleValue();
        }
        if (v instanceof BoolValue b) {
            return b.value();
        }
        if (v instanceof dev.peerform.value.ObjectValue o) {
            Map<String, Object> m = new LinkedHashMap<>();
            o.attributes().forEach((k, x) -> m.put(k, java(x)));
            return m;
        }
        List<Object> l = new ArrayList<>();
        v.children().forEach(x -> l.add(java(x)));
        return l;
    }

    /** Writes random literal-only HCL files. */
    private static final class CorpusWriter {
        private final Random r;
        private final StringBuilder b = new StringBuilder();
        private int names;

        CorpusWriter(Random r) {
            this.r = r;
        }

        String file() {
            int blocks = 1 + r.nextInt(5);
            for (int i = 0; i < blocks; i++) {
                block(0, i);
            }
            return b.toString();
        }

        private void block(int depth, int index) {
            String indent = "  ".repeat(depth);
            b.append(indent).append(depth == 0 ? "block" + index : "nested");
            if (depth == 0) {
                for (int l = r.nextInt(3); l > 0; l--) {
                    b.append(" \"").append(name()).append('"');
                }
            }
            b.append(" {\n");
            Map<String, Boolean> used = new LinkedHashMap<>();
            for (int a = r.nextInt(5); a > 0; a--) {
                String n = name();
                if (used.put(n, true) != null) {
                    continue;
                }
                b.append(indent).append("  ").append(n).append(" = ");
                value(depth + 1);
                b.append('\n');
            }
            if (depth < 2) {
                for (int n = r.nextInt(3); n > 0; n--) {
                    block(depth + 1, n);
                }
            }
            b.append(indent).append("}\n");
        }

        private void value(int depth) {
            switch (depth > 3 ? r.nextInt(3) : r.nextInt(5)) {
                case 0 -> b.append('"').append(name()).append(r.nextBoolean() ? " with space" : "").append('"');
                case 1 -> b.append(r.nextBoolean() ? Integer.toString(r.nextInt(100000))
                        : r.nextInt(1000) + "." + (1 + r.nextInt(99)));
                case 2 -> b.append(r.nextBoolean());
                case 3 -> {
                    b.append('[');
                    for (int i = r.nextInt(4); i > 0; i--) {
                        value(depth + 1);
                        b.append(i > 1 ? ", " : "");
                    }
                    b.append(']');
                }
                default -> {
                    b.append("{ ");
                    Map<String, Boolean> used = new LinkedHashMap<>();
                    for (int i = r.nextInt(3); i > 0; i--) {
                        String n = name();
                        if (used.put(n, true) != null) {
                            continue;
                        }
                        b.append(n).append(" = ");
                        value(depth + 1);
                        b.append(i > 1 ? ", " : " ");
                    }
                    b.append('}');
                }
            }
        }

        private String name() {
            return "n" + (names++ % 7);
        }
    }
}
