package dev.peerform.hashicorp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peerform.spi.AttributeSchema;
import dev.peerform.spi.ResourceType;
import dev.peerform.value.Type;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each built-in random and null resource has every argument and attribute of the official schema
 * (providers/alicloud/src/test/resources/official-schema), with the same type, Required / Optional / Computed,
 * ForceNew (RequiresReplace) and Sensitive flags.
 */
class OfficialSchemasTest {

    private static final Path FIXTURES = Path.of("..", "alicloud", "src", "test", "resources", "official-schema");

    @ParameterizedTest
    @ValueSource(strings = {"random_id", "random_string", "random_password", "random_integer", "random_shuffle",
        "null_resource"})
    void everyOfficialAttributeIsThereWithTheOfficialFlags(String type) throws Exception {
        JsonNode official = new ObjectMapper().readTree(FIXTURES.resolve(type + ".json").toFile());
        ResourceType ours = (type.startsWith("random") ? new RandomProvider().resourceTypes()
                : new NullProvider().resourceTypes()).get(type);
        Map<String, String> expected = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = official.get("attributes").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode a = e.getValue();
            expected.put(e.getKey(), a.get("type").asText() + flags(a.get("required").asBoolean(),
                    a.get("optional").asBoolean(), a.get("computed").asBoolean(), a.get("force_new").asBoolean(),
                    a.get("sensitive").asBoolean()));
        }
        Map<String, String> actual = new TreeMap<>();
        ours.schema().attributes().forEach((name, a) -> actual.put(name, typeName(a.type()) + flags(a)));
        assertEquals(expected, actual);
        assertEquals(0, official.get("blocks").size(), "no nested blocks");
    }

    private static String flags(AttributeSchema a) {
        return flags(a.required(), a.optional(), a.computed(), a.forceNew(), a.sensitive());
    }

    private static String flags(boolean required, boolean optional, boolean computed, boolean forceNew,
            boolean sensitive) {
        return (required ? " required" : "") + (optional ? " optional" : "") + (computed ? " computed" : "")
                + (forceNew ? " force_new" : "") + (sensitive ? " sensitive" : "");
    }

    private static String typeName(Type t) {
        if (t.equals(Type.STRING)) {
            return "string";
        } else if (t.equals(Type.NUMBER)) {
            return "number";
        } else if (t.equals(Type.BOOL)) {
            return "bool";
        } else if (t.equals(Type.map(Type.STRING))) {
            return "map(string)";
        } else if (t.equals(Type.list(Type.STRING))) {
            return "list(string)";
        }
        return t.toString();
    }
}
