package dev.peerform.render;

import dev.peerform.lang.Hcl;
import dev.peerform.planner.Imports;
import dev.peerform.spi.AttributeSchema;
import dev.peerform.value.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code plan -generate-config-out}: a resource block for each import target that has none, laid out as
 * Terraform lays it out: a header, then per block a comment with the id it comes from and every argument the
 * configuration may set (sorted, aligned on "="), with the value read from the cloud.
 */
public final class GeneratedConfig {

    private GeneratedConfig() {
    }

    public static String text(List<Imports.Generated> targets) {
        StringBuilder b = new StringBuilder("# __generated__ by peerform\n# Please review these resources and move "
                + "them into your main configuration files.\n");
        for (Imports.Generated g : targets) {
            b.append("\n# __generated__ by peerform from ").append(Hcl.expression(Value.of(g.id()), 0)).append('\n');
            b.append("resource \"").append(g.address().resource().type()).append("\" \"")
                    .append(g.address().resource().name()).append("\" {\n");
            Map<String, String> args = new LinkedHashMap<>();
            Map<String, AttributeSchema> sorted = new TreeMap<>(g.schema().attributes());
            sorted.forEach((name, a) -> {
                if (a.required() || a.optional()) {
                    Value v = g.object().get(name);
                    args.put(name, Hcl.expression(v == null ? Value.NULL : v, 2));
                }
            });
            b.append(Hcl.attributes(args, 2)).append("}\n");
        }
        return b.toString();
    }
}
