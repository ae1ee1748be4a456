package dev.peerform.config;

import dev.peerform.diag.Diagnostics;
import dev.peerform.lang.Evaluator;
import dev.peerform.syntax.Attribute;
import dev.peerform.syntax.Block;
import dev.peerform.syntax.Body;
import dev.peerform.syntax.Expr;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code module}: a local source path, the arguments for the child's variables, the providers map. */
final class ModuleCallDecoder extends BlockDecoder {

    ModuleCallDecoder(Diagnostics diags, Evaluator constants) {
        super(diags, constants);
    }

    @Override
    void decode(Block block, ModuleParts into) {
        if (!labels(block, 1, "module name")) {
            return;
        }
        Body body = block.body();
        Attribute sourceAttr = required(block, "source");
        String source = sourceAttr == null ? null : constantString(sourceAttr);
        if (source != null && !(source.startsWith("./") || source.startsWith("../"))) {
            diags.error("Unsupported module source", "peerform loads modules from local paths only (starting "
                    + "with ./ or ../); \"" + source + "\" is not one. Copy the module into the repository and "
                    + "refer to it by its path.", sourceAttr.expr().range());
            source = null;
        }
        Map<String, Attribute> arguments = new LinkedHashMap<>();
        Set<String> meta = Set.of("source", "version", "count", "for_each", "depends_on", "providers");
        for (Attribute a : body.attributes()) {
            if (!meta.contains(a.name())) {
                arguments.put(a.name(), a);
            }
        }
        for (Block nested : body.blocks()) {
            diags.error("Unsupported block type", "Blocks of type \"" + nested.type() + "\" are not expected "
                    + "in a module block.", nested.typeRange());
        }
        Map<String, String> providerMap = new LinkedHashMap<>();
        body.attribute("providers").ifPresent(a -> {
            if (a.expr() instanceof Expr.ObjectCons o) {
                for (Expr.ObjectItem item : o.items()) {
                    String child = item.key() instanceof Expr.ScopeTraversal t ? t.text() : null;
                    String parent = item.value() instanceof Expr.ScopeTraversal t ? t.text() : null;
                    if (child == null || parent == null) {
                        diags.error("Invalid providers argument", "Each element of \"providers\" maps a "
                                + "provider name in the child module to one in this module, like "
                                + "{ alicloud = alicloud.b }.", item.value().range());
                    } else {
                        providerMap.put(child, parent);
                    }
                }
            } else {
                diags.error("Invalid providers argument", "The \"providers\" argument must be an object such "
                        + "as { alicloud = alicloud.b }.", a.expr().range());
            }
        });
        ModuleCall call = new ModuleCall(block.labels().get(0), source,
                body.attribute("count").map(Attribute::expr).orElse(null),
                body.attribute("for_each").map(Attribute::expr).orElse(null), arguments, providerMap,
                body.attribute("depends_on").map(this::traversalList).orElse(List.of()), block.headerRange());
        ModuleCall before = into.moduleCalls.putIfAbsent(call.name(), call);
        if (before != null) {
            diags.error("Duplicate module call", "A module call named \"" + call.name() + "\" was already "
                    + "defined at " + before.range() + ". Module calls must have unique names within a module.",
                    block.headerRange());
        }
    }
}
