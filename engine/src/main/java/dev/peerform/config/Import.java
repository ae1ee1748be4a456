package dev.peerform.config;

import dev.peerform.diag.SourceRange;
import dev.peerform.syntax.Expr;

/**
 * An {@code import} block: the existing object {@code id} becomes the instance {@code to} (an address, whose
 * index may use {@code each.key} with {@code for_each}); {@code provider} names a configuration other than the
 * resource's.
 */
public record Import(Expr to, Expr id, Expr forEach, String provider, SourceRange range) {
}
