package dev.peerform.alicloud.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peerform.alicloud.AlicloudProvider;
import dev.peerform.spi.AttributeSchema;
import dev.peerform.spi.ResourceType;
import dev.peerform.value.Type;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The BGP resources' schemas are the official provider's (src/test/resources/official-schema): every argument and
 * attribute, with the same type, required/optional/computed, ForceNew, sensitivity and default. The one deliberate
 * difference is listed: {@code auth_key} is sensitive in peerform.
 */
class BgpSchemasTest {

    private static final Path SCHEMAS = Path.of("src/test/resources/official-schema");
    /** type.attribute: peerform marks it sensitive where the official schema does not. */
    private static final Set<String> SENSITIVE_HERE = Set.of("alicloud_vpc_bgp_group.auth_key");

    @ParameterizedTest
    @ValueSource(strings = {"alicloud_vpc_bgp_group", "alicloud_vpc_bgp_peer", "alicloud_vpc_bgp_network"})
    void schemaIsTheOfficialOne(String type) throws IOException {
        JsonNode official = new ObjectMapper().readTree(SCHEMAS.resolve(type + ".json").toFile());
        ResourceType mine = new AlicloudProvider().resourceTypes().get(type);
        assertNotNull(mine, type + " is registered");
        Map<String, AttributeSchema> attrs = mine.schema().attributes();
        Set<String> expected = new HashSet<>(Set.of("id"));
        official.path("attributes").fields().forEachRemaining(e -> {
            String name = e.getKey();
            JsonNode o = e.getValue();
            expected.add(name);
            AttributeSchema a = attrs.get(name);
            String where = type + "." + name;
            assertNotNull(a, where + " is missing");
            assertEquals(o.path("type").asText(), typeName(a.type()), where + " type");
            assertEquals(o.path("required").asBoolean(), a.required(), where + " required");
            assertEquals(o.path("optional").asBoolean(), a.optional(), where + " optional");
            assertEquals(o.path("computed").asBoolean(), a.computed(), where + " computed");
            assertEquals(o.path("force_new").asBoolean(), a.forceNew(), where + " force_new");
            assertEquals(o.path("sensitive").asBoolean() || SENSITIVE_HERE.contains(where), a.sensitive(),
                    where + " sensitive");
            assertTrue(o.path("default").isNull() == (a.defaultValue() == null), where + " default");
        });
        assertEquals(expected, attrs.keySet(), type + ": no attribute the official schema lacks (id aside)");
        assertTrue(official.path("blocks").isEmpty());
    }

    @Test
    void networkIsImportedByRouterIdAndRangeAsTheOfficialProviderDoes() throws IOException {
        JsonNode official = new ObjectMapper().readTree(SCHEMAS.resolve("alicloud_vpc_bgp_network.json").toFile());
        assertEquals("<router_id>:<dst_cidr_block>", official.path("import_id").asText());
    }

    private static String typeName(Type t) {
        return t == Type.STRING ? "string" : t == Type.NUMBER ? "number" : t == Type.BOOL ? "bool" : t.toString();
    }
}
