package dev.peerform.alicloud.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The official-schema and official-example files are facts that later schema tests compare against; a malformed
 * fact would make those tests pass or fail for the wrong reason, so their shape is checked here.
 */
class OfficialFactsTest {

    private static final Path SCHEMAS = Path.of("src/test/resources/official-schema");
    private static final Path EXAMPLES = Path.of("src/test/resources/official-examples");
    private static final Set<String> ATTRIBUTE_KEYS = Set.of("type", "required", "optional", "computed", "force_new",
            "sensitive", "default", "deprecated", "conflicts_with", "allowed_values", "range", "validation");
    private static final Pattern TYPE = Pattern.compile("string|number|bool|(list|set|map)\\((string|number|object)\\)");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

    @Test
    void everySchemaFactNamesTheCommitItWasReadFrom() throws IOException {
        for (Path file : files(SCHEMAS, ".json")) {
            JsonNode doc = read(file);
            String where = file.getFileName().toString();
            assertTrue(COMMIT.matcher(doc.path("source").path("commit").asText()).matches(), where);
            assertFalse(doc.path("source").path("repo").asText().isEmpty(), where);
            assertFalse(doc.path("source").path("path").asText().isEmpty(), where);
            assertTrue(Set.of("resource", "data").contains(doc.path("kind").asText()), where);
        }
    }

    @Test
    void everyAttributeFactIsRequiredOptionalOrComputedAndNeverRequiredWithADefault() throws IOException {
        int attributes = 0;
        for (Path file : files(SCHEMAS, ".json")) {
            JsonNode doc = read(file);
            List<Map.Entry<String, JsonNode>> all = new ArrayList<>();
            collect(file.getFileName() + ":", doc.path("attributes"), doc.path("blocks"), all);
            for (Map.Entry<String, JsonNode> e : all) {
                JsonNode a = e.getValue();
                for (String key : ATTRIBUTE_KEYS) {
                    assertTrue(a.has(key), e.getKey() + " lacks " + key);
                }
                assertTrue(TYPE.matcher(a.path("type").asText()).matches(), e.getKey() + " type " + a.path("type"));
                boolean required = a.path("required").asBoolean();
                boolean optional = a.path("optional").asBoolean();
                boolean computed = a.path("computed").asBoolean();
                assertTrue(required || optional || computed, e.getKey() + " is neither set nor computed");
                assertFalse(required && (optional || computed), e.getKey() + " is required and optional/computed");
                assertFalse(required && !a.path("default").isNull(), e.getKey() + " is required with a default");
                attributes++;
            }
        }
        assertTrue(attributes > 400, "only " + attributes + " attributes read");
    }

    @Test
    void conflictsWithNamesAnAttributeOfTheSameSchema() throws IOException {
        for (Path file : files(SCHEMAS, ".json")) {
            JsonNode doc = read(file);
            JsonNode attrs = doc.path("attributes");
            attrs.fields().forEachRemaining(e -> e.getValue().path("conflicts_with").forEach(other ->
                    assertTrue(attrs.has(other.asText()) || doc.path("blocks").has(other.asText())
                            || doc.path("other_attributes").toString().contains("\"" + other.asText() + "\""),
                            file.getFileName() + ": " + e.getKey() + " conflicts with unknown " + other)));
        }
    }

    @Test
    void routeEntryFactKeepsTheFivePartIdAndOptionalNextHop() throws IOException {
        JsonNode doc = read(SCHEMAS.resolve("alicloud_route_entry.json"));
        assertEquals(5, doc.path("import_id").asText().split(" ")[0].split(":").length);
        assertTrue(doc.path("attributes").path("nexthop_type").path("optional").asBoolean());
        assertTrue(doc.path("attributes").path("nexthop_type").path("allowed_values").isNull());
        assertEquals("10m", doc.path("timeouts").path("create").asText());
    }

    @Test
    void everyExampleConfiguresAlicloudWithARegionAndCarriesNoKeys() throws IOException {
        List<Path> tf = files(EXAMPLES, ".tf");
        assertTrue(tf.size() >= 25, "only " + tf.size() + " examples");
        for (Path file : tf) {
            String text = Files.readString(file);
            assertTrue(text.contains("provider \"alicloud\" {"), file + " has no alicloud provider block");
            assertTrue(Pattern.compile("region\\s*=").matcher(text).find(), file + " sets no region");
            assertFalse(Pattern.compile("(access_key|secret_key|security_token)\\s*=").matcher(text).find(),
                    file + " carries credentials");
            assertFalse(text.contains("LTAI"), file + " carries an access key id");
        }
    }

    private static void collect(String prefix, JsonNode attrs, JsonNode blocks,
            List<Map.Entry<String, JsonNode>> out) {
        attrs.fields().forEachRemaining(e -> {
            out.add(Map.entry(prefix + e.getKey(), e.getValue()));
            if (e.getValue().has("object_attributes")) {
                collect(prefix + e.getKey() + ".", e.getValue().path("object_attributes"),
                        e.getValue().path("object_blocks"), out);
            }
        });
        blocks.fields().forEachRemaining(e -> collect(prefix + e.getKey() + ".", e.getValue().path("attributes"),
                e.getValue().path("blocks"), out));
    }

    private static JsonNode read(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
