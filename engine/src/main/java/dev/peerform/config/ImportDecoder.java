package dev.peerform.config;

import dev.peerform.diag.Diagnostics;
import dev.peerform.lang.Evaluator;
import dev.peerform.syntax.Attribute;
import dev.peerform.syntax.Block;
import dev.peerform.syntax.Expr;
import java.util.Set;

/** {@code import { to = ADDRESS  id = STRING  for_each = ...  provider = NAME.ALIAS }}. */
final class ImportDecoder extends BlockDecoder {

    ImportDecoder(Diagnostics diags, Evaluator constants) {
        super(diags, constants);
    }

    @Override
    void decode(Block block, ModuleParts into) {
        if (!labels(block, 0)) {
            return;
        }
        BodyCheck.only(block.body(), Set.of("to", "id", "for_each", "provider", "identity"), Set.of(),
                "in an import block", diags);
        Attribute to = required(block, "to");
        Attribute id = required(block, "id");
        if (to == null || id == null) {
            return;
        }
        if (!(to.expr() instanceof Expr.ScopeTraversal || to.expr() instanceof Expr.Index)) {
            diags.error("Invalid import address", "The \"to\" argument must be a resource instance address, like "
                    + "terraform_data.a or terraform_data.a[each.key].", to.expr().range());
            return;
        }
        String provider = block.body().attribute("provider").map(this::providerRef).orElse(null);
        into.imports.add(new Import(to.expr(), id.expr(),
                block.body().attribute("for_each").map(Attribute::expr).orElse(null), provider,
                block.headerRange()));
    }
}
