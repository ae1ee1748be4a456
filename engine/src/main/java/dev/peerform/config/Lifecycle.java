package dev.peerform.config;

import dev.peerform.syntax.Expr;
import java.util.List;

/**
 * A resource's {@code lifecycle} block. {@code ignoreChanges} holds attribute paths (as written, for example
 * {@code tags["env"]}); {@code ignoreAllChanges} is {@code ignore_changes = all}.
 */
public record Lifecycle(boolean createBeforeDestroy, boolean preventDestroy, List<Expr.ScopeTraversal> ignoreChanges,
        boolean ignoreAllChanges, List<Expr> replaceTriggeredBy, List<Condition> preconditions,
        List<Condition> postconditions) {

    public static final Lifecycle DEFAULT = new Lifecycle(false, false, List.of(), false, List.of(), List.of(),
            List.of());
}
