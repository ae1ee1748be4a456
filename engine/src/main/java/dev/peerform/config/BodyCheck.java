package dev.peerform.config;

import dev.peerform.diag.Diagnostics;
import dev.peerform.diag.Suggestions;
import dev.peerform.syntax.Attribute;
import dev.peerform.syntax.Block;
import dev.peerform.syntax.Body;
import java.util.Set;

/** Reports arguments and blocks that a block of the language does not accept, as Terraform words it. */
final class BodyCheck {

    private BodyCheck() {
    }

    static void only(Body body, Set<String> attributes, Set<String> blocks, String where, Diagnostics diags) {
        for (Attribute a : body.attributes()) {
            if (!attributes.contains(a.name())) {
                diags.error("Unsupported argument", "An argument named \"" + a.name() + "\" is not expected "
                        + where + "." + suggest(a.name(), attributes), a.nameRange());
            }
        }
        for (Block b : body.blocks()) {
            if (!blocks.contains(b.type())) {
                diags.error("Unsupported block type", "Blocks of type \"" + b.type() + "\" are not expected "
                        + where + "." + suggest(b.type(), blocks), b.typeRange());
            }
        }
    }

    static String suggest(String name, Set<String> candidates) {
        return Suggestions.didYouMean(name, candidates);
    }
}
