package dev.peerform.config;

import dev.peerform.diag.Diagnostics;
import dev.peerform.diag.SourceRange;
import dev.peerform.lang.Evaluator;
import dev.peerform.syntax.Attribute;
import dev.peerform.syntax.Block;
import java.util.Set;

/** {@code locals}: each name defined once across the module's files. */
final class LocalsDecoder extends BlockDecoder {

    LocalsDecoder(Diagnostics diags, Evaluator constants) {
        super(diags, constants);
    }

    @Override
    void decode(Block block, ModuleParts into) {
        BodyCheck.only(block.body(), Set.copyOf(block.body().attributes().stream().map(Attribute::name)
                .toList()), Set.of(), "in a locals block", diags);
        for (Attribute a : block.body().attributes()) {
            SourceRange before = into.localRanges.putIfAbsent(a.name(), a.nameRange());
            if (before != null) {
                diags.error("Duplicate local value definition", "A local value named \"" + a.name()
                        + "\" was already defined at " + before + ". Local value names must be unique within a "
                        + "module.", a.nameRange());
                continue;
            }
            into.locals.put(a.name(), a.expr());
        }
    }
}
