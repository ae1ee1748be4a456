package dev.peerform.config;

import dev.peerform.diag.SourceRange;

/**
 * A {@code removed} block: the resource (or module) at {@code from} left the configuration; {@code destroy} false
 * forgets its objects (the state lets go of them, the cloud keeps them), true destroys them.
 */
public record Removed(String from, boolean destroy, SourceRange range) {
}
