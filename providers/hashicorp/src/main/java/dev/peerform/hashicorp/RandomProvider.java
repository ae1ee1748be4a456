package dev.peerform.hashicorp;

import dev.peerform.diag.Diagnostics;
import dev.peerform.spi.ConfiguredProvider;
import dev.peerform.spi.ProviderFactory;
import dev.peerform.spi.ResourceType;
import dev.peerform.spi.Schema;
import dev.peerform.value.ObjectValue;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** HashiCorp's {@code random} provider ({@code hashicorp/random}): ids, strings, passwords, integers, shuffles. */
public final class RandomProvider implements ProviderFactory {

    private final Map<String, LocalResource> types = new TreeMap<>();

    public RandomProvider() {
        for (LocalResource r : new LocalResource[] {new RandomId(), new RandomString(false), new RandomString(true),
                new RandomInteger(), new RandomShuffle()}) {
            types.put(r.name(), r);
        }
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public String source() {
        return "hashicorp/random";
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
