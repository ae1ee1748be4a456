package dev.peerform.eval;

import dev.peerform.addrs.ModuleStep;
import dev.peerform.config.Module;
import dev.peerform.config.ModuleCall;
import dev.peerform.config.Resource;
import dev.peerform.lang.ExprWalker;
import dev.peerform.syntax.Attribute;
import dev.peerform.syntax.Expr;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether tracing an attribute ({@link Traces}) can find more than its syntax names, decided from the source alone
 * so that the common attribute costs no second evaluation: it must read a whole counted or for_each resource (a for
 * expression, a splat, a function over it), or each.value of a for_each that is not a whole resource, or a local,
 * a child module's variable or a module's output whose value can come from a resource. What a local or a variable
 * can reach is worked out once per module and name.
 */
final class TraceWorth {

    private final ModuleValues values;
    private final Map<String, Boolean> reaches = new ConcurrentHashMap<>();
    /** The locals and variables being looked into on this thread: one met again is a cycle, which reaches nothing. */
    private final ThreadLocal<Set<String>> visiting = ThreadLocal.withInitial(LinkedHashSet::new);

    TraceWorth(ModuleValues values) {
        this.values = values;
    }

    /** True when tracing attribute {@code e} of resource {@code r} in the module instance at {@code path} may help. */
    boolean attribute(Expr e, Resource r, List<String> path) {
        Module m = values.module(path);
        boolean eachValueNamed = r.forEach() == null || BodyDecoder.eachValueNamesAnInstance(r.forEach());
        boolean[] worth = {false};
        Set<Expr> indexed = Collections.newSetFromMap(new IdentityHashMap<>());
        ExprWalker.walk(e, x -> {
            if (worth[0]) {
                return;
            }
            if (x instanceof Expr.Index i && i.collection() instanceof Expr.ScopeTraversal t) {
                indexed.add(t);
            }
            if (x instanceof Expr.ScopeTraversal t) {
                worth[0] = switch (t.root()) {
                    case "each" -> !eachValueNamed && isEachValue(t) && expression(r.forEach(), path);
                    case "local", "var", "module" -> reference(t, path);
                    default -> wholeExpanded(t, m) && !indexed.contains(t);
                };
            }
        });
        return worth[0];
    }

    /** True when an expression's value can come from a resource instance, however indirectly. */
    private boolean expression(Expr e, List<String> path) {
        boolean[] found = {false};
        ExprWalker.walk(e, x -> {
            if (!found[0] && x instanceof Expr.ScopeTraversal t) {
                found[0] = BodyDecoder.resourceOf(t) != null || reference(t, path);
            }
        });
        return found[0];
    }

    /** True when a local, a child module's variable or a module's outputs can hold a resource's value. */
    private boolean reference(Expr.ScopeTraversal t, List<String> path) {
        String name = !t.steps().isEmpty() && t.steps().get(0) instanceof Expr.AttrStep a ? a.name() : null;
        if (name == null) {
            return false;
        }
        return switch (t.root()) {
            case "module" -> true;
            case "local" -> remembered("local", path, name, () -> {
                Module m = values.module(path);
                Expr local = m == null ? null : m.locals().get(name);
                return local != null && expression(local, path);
            });
            case "var" -> !path.isEmpty() && remembered("var", path, name, () -> {
                List<String> parent = path.subList(0, path.size() - 1);
                Module p = values.module(parent);
                ModuleCall call = p == null ? null : p.moduleCalls().get(ModuleStep.parse(path.get(path.size() - 1))
                        .name());
                Attribute arg = call == null ? null : call.arguments().get(name);
                return arg != null && (expression(arg.expr(), parent)
                        || call.forEach() != null && expression(call.forEach(), parent));
            });
            default -> false;
        };
    }

    private interface Answer {
        boolean get();
    }

    /** Keyed by the module's configuration path (instances of one module share their source). */
    private boolean remembered(String kind, List<String> path, String name, Answer compute) {
        String key = kind + ":" + ModuleStep.names(path) + ":" + name;
        Boolean known = reaches.get(key);
        if (known != null) {
            return known;
        }
        Set<String> mine = visiting.get();
        if (!mine.add(key)) {
            return false;
        }
        try {
            boolean answer = compute.get();
            reaches.put(key, answer);
            return answer;
        } finally {
            mine.remove(key);
        }
    }

    private static boolean isEachValue(Expr.ScopeTraversal t) {
        return !t.steps().isEmpty() && t.steps().get(0) instanceof Expr.AttrStep a && a.name().equals("value");
    }

    /** A reference to every instance of a counted or for_each resource at once (no index after its name). */
    private static boolean wholeExpanded(Expr.ScopeTraversal t, Module module) {
        String address = BodyDecoder.resourceOf(t);
        Resource r = address == null || module == null ? null : module.resources().get(address);
        int at = t.root().equals("data") ? 2 : 1;
        return r != null && (r.count() != null || r.forEach() != null)
                && !(t.steps().size() > at && t.steps().get(at) instanceof Expr.IndexStep);
    }
}
