package dev.peerform.config;

import dev.peerform.diag.SourceRange;

/**
 * A {@code moved} block: the object once at {@code from} is now at {@code to}. Both are addresses relative to the
 * module the block is in, as written ({@code aws_x.a[0]}, {@code module.net["k"]}).
 */
public record Moved(String from, String to, SourceRange range) {
}
