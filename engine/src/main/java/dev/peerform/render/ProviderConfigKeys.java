package dev.peerform.render;

import dev.peerform.config.Module;
import dev.peerform.config.ModuleCall;
import dev.peerform.config.ProviderConfig;
import dev.peerform.config.Resource;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The keys of plan JSON's {@code configuration.provider_config}, as Terraform forms them: a provider a module
 * uses is {@code MODULE:NAME} ({@code module.c:terraform}); when the module gets it from its caller (passed in
 * {@code providers}, or inherited because the caller has one of that name) its resources name the caller's
 * configuration instead and the module's own key is not listed. A module whose caller has none keeps its own.
 */
final class ProviderConfigKeys {

    /** One listed configuration; {@code module} is null for the root's. */
    record Entry(String key, String name, String alias, String module) {
    }

    private final Map<String, Entry> listed = new TreeMap<>();
    private final Map<String, String> source = new HashMap<>();

    private ProviderConfigKeys() {
    }

    static ProviderConfigKeys of(Module root) {
        ProviderConfigKeys keys = new ProviderConfigKeys();
        keys.walk(root, "", null, null);
        return keys;
    }

    /** The configurations listed, by key. */
    Map<String, Entry> listed() {
        return listed;
    }

    /** The key a resource of the module at {@code path} ("" for the root) names for its provider. */
    String keyFor(String path, String provider) {
        String own = opaque(provider, path);
        return source.getOrDefault(own, own);
    }

    private void walk(Module module, String path, String parentPath, ModuleCall call) {
        Set<String> declared = new TreeSet<>();
        module.providers().values().forEach((ProviderConfig p) -> declared.add(p.key()));
        Set<String> used = new TreeSet<>(declared);
        module.resources().values().forEach((Resource r) -> used.add(r.provider()));
        module.requiredProviders().keySet().forEach(used::add);
        for (String k : used) {
            String key = opaque(k, path);
            if (parentPath == null || declared.contains(k)) {
                listed.put(key, entry(key, k, path));
                continue;
            }
            String inParent = call.providers() == null ? k : call.providers().getOrDefault(k, k);
            String parentKey = opaque(inParent, parentPath);
            if (listed.containsKey(parentKey) || source.containsKey(parentKey)) {
                source.put(key, source.getOrDefault(parentKey, parentKey));
            } else {
                listed.put(key, entry(key, k, path));
            }
        }
        for (ModuleCall c : new TreeMap<>(module.moduleCalls()).values()) {
            Module child = module.children().get(c.name());
            if (child != null) {
                walk(child, (path.isEmpty() ? "" : path + ".") + "module." + c.name(), path, c);
            }
        }
    }

    private static Entry entry(String key, String providerKey, String path) {
        int dot = providerKey.indexOf('.');
        return new Entry(key, dot < 0 ? providerKey : providerKey.substring(0, dot),
                dot < 0 ? null : providerKey.substring(dot + 1), path.isEmpty() ? null : path);
    }

    private static String opaque(String provider, String path) {
        return path.isEmpty() ? provider : path + ":" + provider;
    }
}
