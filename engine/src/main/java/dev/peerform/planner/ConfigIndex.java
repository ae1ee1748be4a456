package dev.peerform.planner;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.addrs.ModuleStep;
import dev.peerform.addrs.ResourceMode;
import dev.peerform.config.Module;
import dev.peerform.config.ModuleCall;
import dev.peerform.config.Resource;
import dev.peerform.providers.ProviderSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Finding things in the module tree by address: a resource's block, its provider configuration, known types. */
final class ConfigIndex {

    private final Module root;
    private final ProviderSet providers;

    ConfigIndex(Module root, ProviderSet providers) {
        this.root = root;
        this.providers = providers;
    }

    Module root() {
        return root;
    }

    /** The module an address is in; null when the configuration has no such module. */
    Module moduleOf(InstanceAddress a) {
        Module m = root;
        for (String p : ModuleStep.names(a.resource().modulePath())) {
            m = m == null ? null : m.children().get(p);
        }
        return m;
    }

    /** The block declaring an instance's resource; null when the configuration has none. */
    Resource configOf(InstanceAddress a) {
        Module m = moduleOf(a);
        return m == null ? null : m.resources().get(localName(a));
    }

    /** {@code data.x.y} or {@code x.y}: how a module's resources are keyed. */
    static String localName(InstanceAddress a) {
        return (a.resource().mode() == ResourceMode.DATA ? "data." : "") + a.resource().type() + "."
                + a.resource().name();
    }

    /** The provider configuration a resource uses, through the {@code providers} maps of the module calls. */
    String providerKeyFor(List<String> instancePath, Resource r) {
        List<String> path = ModuleStep.names(instancePath);
        String key = r.provider() == null ? Resource.impliedProvider(r.type()) : r.provider();
        for (int i = path.size(); i > 0; i--) {
            Module parent = root;
            for (String p : path.subList(0, i - 1)) {
                parent = parent.children().get(p);
            }
            ModuleCall call = parent.moduleCalls().get(path.get(i - 1));
            if (call != null && call.providers().containsKey(key)) {
                key = call.providers().get(key);
            }
        }
        return key;
    }

    Set<String> knownTypes() {
        Set<String> out = new HashSet<>();
        for (String name : providers.names()) {
            out.addAll(providers.factory(name).resourceTypes().keySet());
        }
        return out;
    }

    /** {@code alicloud} for {@code alicloud.b}: rules that span resources see every alias of a provider. */
    static String providerName(String key) {
        return key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
    }

    static String prefix(List<String> path) {
        StringBuilder b = new StringBuilder();
        path.forEach(p -> b.append("module.").append(p).append('.'));
        return b.toString();
    }
}
