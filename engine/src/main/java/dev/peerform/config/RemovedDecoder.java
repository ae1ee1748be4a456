package dev.peerform.config;

import dev.peerform.diag.Diagnostics;
import dev.peerform.lang.Evaluator;
import dev.peerform.syntax.Attribute;
import dev.peerform.syntax.Block;
import java.util.Set;

/** {@code removed { from = ADDRESS  lifecycle { destroy = BOOL } }}: destroy is true unless said otherwise. */
final class RemovedDecoder extends BlockDecoder {

    RemovedDecoder(Diagnostics diags, Evaluator constants) {
        super(diags, constants);
    }

    @Override
    void decode(Block block, ModuleParts into) {
        if (!labels(block, 0)) {
            return;
        }
        BodyCheck.only(block.body(), Set.of("from"), Set.of("lifecycle", "provisioner", "connection"),
                "in a removed block", diags);
        Attribute from = required(block, "from");
        String f = from == null ? null : AddressText.of(from, diags);
        boolean destroy = true;
        for (Block lc : block.body().blocks("lifecycle")) {
            BodyCheck.only(lc.body(), Set.of("destroy"), Set.of(), "in the lifecycle block of a removed block",
                    diags);
            Attribute d = lc.body().attribute("destroy").orElse(null);
            if (d != null) {
                destroy = constantBool(d, true);
            }
        }
        if (f == null) {
            return;
        }
        if (f.endsWith("]")) {
            diags.error("Resource instance keys not allowed", "Resource addresses in \"removed\" blocks must not "
                    + "have instance keys: the block removes every instance of the resource.", from.expr().range());
            return;
        }
        into.removed.add(new Removed(f, destroy, block.headerRange()));
    }
}
