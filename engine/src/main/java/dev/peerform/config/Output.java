package dev.peerform.config;

import dev.peerform.diag.SourceRange;
import dev.peerform.syntax.Expr;
import java.util.List;

/** An {@code output} block. */
public record Output(String name, Expr value, String description, boolean sensitive, List<Expr> dependsOn,
        List<Condition> preconditions, SourceRange range) {
}
