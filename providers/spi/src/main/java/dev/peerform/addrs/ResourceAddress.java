package dev.peerform.addrs;

import java.util.List;

/**
 * A resource in a module: {@code module.net.alicloud_vpc.a}, {@code data.alicloud_vpcs.all}. Addresses order and
 * compare by their text, which is built once: state and plans look them up in sorted maps thousands of times.
 */
public final class ResourceAddress implements Comparable<ResourceAddress> {

    private final List<String> modulePath;
    private final ResourceMode mode;
    private final String type;
    private final String name;
    private final String text;

    public ResourceAddress(List<String> modulePath, ResourceMode mode, String type, String name) {
        this.modulePath = List.copyOf(modulePath);
        this.mode = mode;
        this.type = type;
        this.name = name;
        this.text = modulePrefix() + (mode == ResourceMode.DATA ? "data." : "") + type + "." + name;
    }

    public static ResourceAddress of(ResourceMode mode, String type, String name) {
        return new ResourceAddress(List.of(), mode, type, name);
    }

    public List<String> modulePath() {
        return modulePath;
    }

    public ResourceMode mode() {
        return mode;
    }

    public String type() {
        return type;
    }

    public String name() {
        return name;
    }

    public InstanceAddress instance(InstanceKey key) {
        return new InstanceAddress(this, key);
    }

    /** {@code module.a.module.b.} or "" for the root module. */
    public String modulePrefix() {
        if (modulePath.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (String m : modulePath) {
            b.append("module.").append(m).append('.');
        }
        return b.toString();
    }

    /**
     * The configuration's address: the module path without instance keys ({@code module.peer.terraform_data.p}
     * for {@code module.peer["x"].terraform_data.p}), which is how dependencies are recorded.
     */
    public String configAddress() {
        StringBuilder b = new StringBuilder();
        for (String m : ModuleStep.names(modulePath)) {
            b.append("module.").append(m).append('.');
        }
        return b + text.substring(modulePrefix().length());
    }

    /** The module in the state's form: {@code module.a.module.b}, or null for the root. */
    public String stateModule() {
        String p = modulePrefix();
        return p.isEmpty() ? null : p.substring(0, p.length() - 1);
    }

    @Override
    public String toString() {
        return text;
    }

    /** Terraform's order: by module instance (the root's first, then each step's name and key), then by text. */
    @Override
    public int compareTo(ResourceAddress o) {
        if (modulePath.equals(o.modulePath)) {
            return text.compareTo(o.text);
        }
        for (int i = 0; i < Math.min(modulePath.size(), o.modulePath.size()); i++) {
            ModuleStep a = ModuleStep.parse(modulePath.get(i));
            ModuleStep b = ModuleStep.parse(o.modulePath.get(i));
            int c = a.name().compareTo(b.name());
            if (c == 0) {
                c = a.key().compareTo(b.key());
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(modulePath.size(), o.modulePath.size());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResourceAddress other && other.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
