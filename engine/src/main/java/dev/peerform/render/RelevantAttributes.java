package dev.peerform.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerform.config.Module;
import dev.peerform.config.ModuleCall;
import dev.peerform.config.Output;
import dev.peerform.config.Resource;
import dev.peerform.lang.References;
import dev.peerform.plans.OutputChange;
import dev.peerform.plans.Plan;
import dev.peerform.plans.ResourceChange;
import dev.peerform.spi.ChangeAction;
import dev.peerform.syntax.Attribute;
import dev.peerform.syntax.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Plan JSON's relevant_attributes: every attribute of a resource that the configuration reads, per module instance
 * ({@code {"resource": "module.peer[\"x\"].terraform_data.p", "attribute": ["output"]}}). Terraform uses them to
 * tell which drift matters; a policy reads them as a set (Terraform's order is its graph walk's).
 */
final class RelevantAttributes {

    private static final Set<String> NOT_RESOURCES = Set.of("var", "local", "count", "each", "path", "terraform",
            "self", "module");

    private RelevantAttributes() {
    }

    static ArrayNode of(Plan plan, Module root) {
        Set<String> instances = new TreeSet<>();
        instances.add("");
        for (ResourceChange c : plan.changes()) {
            String m = c.address().resource().stateModule();
            if (m != null) {
                instances.add(m);
            }
        }
        TreeMap<String, List<String>> found = new TreeMap<>();
        for (String instance : instances) {
            Module m = module(root, instance);
            if (m == null) {
                continue;
            }
            String prefix = instance.isEmpty() ? "" : instance + ".";
            for (Expr e : expressions(m)) {
                for (Expr.ScopeTraversal t : References.of(e)) {
                    add(prefix, t, found);
                }
            }
        }
        calledOutputs(plan, root, found);
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        found.values().forEach(v -> {
            ObjectNode n = out.addObject();
            n.put("resource", v.get(0));
            ArrayNode attribute = n.putArray("attribute");
            v.subList(1, v.size()).forEach(attribute::add);
        });
        return out;
    }

    private static void add(String prefix, Expr.ScopeTraversal t, TreeMap<String, List<String>> found) {
        if (NOT_RESOURCES.contains(t.root())) {
            return;
        }
        boolean data = t.root().equals("data");
        int names = data ? 2 : 1;
        if (t.steps().size() < names || !(t.steps().get(names - 1) instanceof Expr.AttrStep)) {
            return;
        }
        StringBuilder resource = new StringBuilder(prefix).append(t.root());
        int i = 0;
        for (; i < names; i++) {
            resource.append(t.steps().get(i));
        }
        if (i < t.steps().size() && t.steps().get(i) instanceof Expr.IndexStep) {
            resource.append(t.steps().get(i++));
        }
        List<String> entry = new ArrayList<>();
        entry.add(resource.toString());
        for (; i < t.steps().size() && t.steps().get(i) instanceof Expr.AttrStep a; i++) {
            entry.add(a.name());
        }
        found.put(String.join("\u0000", entry), entry);
    }

    /**
     * A root output that changes and reads a module call ({@code module.e...}) contributes what that module's
     * outputs read under the call's path without instance keys ({@code module.e.terraform_data.r}), even for a
     * call with no instances, and so on down the modules those outputs read (Terraform's analysis of the
     * configuration, not of the instances). An unchanged output contributes nothing of the kind.
     */
    private static void calledOutputs(Plan plan, Module root, TreeMap<String, List<String>> found) {
        List<Expr> changing = new ArrayList<>();
        for (OutputChange o : plan.outputs()) {
            Output out = root.outputs().get(o.name());
            if (out != null && o.action() != ChangeAction.NO_OP) {
                changing.add(out.value());
            }
        }
        calledOutputs(root, "", changing, found);
    }

    private static void calledOutputs(Module m, String path, List<Expr> readers, TreeMap<String, List<String>> found) {
        Set<String> read = new TreeSet<>();
        for (Expr e : readers) {
            for (Expr.ScopeTraversal t : References.of(e)) {
                if (t.root().equals("module") && !t.steps().isEmpty() && t.steps().get(0) instanceof Expr.AttrStep a) {
                    read.add(a.name());
                }
            }
        }
        for (String name : read) {
            Module child = m.children().get(name);
            if (child == null) {
                continue;
            }
            String childPath = path + "module." + name + ".";
            List<Expr> outputs = child.outputs().values().stream().map(Output::value).toList();
            outputs.forEach(e -> References.of(e).forEach(t -> add(childPath, t, found)));
            calledOutputs(child, childPath, outputs, found);
        }
    }

    private static List<Expr> expressions(Module m) {
        List<Expr> out = new ArrayList<>();
        for (Resource r : m.resources().values()) {
            r.body().attributes().forEach(a -> out.add(a.expr()));
            out.add(r.count());
            out.add(r.forEach());
        }
        for (Output o : m.outputs().values()) {
            out.add(o.value());
        }
        for (ModuleCall call : m.moduleCalls().values()) {
            call.arguments().values().stream().map(Attribute::expr).forEach(out::add);
            out.add(call.count());
            out.add(call.forEach());
        }
        out.removeIf(e -> e == null);
        return out;
    }

    /** The configuration of a module instance ("module.peer[\"x\"]"), by its calls' names; null if none. */
    private static Module module(Module root, String instance) {
        Module m = root;
        if (instance.isEmpty()) {
            return m;
        }
        for (String step : instance.split("(?<=\\])\\.|\\.(?=module\\.)")) {
            String name = step.replaceFirst("^module\\.", "").replaceFirst("\\[.*\\]$", "");
            m = m.children().get(name);
            if (m == null) {
                return null;
            }
        }
        return m;
    }
}
