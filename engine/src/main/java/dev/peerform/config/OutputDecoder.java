package dev.peerform.config;

import dev.peerform.diag.Diagnostics;
import dev.peerform.lang.Evaluator;
import dev.peerform.syntax.Attribute;
import dev.peerform.syntax.Block;
import dev.peerform.syntax.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code output}: value, description, sensitivity, depends_on and preconditions. */
final class OutputDecoder extends BlockDecoder {

    OutputDecoder(Diagnostics diags, Evaluator constants) {
        super(diags, constants);
    }

    @Override
    void decode(Block block, ModuleParts into) {
        if (!labels(block, 1, "output name")) {
            return;
        }
        BodyCheck.only(block.body(), Set.of("value", "description", "sensitive", "depends_on", "ephemeral"),
                Set.of("precondition"), "in an output block", diags);
        Attribute value = required(block, "value");
        String description = block.body().attribute("description").map(this::constantString)
                .orElse(null);
        boolean sensitive = block.body().attribute("sensitive").map(a -> constantBool(a, false)).orElse(false);
        List<Expr> dependsOn = new ArrayList<>(block.body().attribute("depends_on").map(this::traversalList)
                .orElse(List.of()));
        Output o = new Output(block.labels().get(0), value == null ? null : value.expr(), description, sensitive,
                dependsOn, conditions(block.body(), "precondition"), block.headerRange());
        Output before = into.outputs.putIfAbsent(o.name(), o);
        if (before != null) {
            diags.error("Duplicate output definition", "An output named \"" + o.name() + "\" was already "
                    + "defined at " + before.range() + ". Output names must be unique within a module.",
                    block.headerRange());
        }
    }
}
