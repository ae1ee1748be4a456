package dev.peerform.workspace;

import dev.peerform.config.Module;
import dev.peerform.config.ProviderConfig;
import dev.peerform.config.Resource;
import dev.peerform.diag.Diagnostics;
import dev.peerform.lang.Evaluator;
import dev.peerform.lang.Functions;
import dev.peerform.lang.Scope;
import dev.peerform.providers.ProviderSet;
import dev.peerform.syntax.Attribute;
import dev.peerform.syntax.Block;
import dev.peerform.syntax.ConfigFile;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code providers}: which providers each module of the configuration needs (its required_providers, with their
 * version constraints, and those its resources and provider blocks imply), as a tree of modules.
 */
public final class ProviderRequirements {

    /** A provider's source address and the module's version constraint for it ("" when none). */
    public record Requirement(String address, String constraint) {
    }

    /** One module: "." for the root, {@code module.NAME} for a call; providers by address, children by name. */
    public record Node(String name, List<Requirement> providers, List<Node> children) {
    }

    private ProviderRequirements() {
    }

    static Node of(Module root) {
        return node(".", root);
    }

    private static Node node(String name, Module m) {
        ProviderSet sources = ProviderSet.available(m.requiredProviders());
        Map<String, String> constraints = constraints(m);
        TreeSet<String> names = new TreeSet<>(m.requiredProviders().keySet());
        for (Resource r : m.resources().values()) {
            names.add(r.provider() != null ? r.provider().split("\\.")[0] : Resource.impliedProvider(r.type()));
        }
        for (ProviderConfig p : m.providers().values()) {
            names.add(p.name());
        }
        Map<String, Requirement> byAddress = new TreeMap<>();
        for (String n : names) {
            String address = sources.sourceAddress(n);
            byAddress.put(address, new Requirement(address, constraints.getOrDefault(n, "")));
        }
        List<Node> children = new ArrayList<>();
        new TreeMap<>(m.children()).forEach((call, child) -> children.add(node("module." + call, child)));
        return new Node(name, List.copyOf(byAddress.values()), children);
    }

    /** The {@code version} of each required_providers entry, as written. */
    private static Map<String, String> constraints(Module m) {
        Map<String, String> out = new TreeMap<>();
        Evaluator constants = new Evaluator(Scope.EMPTY, Functions.standard(), m.dir());
        for (ConfigFile f : m.files()) {
            for (Block t : f.body().blocks("terraform")) {
                for (Block rp : t.body().blocks("required_providers")) {
                    for (Attribute a : rp.body().attributes()) {
                        Value v = constants.evaluate(a.expr(), new Diagnostics());
                        if (v.unmarked() instanceof ObjectValue o && o.get("version") != null
                                && o.get("version").isKnown() && !o.get("version").isNull()) {
                            out.put(a.name(), o.get("version").asString());
                        }
                    }
                }
            }
        }
        return out;
    }
}
