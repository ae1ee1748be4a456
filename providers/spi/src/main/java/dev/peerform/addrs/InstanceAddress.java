package dev.peerform.addrs;

import java.util.List;

/** A resource instance: {@code alicloud_router_interface.init[0]}, {@code module.a.x.y["k"]}. */
public record InstanceAddress(ResourceAddress resource, InstanceKey key) implements Comparable<InstanceAddress> {

    @Override
    public String toString() {
        return resource + key.toString();
    }

    @Override
    public int compareTo(InstanceAddress o) {
        int c = resource.compareTo(o.resource);
        return c != 0 ? c : key.compareTo(o.key);
    }

    /**
     * Parses an address as the CLI takes it ({@code -target}, {@code -replace}, {@code state show}); throws
     * IllegalArgumentException with a message saying what is wrong.
     */
    public static InstanceAddress parse(String text) {
        String trimmed = text.trim();
        ModuleStep.Prefix prefix = ModuleStep.prefix(trimmed);
        List<String> modules = prefix.steps();
        String rest = trimmed.substring(prefix.end());
        if (!modules.isEmpty() && (rest.isEmpty() || prefix.end() == trimmed.length())) {
            throw new IllegalArgumentException("\"" + text + "\" names a module, not a resource instance");
        }
        ResourceMode mode = ResourceMode.MANAGED;
        if (rest.startsWith("data.")) {
            mode = ResourceMode.DATA;
            rest = rest.substring(5);
        }
        InstanceKey key = InstanceKey.NONE;
        int bracket = rest.indexOf('[');
        if (bracket >= 0) {
            if (!rest.endsWith("]")) {
                throw new IllegalArgumentException("\"" + text + "\": an instance key ends with \"]\"");
            }
            String k = rest.substring(bracket + 1, rest.length() - 1);
            rest = rest.substring(0, bracket);
            if (k.startsWith("\"") && k.endsWith("\"") && k.length() >= 2) {
                key = new InstanceKey.StringKey(k.substring(1, k.length() - 1));
            } else {
                try {
                    key = new InstanceKey.IntKey(Integer.parseInt(k));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("\"" + text + "\": an instance key is a number or a quoted "
                            + "string");
                }
            }
        }
        String[] parts = rest.split("\\.");
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a resource address: expected TYPE.NAME, "
                    + "like alicloud_vpc.main or module.net.alicloud_vpc.main[0]");
        }
        return new InstanceAddress(new ResourceAddress(modules, mode, parts[0], parts[1]), key);
    }
}
