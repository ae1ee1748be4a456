package dev.peerform.config;

import dev.peerform.diag.Diagnostics;
import dev.peerform.lang.Evaluator;
import dev.peerform.syntax.Block;

/** {@code provider}: one default and any aliased configurations per provider name. */
final class ProviderDecoder extends BlockDecoder {

    ProviderDecoder(Diagnostics diags, Evaluator constants) {
        super(diags, constants);
    }

    @Override
    void decode(Block block, ModuleParts into) {
        if (!labels(block, 1, "provider name")) {
            return;
        }
        String alias = block.body().attribute("alias").map(this::constantString).orElse(null);
        ProviderConfig p = new ProviderConfig(block.labels().get(0), alias, block.body(), block.range());
        ProviderConfig before = into.providers.putIfAbsent(p.key(), p);
        if (before != null) {
            String which = alias == null ? "A default (non-aliased) provider configuration"
                    : "A provider configuration with alias \"" + alias + "\"";
            diags.error("Duplicate provider configuration", which + " for \"" + p.name() + "\" was already "
                    + "given at " + before.range() + ". If multiple configurations are required, set the "
                    + "\"alias\" argument for alternative configurations.", block.headerRange());
        }
    }
}
