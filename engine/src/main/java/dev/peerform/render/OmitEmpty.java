package dev.peerform.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What Terraform's plan and state JSON leave out because Go writes them with omitempty: an empty list of
 * resources, map of outputs or variables, and so on, and in a map of expressions an expression that is neither a
 * constant nor a reference (Terraform's "empty" expression). Values (a resource's attributes, an output's value, a
 * default) are never looked into: an attribute may be called "outputs" and be empty on purpose.
 */
final class OmitEmpty {

    private static final Set<String> MEMBERS = Set.of("variables", "outputs", "resources", "child_modules",
            "resource_changes", "output_changes", "provider_config", "module_calls", "expressions",
            "count_expression", "for_each_expression");
    private static final Set<String> VALUES = Set.of("values", "value", "before", "after", "after_unknown",
            "before_sensitive", "after_sensitive", "sensitive_values", "default", "constant_value", "type");

    private OmitEmpty() {
    }

    static void apply(JsonNode node) {
        if (node.isArray()) {
            node.forEach(OmitEmpty::apply);
            return;
        }
        if (!(node instanceof ObjectNode o)) {
            return;
        }
        if (o.get("expressions") instanceof ObjectNode e) {
            List<String> empty = new ArrayList<>();
            e.fields().forEachRemaining(f -> {
                if (f.getValue().isObject() && f.getValue().isEmpty()) {
                    empty.add(f.getKey());
                }
            });
            e.remove(empty);
        }
        List<String> drop = new ArrayList<>();
        o.fields().forEachRemaining(f -> {
            if (VALUES.contains(f.getKey())) {
                return;
            }
            apply(f.getValue());
            if (MEMBERS.contains(f.getKey()) && f.getValue().isContainerNode() && f.getValue().isEmpty()) {
                drop.add(f.getKey());
            }
        });
        o.remove(drop);
    }
}
