package dev.peerform.syntax;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.peerform.diag.Diagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code fmt} against Terraform 1.11's own output (engine/src/test/oracle/generate-fmt-parity.sh): every NAME.tf
 * of the corpus formats to the bytes of NAME.tf.expected, which is what {@code terraform fmt -} prints. Where
 * {@code terraform fmt NAME.tf} writes other bytes (NAME.tf.expected-file), the formatter's own result must be
 * those: printing to stdout adds a final newline the file did not have.
 */
class FmtParityTest {

    private static final Path CORPUS = Path.of("src/test/resources/fmt/parity");

    @TestFactory
    Stream<DynamicTest> everyCorpusFileFormatsToTerraformsBytes() throws IOException {
        List<Path> inputs;
        try (Stream<Path> s = Files.list(CORPUS)) {
            inputs = s.filter(p -> p.getFileName().toString().endsWith(".tf")).sorted().toList();
        }
        if (inputs.size() < 40) {
            fail("the fmt parity corpus has " + inputs.size() + " files, expected 40 or more");
        }
        return inputs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    @TestFactory
    Stream<DynamicTest> terraformsOutputIsLeftAsItIs() throws IOException {
        List<Path> outputs;
        try (Stream<Path> s = Files.list(CORPUS)) {
            outputs = s.filter(p -> p.getFileName().toString().endsWith(".tf.expected")).sorted().toList();
        }
        return outputs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            String formatted = read(p);
            compare(p.getFileName() + " formatted again", formatted,
                    Formatter.format(p.getFileName().toString(), formatted, new Diagnostics()));
        }));
    }

    private static void check(Path input) throws IOException {
        String name = input.getFileName().toString();
        String source = read(input);
        Diagnostics diags = new Diagnostics();
        String formatted = Formatter.format(name, source, diags);
        assertNotNull(formatted, () -> name + " was not formatted: " + diags);
        Path asFile = input.resolveSibling(name + ".expected-file");
        if (Files.exists(asFile)) {
            compare(name + " (fmt FILE)", read(asFile), formatted);
        }
        String printed = formatted.endsWith("\n") ? formatted : formatted + "\n";
        compare(name + " (fmt -)", read(input.resolveSibling(name + ".expected")), printed);
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    /** Fails naming the first line that differs, both versions shown with their invisible characters. */
    private static void compare(String what, String expected, String actual) {
        assertNotNull(actual, () -> what + ": not formatted");
        if (expected.equals(actual)) {
            return;
        }
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String x = i < e.length ? e[i] : null;
            String y = i < a.length ? a[i] : null;
            if (x == null || !x.equals(y)) {
                fail(what + ": line " + (i + 1) + " differs\n  terraform: " + visible(x) + "\n  peerform:  "
                        + visible(y));
            }
        }
        fail(what + ": the texts differ");
    }

    private static String visible(String line) {
        return line == null ? "(no line)" : "\"" + line.replace("\t", "\\t").replace("\r", "\\r") + "\"";
    }
}
