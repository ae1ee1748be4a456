package dev.peerform.config;

import dev.peerform.diag.Diagnostics;
import dev.peerform.lang.Evaluator;
import dev.peerform.syntax.Block;
import java.util.List;
import java.util.Set;

/** {@code check "name" { data "t" "n" { ... }  assert { condition  error_message } ... }}. */
final class CheckDecoder extends BlockDecoder {

    private final ResourceDecoder data;

    CheckDecoder(Diagnostics diags, Evaluator constants) {
        super(diags, constants);
        this.data = new ResourceDecoder(diags, constants, Resource.Mode.DATA);
    }

    @Override
    void decode(Block block, ModuleParts into) {
        if (!labels(block, 1, "check name")) {
            return;
        }
        BodyCheck.only(block.body(), Set.of(), Set.of("assert", "data"), "in a check block", diags);
        List<Condition> asserts = conditions(block.body(), "assert");
        if (asserts.isEmpty()) {
            diags.error("Missing assert block", "A check block needs at least one assert block.",
                    block.headerRange());
        }
        String scoped = null;
        List<Block> nested = block.body().blocks("data");
        if (nested.size() > 1) {
            diags.error("Multiple data resource blocks", "A check block may declare only one data source.",
                    nested.get(1).headerRange());
        }
        if (!nested.isEmpty() && nested.get(0).labels().size() == 2) {
            data.decode(nested.get(0), into);
            scoped = "data." + nested.get(0).labels().get(0) + "." + nested.get(0).labels().get(1);
        }
        for (Check c : into.checks) {
            if (c.name().equals(block.labels().get(0))) {
                diags.error("Duplicate check block", "A check block named \"" + c.name() + "\" was already "
                        + "defined at " + c.range() + ".", block.headerRange());
                return;
            }
        }
        into.checks.add(new Check(block.labels().get(0), asserts, scoped, block.headerRange()));
    }
}
