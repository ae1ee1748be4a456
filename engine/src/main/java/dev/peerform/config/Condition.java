package dev.peerform.config;

import dev.peerform.diag.SourceRange;
import dev.peerform.syntax.Expr;

/** A {@code precondition} or {@code postcondition} block: the condition must be true, or the message is an error. */
public record Condition(Expr condition, Expr errorMessage, SourceRange range) {
}
