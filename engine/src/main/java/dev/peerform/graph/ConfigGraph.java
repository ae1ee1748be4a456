package dev.peerform.graph;

import dev.peerform.config.Module;
import dev.peerform.config.ModuleCall;
import dev.peerform.config.Output;
import dev.peerform.config.Resource;
import dev.peerform.config.Variable;
import dev.peerform.diag.Diagnostics;
import dev.peerform.lang.References;
import dev.peerform.syntax.Attribute;
import dev.peerform.syntax.Block;
import dev.peerform.syntax.Body;
import dev.peerform.syntax.Expr;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * The dependency graph of a configuration and its modules: an edge from each object to every object its
 * expressions refer to, and to what {@code depends_on} names. A cycle is an error that prints its path with each
 * object's source range.
 */
public final class ConfigGraph {

    private final DirectedAcyclicGraph<ConfigNode, DefaultEdge> dag = new DirectedAcyclicGraph<>(DefaultEdge.class);
    private final Map<ConfigNode, Module> modules = new HashMap<>();
    private final Map<ConfigNode, Set<ConfigNode>> dependsOn = new HashMap<>();
    // the same edges less those only depends_on gives: what a value flows along
    private final Map<ConfigNode, Set<ConfigNode>> references = new HashMap<>();
    // whether any edge came from depends_on alone; without one, references are every dependency
    private boolean orderOnlyEdges;
    private List<ConfigNode> order;

    private ConfigGraph() {
    }

    /** Builds the graph; a cycle adds an error to {@code diags} and leaves the edge that closes it out. */
    public static ConfigGraph build(Module root, Diagnostics diags) {
        ConfigGraph g = new ConfigGraph();
        g.addModule(root, List.of());
        g.linkModule(root, List.of(), null, diags);
        // the order too, while the graph's builder has it at hand (the planner builds it on another thread)
        List<ConfigNode> order = new ArrayList<>(g.dag.vertexSet().size());
        new TopologicalOrderIterator<>(g.dag).forEachRemaining(order::add);
        g.order = Collections.unmodifiableList(order);
        return g;
    }

    private void addModule(Module m, List<String> path) {
        m.variables().values().forEach(v -> add(new ConfigNode(ConfigNode.Kind.VARIABLE, path, v.name(), v.range()),
                m));
        m.locals().forEach((name, e) -> add(new ConfigNode(ConfigNode.Kind.LOCAL, path, name, e.range()), m));
        m.resources().values().forEach(r -> add(new ConfigNode(ConfigNode.Kind.RESOURCE, path, r.address(),
                r.range()), m));
        m.outputs().values().forEach(o -> add(new ConfigNode(ConfigNode.Kind.OUTPUT, path, o.name(), o.range()), m));
        m.children().forEach((name, child) -> addModule(child, append(path, name)));
    }

    private void add(ConfigNode n, Module m) {
        dag.addVertex(n);
        modules.put(n, m);
        dependsOn.put(n, new LinkedHashSet<>());
        references.put(n, new LinkedHashSet<>());
    }

    private void linkModule(Module m, List<String> path, Module parent, Diagnostics diags) {
        for (Variable v : m.variables().values()) {
            ConfigNode node = new ConfigNode(ConfigNode.Kind.VARIABLE, path, v.name(), v.range());
            if (parent != null) {
                ModuleCall call = parent.moduleCalls().get(path.get(path.size() - 1));
                Attribute arg = call == null ? null : call.arguments().get(v.name());
                if (arg != null) {
                    link(node, arg.expr(), parent, path.subList(0, path.size() - 1), diags);
                }
                if (call != null) {
                    // each.value and count.index carry the call's for_each or count into every argument
                    link(node, call.forEach(), parent, path.subList(0, path.size() - 1), diags);
                    link(node, call.count(), parent, path.subList(0, path.size() - 1), diags);
                    for (Expr.ScopeTraversal t : call.dependsOn()) {
                        linkTraversal(node, t, parent, path.subList(0, path.size() - 1), false, diags);
                    }
                }
            }
        }
        m.locals().forEach((name, e) -> link(new ConfigNode(ConfigNode.Kind.LOCAL, path, name, e.range()), e, m, path,
                diags));
        for (Resource r : m.resources().values()) {
            ConfigNode node = new ConfigNode(ConfigNode.Kind.RESOURCE, path, r.address(), r.range());
            link(node, r.count(), m, path, diags);
            link(node, r.forEach(), m, path, diags);
            linkBody(node, r.body(), m, path, diags);
            for (Expr.ScopeTraversal t : r.dependsOn()) {
                linkTraversal(node, t, m, path, false, diags);
            }
            for (Expr e : r.lifecycle().replaceTriggeredBy()) {
                link(node, e, m, path, diags);
            }
        }
        for (Output o : m.outputs().values()) {
            ConfigNode node = new ConfigNode(ConfigNode.Kind.OUTPUT, path, o.name(), o.range());
            link(node, o.value(), m, path, diags);
            for (Expr e : o.dependsOn()) {
                link(node, e, m, path, diags);
            }
        }
        m.children().forEach((name, child) -> linkModule(child, append(path, name), m, diags));
    }

    private void linkBody(ConfigNode node, Body body, Module m, List<String> path, Diagnostics diags) {
        for (Attribute a : body.attributes()) {
            link(node, a.expr(), m, path, diags);
        }
        for (Block b : body.blocks()) {
            linkBody(node, b.body(), m, path, diags);
        }
    }

    private void link(ConfigNode from, Expr e, Module m, List<String> path, Diagnostics diags) {
        if (e == null) {
            return;
        }
        for (Expr.ScopeTraversal t : References.of(e)) {
            linkTraversal(from, t, m, path, true, diags);
        }
    }

    private void linkTraversal(ConfigNode from, Expr.ScopeTraversal t, Module m, List<String> path,
            boolean reference, Diagnostics diags) {
        for (ConfigNode to : targets(t, m, path)) {
            if (to.equals(from) && from.kind() != ConfigNode.Kind.RESOURCE) {
                diags.error("Self-referential " + (from.kind() == ConfigNode.Kind.LOCAL ? "local" : "value"),
                        from.display() + " refers to itself.", t.range());
                continue;
            }
            if (to.equals(from)) {
                diags.error("Self-referential block", "Configuration for " + from.display() + " may not refer to "
                        + "itself.", t.range());
                continue;
            }
            dependsOn.get(from).add(to);
            if (reference) {
                references.get(from).add(to);
            } else {
                orderOnlyEdges = true;
            }
            try {
                dag.addEdge(to, from);
            } catch (IllegalArgumentException cycle) {
                diags.error("Cycle", "The configuration's objects refer to each other in a cycle: "
                        + cyclePath(to, from) + ". Break the cycle by removing one of these references.", t.range());
            }
        }
    }

    /** The nodes a reference names, or none (var/local/resource/module outputs of the right module). */
    private List<ConfigNode> targets(Expr.ScopeTraversal t, Module m, List<String> path) {
        String first = !t.steps().isEmpty() && t.steps().get(0) instanceof Expr.AttrStep a ? a.name() : null;
        List<ConfigNode> out = new ArrayList<>();
        switch (t.root()) {
            case "var" -> {
                if (first != null && m.variables().containsKey(first)) {
                    out.add(new ConfigNode(ConfigNode.Kind.VARIABLE, path, first, null));
                }
            }
            case "local" -> {
                if (first != null && m.locals().containsKey(first)) {
                    out.add(new ConfigNode(ConfigNode.Kind.LOCAL, path, first, null));
                }
            }
            case "module" -> {
                Module child = first == null ? null : m.children().get(first);
                if (child != null) {
                    String output = t.steps().size() > 1 && t.steps().get(1) instanceof Expr.AttrStep a ? a.name()
                            : null;
                    for (String o : child.outputs().keySet()) {
                        if (output == null || output.equals(o)) {
                            out.add(new ConfigNode(ConfigNode.Kind.OUTPUT, append(path, first), o, null));
                        }
                    }
                }
            }
            case "count", "each", "path", "self", "terraform" -> { }
            case "data" -> {
                String name = t.steps().size() > 1 && t.steps().get(1) instanceof Expr.AttrStep a ? a.name() : null;
                if (first != null && name != null && m.resources().containsKey("data." + first + "." + name)) {
                    out.add(new ConfigNode(ConfigNode.Kind.RESOURCE, path, "data." + first + "." + name, null));
                }
            }
            default -> {
                if (first != null && m.resources().containsKey(t.root() + "." + first)) {
                    out.add(new ConfigNode(ConfigNode.Kind.RESOURCE, path, t.root() + "." + first, null));
                }
            }
        }
        return out;
    }

    private String cyclePath(ConfigNode from, ConfigNode to) {
        // the edge to -> ... -> from already exists; find that path, then the new edge from -> to closes it
        Map<ConfigNode, ConfigNode> parent = new HashMap<>();
        Deque<ConfigNode> queue = new ArrayDeque<>();
        queue.add(to);
        Set<ConfigNode> seen = new HashSet<>(Set.of(to));
        while (!queue.isEmpty()) {
            ConfigNode n = queue.poll();
            if (n.equals(from)) {
                break;
            }
            for (DefaultEdge e : dag.outgoingEdgesOf(n)) {
                ConfigNode next = dag.getEdgeTarget(e);
                if (seen.add(next)) {
                    parent.put(next, n);
                    queue.add(next);
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (ConfigNode n = from; n != null; n = parent.get(n)) {
            names.add(0, describe(n));
        }
        names.add(describe(to)); // back to where the cycle started
        return String.join(" -> ", names);
    }

    private String describe(ConfigNode n) {
        ConfigNode real = node(n);
        return real.display() + (real.range() == null ? "" : " (" + real.range() + ")");
    }

    private ConfigNode node(ConfigNode key) {
        for (ConfigNode n : dag.vertexSet()) {
            if (n.equals(key)) {
                return n;
            }
        }
        return key;
    }

    /** Every node, dependencies first. */
    public List<ConfigNode> order() {
        return order;
    }

    public Module moduleOf(ConfigNode n) {
        return modules.get(n);
    }

    /** The nodes this one refers to directly. */
    public Set<ConfigNode> dependencies(ConfigNode n) {
        return dependsOn.getOrDefault(n, Set.of());
    }

    /**
     * The resources a node depends on, looking through variables, locals and outputs: what the state records as an
     * instance's dependencies and what orders its steps after others.
     */
    public Set<ConfigNode> resourceDependencies(ConfigNode n) {
        return resources(n, dependsOn);
    }

    /**
     * The resources a node takes values from (its resource dependencies less those only {@code depends_on} names,
     * directly or through a module call's): an order the data itself needs, which no provider rule may reverse.
     */
    public Set<ConfigNode> referencedResources(ConfigNode n) {
        return resources(n, references);
    }

    /**
     * False when no edge comes from {@code depends_on} alone: then {@link #referencedResources} is
     * {@link #resourceDependencies} for every node, and a planner need not walk the graph twice.
     */
    public boolean hasOrderOnlyEdges() {
        return orderOnlyEdges;
    }

    private static Set<ConfigNode> resources(ConfigNode n, Map<ConfigNode, Set<ConfigNode>> edges) {
        Set<ConfigNode> out = new LinkedHashSet<>();
        Deque<ConfigNode> todo = new ArrayDeque<>(edges.getOrDefault(n, Set.of()));
        Set<ConfigNode> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            ConfigNode d = todo.poll();
            if (!seen.add(d)) {
                continue;
            }
            if (d.kind() == ConfigNode.Kind.RESOURCE) {
                out.add(d);
            } else {
                todo.addAll(edges.getOrDefault(d, Set.of()));
            }
        }
        return out;
    }

    private static List<String> append(List<String> path, String name) {
        List<String> p = new ArrayList<>(path);
        p.add(name);
        return p;
    }
}
