package dev.peerform.config;

import dev.peerform.diag.SourceRange;
import dev.peerform.syntax.Body;

/** A {@code provider} block; {@code alias} is null for the default configuration of that provider. */
public record ProviderConfig(String name, String alias, Body body, SourceRange range) {

    /** {@code alicloud} or {@code alicloud.b}, as a resource's {@code provider} argument names it. */
    public String key() {
        return alias == null ? name : name + "." + alias;
    }
}
