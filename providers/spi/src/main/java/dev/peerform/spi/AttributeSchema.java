package dev.peerform.spi;

import dev.peerform.value.Type;
import dev.peerform.value.Value;

/**
 * One attribute of a resource, data source or provider configuration. {@code required} and {@code optional} are
 * set by the user; {@code computed} is set by the provider (both optional and computed: the provider fills it
 * when the user does not). A change to a {@code forceNew} attribute replaces the resource. A sensitive attribute is
 * never shown.
 */
public record AttributeSchema(Type type, boolean required, boolean optional, boolean computed, boolean forceNew,
        boolean sensitive, Value defaultValue, String description) {

    public static AttributeSchema required(Type type) {
        return new AttributeSchema(type, true, false, false, false, false, null, "");
    }

    public static AttributeSchema optional(Type type) {
        return new AttributeSchema(type, false, true, false, false, false, null, "");
    }

    public static AttributeSchema computed(Type type) {
        return new AttributeSchema(type, false, false, true, false, false, null, "");
    }

    public AttributeSchema alsoComputed() {
        return new AttributeSchema(type, required, optional, true, forceNew, sensitive, defaultValue, description);
    }

    public AttributeSchema forcesNew() {
        return new AttributeSchema(type, required, optional, computed, true, sensitive, defaultValue, description);
    }

    public AttributeSchema asSensitive() {
        return new AttributeSchema(type, required, optional, computed, forceNew, true, defaultValue, description);
    }

    public AttributeSchema withDefault(Value v) {
        return new AttributeSchema(type, required, optional, computed, forceNew, sensitive, v, description);
    }

    public AttributeSchema describedAs(String text) {
        return new AttributeSchema(type, required, optional, computed, forceNew, sensitive, defaultValue, text);
    }
}
