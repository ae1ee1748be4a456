package dev.peerform.config;

import dev.peerform.diag.SourceRange;
import dev.peerform.syntax.Attribute;
import dev.peerform.syntax.Expr;
import java.util.List;
import java.util.Map;

/** A {@code module} block calling a child module from a local path. */
public record ModuleCall(String name, String source, Expr count, Expr forEach, Map<String, Attribute> arguments,
        Map<String, String> providers, List<Expr.ScopeTraversal> dependsOn, SourceRange range) {
}
