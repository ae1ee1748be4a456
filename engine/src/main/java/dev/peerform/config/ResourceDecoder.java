package dev.peerform.config;

import dev.peerform.diag.Diagnostics;
import dev.peerform.lang.Evaluator;
import dev.peerform.syntax.Attribute;
import dev.peerform.syntax.Block;
import dev.peerform.syntax.Body;
import dev.peerform.syntax.Expr;
import java.util.List;
import java.util.Set;

/**
 * {@code resource} and {@code data}: the meta-arguments (count, for_each, provider, depends_on, lifecycle) taken
 * out, the provider's own arguments left in the body for the provider's schema.
 */
final class ResourceDecoder extends BlockDecoder {

    private static final Set<String> META = Set.of("count", "for_each", "depends_on", "provider", "lifecycle");

    private final Resource.Mode mode;

    ResourceDecoder(Diagnostics diags, Evaluator constants, Resource.Mode mode) {
        super(diags, constants);
        this.mode = mode;
    }

    @Override
    void decode(Block block, ModuleParts into) {
        if (!labels(block, 2, mode == Resource.Mode.DATA ? "data source type" : "resource type",
                mode == Resource.Mode.DATA ? "data source name" : "resource name")) {
            return;
        }
        String type = block.labels().get(0);
        String name = block.labels().get(1);
        Body body = block.body();
        Expr count = body.attribute("count").map(Attribute::expr).orElse(null);
        Expr forEach = body.attribute("for_each").map(Attribute::expr).orElse(null);
        if (count != null && forEach != null) {
            diags.error("Invalid combination of \"count\" and \"for_each\"", "The \"count\" and \"for_each\" "
                    + "meta-arguments are mutually-exclusive, only one should be used to be explicit about the "
                    + "number of resources to be created.", forEach.range());
        }
        String provider = body.attribute("provider").map(this::providerRef)
                .orElse(Resource.impliedProvider(type));
        List<Expr.ScopeTraversal> dependsOn = body.attribute("depends_on").map(this::traversalList)
                .orElse(List.of());
        Lifecycle lifecycle = Lifecycle.DEFAULT;
        List<Block> lifecycles = body.blocks("lifecycle");
        if (lifecycles.size() > 1) {
            diags.error("Duplicate lifecycle block", "This resource already has a lifecycle block at "
                    + lifecycles.get(0).range() + ".", lifecycles.get(1).typeRange());
        }
        if (!lifecycles.isEmpty()) {
            lifecycle = lifecycle(lifecycles.get(0));
        }
        Body own = new Body(body.attributes().stream().filter(a -> !META.contains(a.name())).toList(),
                body.blocks().stream().filter(b -> !b.type().equals("lifecycle")).toList(), body.range());
        Resource r = new Resource(mode, type, name, provider, count, forEach, dependsOn, lifecycle, own,
                block.headerRange());
        Resource before = into.resources.putIfAbsent(r.address(), r);
        if (before != null) {
            String kind = mode == Resource.Mode.DATA ? "data" : "resource";
            diags.error("Duplicate " + kind + " \"" + type + "\" configuration", "A " + type + " " + kind
                    + " named \"" + name + "\" was already declared at " + before.range() + ". Resource names "
                    + "must be unique per type in each module.", block.headerRange());
        }
    }

    private Lifecycle lifecycle(Block block) {
        Body b = block.body();
        BodyCheck.only(b, Set.of("create_before_destroy", "prevent_destroy", "ignore_changes",
                "replace_triggered_by"), Set.of("precondition", "postcondition"), "in a lifecycle block", diags);
        boolean cbd = b.attribute("create_before_destroy").map(a -> constantBool(a, false)).orElse(false);
        boolean prevent = b.attribute("prevent_destroy").map(a -> constantBool(a, false)).orElse(false);
        List<Expr.ScopeTraversal> ignore = List.of();
        boolean ignoreAll = false;
        if (b.attribute("ignore_changes").isPresent()) {
            Expr e = b.attribute("ignore_changes").get().expr();
            if (e instanceof Expr.ScopeTraversal t && t.root().equals("all") && t.steps().isEmpty()) {
                ignoreAll = true;
            } else {
                ignore = traversalList(b.attribute("ignore_changes").get());
            }
        }
        List<Expr> replaceTriggeredBy = b.attribute("replace_triggered_by")
                .map(a -> a.expr() instanceof Expr.TupleCons t ? t.elements() : List.of(a.expr()))
                .orElse(List.of());
        return new Lifecycle(cbd, prevent, ignore, ignoreAll, replaceTriggeredBy, conditions(b, "precondition"),
                conditions(b, "postcondition"));
    }
}
