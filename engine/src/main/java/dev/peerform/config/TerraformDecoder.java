package dev.peerform.config;

import dev.peerform.diag.Diagnostics;
import dev.peerform.lang.Evaluator;
import dev.peerform.syntax.Attribute;
import dev.peerform.syntax.Block;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.StringValue;
import dev.peerform.value.Value;
import java.util.Set;

/** {@code terraform}: required_providers and the backend (at most one per module). */
final class TerraformDecoder extends BlockDecoder {

    TerraformDecoder(Diagnostics diags, Evaluator constants) {
        super(diags, constants);
    }

    @Override
    void decode(Block block, ModuleParts into) {
        BodyCheck.only(block.body(), Set.of("required_version", "experiments"),
                Set.of("required_providers", "backend", "cloud", "encryption"), "in a terraform block", diags);
        block.body().attribute("required_version").ifPresent(a -> {
            String constraint = constantString(a);
            if (constraint != null) {
                RequiredVersion.check(constraint, a.expr().range(), diags);
            }
        });
        for (Block rp : block.body().blocks("required_providers")) {
            for (Attribute a : rp.body().attributes()) {
                Value v = constants.evaluate(a.expr(), diags);
                String source = a.name();
                if (v.unmarked() instanceof ObjectValue o && o.get("source") != null
                        && o.get("source").isKnown() && !o.get("source").isNull()) {
                    source = o.get("source").asString();
                } else if (v.unmarked() instanceof StringValue) {
                    source = a.name();
                }
                into.requiredProviders.put(a.name(), source);
            }
        }
        for (Block be : block.body().blocks("backend")) {
            if (!labels(be, 1, "backend type")) {
                continue;
            }
            if (into.backend != null) {
                diags.error("Duplicate backend configuration", "A module may have only one backend "
                        + "configuration. The backend was previously configured at " + into.backend.range() + ".",
                        be.headerRange());
                continue;
            }
            into.backend = new Backend(be.labels().get(0), be.body(), be.range());
        }
    }
}
