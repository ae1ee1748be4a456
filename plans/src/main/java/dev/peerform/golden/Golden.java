package dev.peerform.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Compares what the engine produced with a checked-in expected file. With {@code -Dgolden.update=true} (see the
 * README) it rewrites the expected file instead, so a change to a golden plan is a diff to review like code.
 */
public final class Golden {

    private final boolean update;

    public Golden(boolean update) {
        this.update = update;
    }

    /** Reads the mode from the system property {@code golden.update}. */
    public static Golden fromSystemProperties() {
        return new Golden(Boolean.getBoolean("golden.update"));
    }

    /**
     * Returns a description of the first difference, or empty when the file holds exactly {@code actual}
     * (line endings normalised). In update mode the file is rewritten and the result is empty.
     */
    public Optional<String> check(Path expectedFile, String actual) {
        String normalised = actual.replace("\r\n", "\n");
        try {
            if (update) {
                Files.createDirectories(expectedFile.toAbsolutePath().getParent());
                Files.writeString(expectedFile, normalised, StandardCharsets.UTF_8);
                return Optional.empty();
            }
            if (!Files.exists(expectedFile)) {
                return Optional.of(expectedFile + " does not exist; run with -Dgolden.update=true to create it");
            }
            String expected = Files.readString(expectedFile, StandardCharsets.UTF_8).replace("\r\n", "\n");
            return firstDifference(expectedFile, expected, normalised);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> firstDifference(Path file, String expected, String actual) {
        if (expected.equals(actual)) {
            return Optional.empty();
        }
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        int n = Math.min(e.size(), a.size());
        for (int i = 0; i < n; i++) {
            if (!e.get(i).equals(a.get(i))) {
                return Optional.of(file + ":" + (i + 1) + " differs\n  expected: " + e.get(i) + "\n  actual:   "
                        + a.get(i));
            }
        }
        if (e.size() != a.size()) {
            return Optional.of(file + ": expected " + e.size() + " lines, got " + a.size() + "; first extra line: "
                    + (e.size() > a.size() ? e.get(n) : a.get(n)));
        }
        return Optional.of(file + ": differs only in the final newline");
    }
}
