package dev.peerform.render;

import dev.peerform.lang.Hcl;
import dev.peerform.planner.Imports;
import dev.peerform.render.hcl.ConfigWriter;
import dev.peerform.render.hcl.KnownObject;
import dev.peerform.render.hcl.Style;
import dev.peerform.render.hcl.WrittenBlock;
import dev.peerform.spi.Reference;
import dev.peerform.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code plan -generate-config-out}: a resource block for each import target that has none, laid out as
 * Terraform lays it out: a header, then per block a comment with the id it comes from and every argument the
 * configuration may set (sorted, aligned on "="), with the value read from the cloud; an id of another object in
 * the configuration or among the targets is written as a reference to it.
 */
public final class GeneratedConfig {

    private GeneratedConfig() {
    }

    /** {@code deprecated}: a type's deprecated arguments, left out (one of them often conflicts with its successor). */
    public static String text(List<Imports.Generated> targets, List<Reference> references, List<KnownObject> known,
            Function<String, Set<String>> deprecated) {
        List<WrittenBlock> blocks = new ArrayList<>();
        for (Imports.Generated g : targets) {
            blocks.add(new WrittenBlock(g.address().resource().type(), g.address().resource().name(), g.providerKey(), g.id(),
                    g.schema(), g.object(), deprecated.apply(g.address().resource().type())));
        }
        ConfigWriter writer = new ConfigWriter(Style.EVERY_ARGUMENT, references, blocks, known);
        StringBuilder b = new StringBuilder("# __generated__ by peerform\n# Please review these resources and move "
                + "them into your main configuration files.\n");
        for (WrittenBlock w : blocks) {
            b.append('\n').append(writer.resource(w, "# __generated__ by peerform from "
                    + Hcl.expression(Value.of(w.importId()), 0)));
        }
        return ConfigWriter.formatted(b.toString());
    }
}
