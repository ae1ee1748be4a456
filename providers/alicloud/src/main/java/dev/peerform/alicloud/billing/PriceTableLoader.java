package dev.peerform.alicloud.billing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.SourcePos;
import dev.peerform.diag.SourceRange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a price table: the one that ships with peerform, or a user's replacement named by the
 * {@code -price-table=FILE} flag or the {@value #ENVIRONMENT_VARIABLE} environment variable (the flag wins). A file
 * that cannot be used yields diagnostics naming its file, line and column, never a half-read table.
 */
public final class PriceTableLoader {

    public static final String ENVIRONMENT_VARIABLE = "PEERFORM_PRICE_TABLE";
    static final String BUILTIN_RESOURCE = "prices.json";
    static final String BUILTIN_ORIGIN = "builtin";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PriceTableLoader() {
    }

    /** A table, or why there is none. */
    public record Result(Optional<PriceTable> table, List<Diagnostic> diagnostics) {

        public Result {
            diagnostics = List.copyOf(diagnostics);
        }

        static Result failed(List<Diagnostic> diagnostics) {
            return new Result(Optional.empty(), diagnostics);
        }
    }

    /**
     * The table a run uses: the flag's file when given (relative to {@code workingDirectory}), else the
     * environment variable's when set and not empty, else the built-in one.
     */
    public static Result select(String flagValue, Map<String, String> environment, Path workingDirectory) {
        if (flagValue != null) {
            return load(workingDirectory.resolve(flagValue), "-price-table");
        }
        String fromEnv = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return load(workingDirectory.resolve(fromEnv), ENVIRONMENT_VARIABLE);
        }
        return builtin();
    }

    /** The table that ships with peerform. */
    public static Result builtin() {
        try (InputStream in = PriceTableLoader.class.getResourceAsStream(BUILTIN_RESOURCE)) {
            if (in == null) {
                return Result.failed(List.of(Diagnostic.error("Built-in price table missing",
                        "peerform's jar lacks " + BUILTIN_RESOURCE + "; rebuild it.", null)));
            }
            return parse(BUILTIN_RESOURCE, BUILTIN_ORIGIN, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A user's price table file; {@code namedBy} says which flag or variable named it, for messages. */
    public static Result load(Path file, String namedBy) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Result.failed(List.of(Diagnostic.error("Price table not found",
                    namedBy + " names " + file + ", which does not exist.", null)));
        } catch (IOException e) {
            return Result.failed(List.of(Diagnostic.error("Price table unreadable",
                    namedBy + " names " + file + ", which cannot be read: " + e.getMessage(), null)));
        }
        return parse(file.toString(), file.toString(), text);
    }

    /** Parses and checks {@code text}, read from {@code filename}. */
    static Result parse(String filename, String origin, String text) {
        Map<String, SourcePos> positions = new HashMap<>();
        try (JsonParser p = new JsonFactory().createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY) {
                    positions.putIfAbsent(p.getParsingContext().pathAsPointer().toString(),
                            position(p.currentTokenLocation()));
                }
            }
        } catch (JsonProcessingException e) {
            SourcePos at = position(e.getLocation());
            return Result.failed(List.of(Diagnostic.error("Price table is not valid JSON",
                    e.getOriginalMessage(), new SourceRange(filename, at, at))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            SourcePos at = position(e.getLocation());
            return Result.failed(List.of(Diagnostic.error("Price table is not valid JSON",
                    e.getOriginalMessage(), new SourceRange(filename, at, at))));
        }
        if (root == null) {
            SourcePos at = SourcePos.START;
            return Result.failed(List.of(Diagnostic.error("Price table is empty",
                    "A price table is a JSON object; see docs/peerform-cost.md.", new SourceRange(filename, at, at))));
        }
        List<Diagnostic> problems = new ArrayList<>();
        PriceTable table = new PriceTableReader(filename, origin, positions, problems).read(root);
        return problems.isEmpty() ? new Result(Optional.of(table), List.of()) : Result.failed(problems);
    }

    private static SourcePos position(JsonLocation l) {
        if (l == null) {
            return SourcePos.START;
        }
        long offset = l.getCharOffset();
        return new SourcePos(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()),
                (int) Math.max(0, Math.min(Integer.MAX_VALUE, offset)));
    }
}
