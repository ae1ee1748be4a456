package dev.peerform.config;

import dev.peerform.diag.SourceRange;
import dev.peerform.syntax.Body;

/** {@code terraform { backend "local" { ... } }}. */
public record Backend(String type, Body body, SourceRange range) {
}
