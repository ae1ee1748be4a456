package dev.peerform.alicloud.schema;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peerform.alicloud.AlicloudProvider;
import dev.peerform.alicloud.data.DataSources;
import dev.peerform.alicloud.resources.CloudResource;
import dev.peerform.spi.AttributeSchema;
import dev.peerform.spi.Schema;
import dev.peerform.value.BoolValue;
import dev.peerform.value.NumberValue;
import dev.peerform.value.StringValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every resource and data source peerform implements has every argument and attribute of the official provider's
 * schema (official-schema/*.json), with the same type, Required / Optional / Computed / ForceNew / Sensitive flags,
 * default and deprecation message, every nested block with its nesting, most items and fields, and the official
 * {@code timeouts} block with its defaults.
 */
class SchemaMatchesTheOfficialProviderTest {

    private static final Path SCHEMAS = Path.of("src/test/resources/official-schema");
    private static final AlicloudProvider PROVIDER = new AlicloudProvider();
    /** The one deliberate difference: a BGP key is a secret, so peerform stores only its digest and redacts it. */
    private static final Set<String> SENSITIVE_HERE = Set.of("alicloud_vpc_bgp_group.auth_key");

    @TestFactory
    Stream<DynamicTest> everyOfficialArgumentAndAttributeHasTheOfficialFlagsAndDefault() {
        List<DynamicTest> tests = new ArrayList<>();
        PROVIDER.resourceTypes().forEach((name, type) -> tests.add(DynamicTest.dynamicTest(name,
                () -> compare(name, type.schema(), (CloudResource) type))));
        PROVIDER.dataSourceTypes().forEach((name, type) -> tests.add(DynamicTest.dynamicTest("data." + name,
                () -> compare(name, type.schema(), null))));
        return tests.stream();
    }

    private static void compare(String name, Schema schema, CloudResource resource) throws IOException {
        JsonNode official = new ObjectMapper().readTree(SCHEMAS.resolve(name + ".json").toFile());
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = official.path("attributes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String attr = e.getKey();
            JsonNode want = e.getValue();
            AttributeSchema have = schema.attributes().get(attr);
            if (have == null) {
                problems.add(attr + ": missing");
                continue;
            }
            check(problems, attr, "type", want.path("type").asText(), typeName(have.type()));
            check(problems, attr, "required", want.path("required").asBoolean(), have.required());
            check(problems, attr, "optional", want.path("optional").asBoolean(), have.optional());
            check(problems, attr, "computed", want.path("computed").asBoolean(), have.computed());
            check(problems, attr, "force_new", want.path("force_new").asBoolean(), have.forceNew());
            check(problems, attr, "sensitive", want.path("sensitive").asBoolean()
                    || SENSITIVE_HERE.contains(name + "." + attr), have.sensitive());
            check(problems, attr, "default", plain(want.path("default")), plain(have.defaultValue()));
            if (resource != null) {
                check(problems, attr, "deprecated", want.path("deprecated").isNull() ? null
                        : want.path("deprecated").asText(), resource.deprecations().get(attr));
            }
            JsonNode objectAttributes = want.path("object_attributes");
            if (!objectAttributes.isMissingNode() && have.type() instanceof Type.ListType l
                    && l.element() instanceof Type.ObjectType o) {
                objectAttributes.fieldNames().forEachRemaining(f -> {
                    if (!o.attributes().containsKey(f)) {
                        problems.add(attr + "." + f + ": missing");
                    } else {
                        check(problems, attr + "." + f, "type", objectAttributes.path(f).path("type").asText(),
                                typeName(o.attributes().get(f)));
                    }
                });
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = official.path("blocks").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            compareBlock(problems, e.getKey(), e.getValue(), schema.blocks().get(e.getKey()));
        }
        JsonNode timeouts = official.path("timeouts");
        Schema.NestedBlock block = schema.blocks().get("timeouts");
        if (timeouts.isNull() || timeouts.isMissingNode()) {
            check(problems, "timeouts", "block", false, block != null);
        } else if (block == null) {
            problems.add("timeouts: missing");
        } else {
            timeouts.fields().forEachRemaining(t -> {
                AttributeSchema op = block.schema().attributes().get(t.getKey());
                check(problems, "timeouts." + t.getKey(), "default", t.getValue().asText(),
                        op == null ? null : plain(op.defaultValue()));
            });
        }
        JsonNode dep = official.path("resource_deprecated");
        check(problems, "(resource)", "deprecated", dep.isNull() ? null : dep.asText(), resource != null
                ? resource.deprecation() : DataSources.deprecation(name));
        assertTrue(problems.isEmpty(), name + " differs from the official schema:\n  "
                + String.join("\n  ", problems));
    }

    /** A nested block: its nesting, its most items (null: unlimited) and each field's type and flags. */
    private static void compareBlock(List<String> problems, String name, JsonNode want, Schema.NestedBlock have) {
        if (have == null) {
            problems.add(name + ": block missing");
            return;
        }
        check(problems, name, "nesting", want.path("nesting").asText(), have.nesting().name().toLowerCase());
        Integer max = have.maxItems() <= 0 || have.maxItems() == Integer.MAX_VALUE ? null : have.maxItems();
        check(problems, name, "max", want.path("max").isNull() ? null : want.path("max").asInt(), max);
        for (Iterator<Map.Entry<String, JsonNode>> it = want.path("attributes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String field = name + "." + f.getKey();
            AttributeSchema a = have.schema().attributes().get(f.getKey());
            if (a == null) {
                problems.add(field + ": missing");
                continue;
            }
            JsonNode w = f.getValue();
            check(problems, field, "type", w.path("type").asText(), typeName(a.type()));
            check(problems, field, "required", w.path("required").asBoolean(), a.required());
            check(problems, field, "optional", w.path("optional").asBoolean(), a.optional());
            check(problems, field, "computed", w.path("computed").asBoolean(), a.computed());
            check(problems, field, "force_new", w.path("force_new").asBoolean(), a.forceNew());
            check(problems, field, "default", plain(w.path("default")), plain(a.defaultValue()));
        }
    }

    private static void check(List<String> problems, String attr, String what, Object want, Object have) {
        if (want == null ? have != null : !want.equals(have)) {
            problems.add(attr + ": " + what + " is " + have + ", official " + want);
        }
    }

    private static String typeName(Type t) {
        if (t instanceof Type.ListType l) {
            return "list(" + elementName(l.element()) + ")";
        }
        if (t instanceof Type.SetType s) {
            return "set(" + elementName(s.element()) + ")";
        }
        if (t instanceof Type.MapType m) {
            return "map(" + elementName(m.element()) + ")";
        }
        return elementName(t);
    }

    private static String elementName(Type t) {
        if (t instanceof Type.ObjectType) {
            return "object";
        }
        if (t == Type.STRING) {
            return "string";
        }
        if (t == Type.NUMBER) {
            return "number";
        }
        if (t == Type.BOOL) {
            return "bool";
        }
        return typeName(t);
    }

    private static String plain(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : n.isNumber() ? n.decimalValue()
                .stripTrailingZeros().toPlainString() : n.asText();
    }

    private static String plain(Value v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v instanceof StringValue s) {
            return s.value();
        }
        if (v instanceof BoolValue b) {
            return Boolean.toString(b.value());
        }
        if (v instanceof NumberValue n) {
            return n.value().stripTrailingZeros().toPlainString();
        }
        return v.toString();
    }
}
