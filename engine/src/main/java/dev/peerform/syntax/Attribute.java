package dev.peerform.syntax;

import dev.peerform.diag.SourceRange;

/** {@code name = expr}. */
public record Attribute(String name, Expr expr, SourceRange nameRange, SourceRange range) {
}
