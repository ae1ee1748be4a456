package dev.peerform.alicloud.resources;

import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.AttributeSchema;
import dev.peerform.spi.Schema;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A resource's schema written as the official provider declares it, flag by flag (R required, O optional,
 * C computed, F force-new, S sensitive), with the deprecation messages Terraform prints word for word and the
 * {@code timeouts} block with its defaults.
 */
final class OfficialSchema {

    /** Terraform's summary for a deprecated argument; the detail is the provider's message. */
    static final String DEPRECATED_ARGUMENT = "Argument is deprecated";
    /** Terraform's summary for a deprecated resource type. */
    static final String DEPRECATED_RESOURCE = "Deprecated Resource";

    private final Schema.Builder builder = Schema.builder();
    private final Map<String, String> deprecated = new LinkedHashMap<>();
    private final Map<String, String> timeouts = new LinkedHashMap<>();

    OfficialSchema attr(String name, Type type, String flags) {
        return attr(name, type, flags, null);
    }

    OfficialSchema attr(String name, Type type, String flags, Value defaultValue) {
        AttributeSchema a = new AttributeSchema(type, flags.contains("R"), flags.contains("O"), flags.contains("C"),
                flags.contains("F"), flags.contains("S"), defaultValue, "");
        builder.attribute(name, a);
        return this;
    }

    OfficialSchema deprecated(String name, Type type, String flags, String message) {
        deprecated.put(name, message);
        return attr(name, type, flags);
    }

    /** A nested block the configuration may write ({@code data_disks { ... }}), its fields declared the same way. */
    OfficialSchema block(String name, Schema.Nesting nesting, int maxItems, OfficialSchema fields) {
        builder.block(name, new Schema.NestedBlock(nesting, fields.build(), 0, maxItems));
        return this;
    }

    /** The {@code timeouts} block: its operations and their defaults ("10m"). */
    OfficialSchema timeouts(String... operationAndDefault) {
        for (int i = 0; i < operationAndDefault.length; i += 2) {
            timeouts.put(operationAndDefault[i], operationAndDefault[i + 1]);
        }
        builder.block("timeouts", timeoutsBlock(timeouts));
        return this;
    }

    /** Operations and their default durations, in the order given: ("create", "5m", "delete", "5m"). */
    static Map<String, String> durations(String... operationAndDefault) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < operationAndDefault.length; i += 2) {
            out.put(operationAndDefault[i], operationAndDefault[i + 1]);
        }
        return Collections.unmodifiableMap(out);
    }

    /** A {@code timeouts} block whose operations default to the given durations ("create" -> "5m"). */
    static Schema.NestedBlock timeoutsBlock(Map<String, String> defaults) {
        Schema.Builder b = Schema.builder();
        defaults.forEach((op, d) -> b.attribute(op, AttributeSchema.optional(Type.STRING).withDefault(Value.of(d))));
        return new Schema.NestedBlock(Schema.Nesting.SINGLE, b.build(), 0, 1);
    }

    Schema build() {
        return builder.build();
    }

    Map<String, String> deprecations() {
        return Collections.unmodifiableMap(deprecated);
    }

    Map<String, String> timeoutDefaults() {
        return Collections.unmodifiableMap(timeouts);
    }

    /** Terraform's deprecation warning for each deprecated argument the configuration sets. */
    static void warnDeprecated(ObjectValue config, Map<String, String> deprecations, Diagnostics diags) {
        deprecations.forEach((name, message) -> {
            Value v = config.get(name);
            if (v != null && !v.isNull()) {
                diags.add(Diagnostic.warning(DEPRECATED_ARGUMENT, message, null).withAttribute(name));
            }
        });
    }
}
