package dev.peerform.render;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerform.lang.ValueJson;
import dev.peerform.spi.AttributeSchema;
import dev.peerform.spi.ProviderFactory;
import dev.peerform.spi.Schema;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code providers schema -json} in Terraform's format (format_version 1.0): per provider source address its
 * configuration block, resource and data source schemas, each a block of attributes (type, description,
 * required/optional/computed, sensitive) and nested block types (nesting_mode, min/max items). Editors and
 * linters that read Terraform's output read peerform's the same way.
 */
public final class ProviderSchemaJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ProviderSchemaJson() {
    }

    /** {@code providers}: source address to the provider's factory. */
    public static ObjectNode of(Map<String, ProviderFactory> providers) {
        ObjectNode root = F.objectNode();
        root.put("format_version", "1.0");
        ObjectNode schemas = root.putObject("provider_schemas");
        new TreeMap<>(providers).forEach((address, p) -> {
            ObjectNode n = schemas.putObject(address);
            n.set("provider", versioned(p.configSchema()));
            ObjectNode resources = F.objectNode();
            new TreeMap<>(p.resourceTypes()).forEach((name, t) -> resources.set(name, versioned(t.schema())));
            if (!resources.isEmpty()) {
                n.set("resource_schemas", resources);
            }
            ObjectNode data = F.objectNode();
            new TreeMap<>(p.dataSourceTypes()).forEach((name, t) -> data.set(name, versioned(t.schema())));
            if (!data.isEmpty()) {
                n.set("data_source_schemas", data);
            }
        });
        return root;
    }

    private static ObjectNode versioned(Schema s) {
        ObjectNode n = F.objectNode();
        n.put("version", 0);
        if (!s.attributes().isEmpty() || !s.blocks().isEmpty()) {
            n.set("block", block(s)); // Terraform leaves an empty block out (the terraform provider's)
        }
        return n;
    }

    private static ObjectNode block(Schema s) {
        ObjectNode b = F.objectNode();
        if (!s.attributes().isEmpty()) {
            ObjectNode attrs = b.putObject("attributes");
            new TreeMap<>(s.attributes()).forEach((name, a) -> attrs.set(name, attribute(a)));
        }
        if (!s.blocks().isEmpty()) {
            ObjectNode types = b.putObject("block_types");
            new TreeMap<>(s.blocks()).forEach((name, nb) -> {
                ObjectNode t = types.putObject(name);
                t.put("nesting_mode", nb.nesting().name().toLowerCase(Locale.ROOT));
                t.set("block", block(nb.schema()));
                if (nb.minItems() > 0) {
                    t.put("min_items", nb.minItems());
                }
                if (nb.maxItems() > 0) {
                    t.put("max_items", nb.maxItems());
                }
            });
        }
        b.put("description_kind", "plain");
        return b;
    }

    private static ObjectNode attribute(AttributeSchema a) {
        ObjectNode n = F.objectNode();
        n.set("type", ValueJson.type(a.type()));
        if (a.description() != null && !a.description().isEmpty()) {
            n.put("description", a.description());
        }
        n.put("description_kind", "plain");
        if (a.required()) {
            n.put("required", true);
        }
        if (a.optional()) {
            n.put("optional", true);
        }
        if (a.computed()) {
            n.put("computed", true);
        }
        if (a.sensitive()) {
            n.put("sensitive", true);
        }
        return n;
    }
}
