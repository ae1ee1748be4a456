package dev.peerform.graph;

import dev.peerform.diag.SourceRange;
import java.util.List;

/**
 * One object of the configuration the graph orders: a variable, a local, a resource, an output, in a module
 * ({@code path} lists the module calls from the root). Identity is (kind, path, name).
 */
public record ConfigNode(Kind kind, List<String> path, String name, SourceRange range) {

    public enum Kind { VARIABLE, LOCAL, RESOURCE, OUTPUT, PROVIDER }

    public ConfigNode {
        path = List.copyOf(path);
    }

    /** How an error names it: {@code var.region}, {@code module.net.local.x}, {@code alicloud_vpc.a}. */
    public String display() {
        StringBuilder b = new StringBuilder();
        path.forEach(m -> b.append("module.").append(m).append('.'));
        switch (kind) {
            case VARIABLE -> b.append("var.");
            case LOCAL -> b.append("local.");
            case OUTPUT -> b.append("output.");
            case PROVIDER -> b.append("provider.");
            default -> { }
        }
        return b.append(name).toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigNode n && n.kind == kind && n.path.equals(path) && n.name.equals(name);
    }

    @Override
    public int hashCode() {
        return (kind.hashCode() * 31 + path.hashCode()) * 31 + name.hashCode();
    }
}
