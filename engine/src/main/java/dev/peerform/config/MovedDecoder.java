package dev.peerform.config;

import dev.peerform.diag.Diagnostics;
import dev.peerform.lang.Evaluator;
import dev.peerform.syntax.Attribute;
import dev.peerform.syntax.Block;
import java.util.Set;

/** {@code moved { from = ADDRESS  to = ADDRESS }}. */
final class MovedDecoder extends BlockDecoder {

    MovedDecoder(Diagnostics diags, Evaluator constants) {
        super(diags, constants);
    }

    @Override
    void decode(Block block, ModuleParts into) {
        if (!labels(block, 0)) {
            return;
        }
        BodyCheck.only(block.body(), Set.of("from", "to"), Set.of(), "in a moved block", diags);
        Attribute from = required(block, "from");
        Attribute to = required(block, "to");
        String f = from == null ? null : AddressText.of(from, diags);
        String t = to == null ? null : AddressText.of(to, diags);
        if (f != null && t != null) {
            into.moved.add(new Moved(f, t, block.headerRange()));
        }
    }
}
