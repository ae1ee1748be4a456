package dev.peerform.spi;

import dev.peerform.value.Type;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The attributes and nested blocks a resource, data source or provider configuration accepts. */
public record Schema(Map<String, AttributeSchema> attributes, Map<String, NestedBlock> blocks) {

    public Schema {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        blocks = Collections.unmodifiableMap(new LinkedHashMap<>(blocks));
    }

    /** A nested block type: how many there may be, and their own schema. */
    public record NestedBlock(Nesting nesting, Schema schema, int minItems, int maxItems) {
    }

    public enum Nesting { SINGLE, LIST, SET }

    public static Builder builder() {
        return new Builder();
    }

    /** The object type of a value decoded with this schema. */
    public Type.ObjectType type() {
        TreeMap<String, Type> types = new TreeMap<>();
        attributes.forEach((k, a) -> types.put(k, a.type()));
        blocks.forEach((k, b) -> types.put(k, switch (b.nesting()) {
            case SINGLE -> b.schema().type();
            case LIST -> Type.list(b.schema().type());
            case SET -> Type.set(b.schema().type());
        }));
        return new Type.ObjectType(types, java.util.Set.of());
    }

    public static final class Builder {
        private final Map<String, AttributeSchema> attributes = new LinkedHashMap<>();
        private final Map<String, NestedBlock> blocks = new LinkedHashMap<>();

        public Builder attribute(String name, AttributeSchema a) {
            attributes.put(name, a);
            return this;
        }

        public Builder block(String name, NestedBlock b) {
            blocks.put(name, b);
            return this;
        }

        public Schema build() {
            return new Schema(attributes, blocks);
        }
    }
}
