package dev.peerform.graph;

import dev.peerform.config.Resource;
import java.util.List;

/** A resource in a module: {@code module.net.alicloud_vpc.a}, {@code data.alicloud_vpcs.all}. */
public record ResourceAddress(List<String> modulePath, Resource.Mode mode, String type, String name)
        implements Comparable<ResourceAddress> {

    public ResourceAddress {
        modulePath = List.copyOf(modulePath);
    }

    public static ResourceAddress of(Resource.Mode mode, String type, String name) {
        return new ResourceAddress(List.of(), mode, type, name);
    }

    public InstanceAddress instance(InstanceKey key) {
        return new InstanceAddress(this, key);
    }

    /** {@code module.a.module.b} or "" for the root module. */
    public String modulePrefix() {
        StringBuilder b = new StringBuilder();
        for (String m : modulePath) {
            b.append("module.").append(m).append('.');
        }
        return b.toString();
    }

    /** The module in the state's form: {@code module.a.module.b}, or null for the root. */
    public String stateModule() {
        String p = modulePrefix();
        return p.isEmpty() ? null : p.substring(0, p.length() - 1);
    }

    @Override
    public String toString() {
        return modulePrefix() + (mode == Resource.Mode.DATA ? "data." : "") + type + "." + name;
    }

    @Override
    public int compareTo(ResourceAddress o) {
        return toString().compareTo(o.toString());
    }
}
