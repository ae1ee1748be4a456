package dev.peerform.hashicorp;

import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.ConfiguredProvider;
import dev.peerform.spi.ProviderFactory;
import dev.peerform.spi.ResourceType;
import dev.peerform.spi.Schema;
import dev.peerform.value.ObjectValue;
import java.nio.file.Path;
import java.util.Map;

/** HashiCorp's {@code null} provider ({@code hashicorp/null}): {@code null_resource}. */
public final class NullProvider implements ProviderFactory {

    private final Map<String, LocalResource> types = Map.of(NullResource.TYPE, new NullResource());

    @Override
    public String name() {
        return "null";
    }

    @Override
    public String source() {
        return "hashicorp/null";
    }

    @Override
    public Schema configSchema() {
        return Schema.builder().build();
    }

    @Override
    public Map<String, ResourceType> resourceTypes() {
        return Map.copyOf(types);
    }

    @Override
    public ConfiguredProvider configure(String key, ObjectValue config, Path workingDir, Map<String, String> env,
            Diagnostics diags) {
        return new LocalProvider(types);
    }
}
