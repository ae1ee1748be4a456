package dev.peerform.planner;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.addrs.InstanceKey;
import dev.peerform.addrs.ModuleStep;
import dev.peerform.addrs.ResourceAddress;
import dev.peerform.addrs.ResourceMode;
import dev.peerform.config.Module;
import dev.peerform.config.Moved;
import dev.peerform.diag.Diagnostics;
import dev.peerform.eval.Expansion;
import dev.peerform.eval.ModuleValues;
import dev.peerform.states.InstanceState;
import dev.peerform.states.State;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code moved} blocks, as Terraform applies them: before refreshing, each statement moves the state's objects
 * from its {@code from} address to its {@code to} address (a resource, an instance, a module or a module instance),
 * chains in order (a to b, then b to c), and a statement whose destination already holds an object is skipped. A
 * statement whose source the configuration still declares, two statements with the same source or destination,
 * and a cycle are errors. The result says where each moved object came from.
 */
public final class Moves {

    private Moves() {
    }

    /** The moved state and, for each instance moved, its new address and its address before. */
    public record Result(State state, Map<InstanceAddress, InstanceAddress> moved) {
    }

    /** One statement with absolute addresses. */
    private record Statement(Endpoint from, Endpoint to, Moved block) {
    }

    /** A parsed address: module steps, then a resource ({@code type} null for a module) and maybe a key. */
    private record Endpoint(List<String> modules, ResourceMode mode, String type, String name, InstanceKey key,
            String text) {

        boolean isModule() {
            return type == null;
        }

        boolean isInstance() {
            return type != null && key != null;
        }

        static Endpoint parse(List<String> prefix, String relative) {
            ModuleStep.Prefix p = ModuleStep.prefix(relative);
            List<String> modules = new ArrayList<>(prefix);
            modules.addAll(p.steps());
            String rest = relative.substring(p.end());
            String text = ConfigIndex.prefix(modules) + rest;
            if (rest.isEmpty()) {
                return new Endpoint(modules, null, null, null, null, text.substring(0, text.length() - 1));
            }
            InstanceAddress a = InstanceAddress.parse(text);
            boolean keyed = rest.endsWith("]");
            return new Endpoint(modules, a.resource().mode(), a.resource().type(), a.resource().name(),
                    keyed ? a.key() : null, text);
        }

        ResourceAddress resource() {
            return new ResourceAddress(modules, mode, type, name);
        }
    }

    public static Result plan(Module root, ModuleValues values, State prior, Diagnostics diags) {
        List<Statement> statements = new ArrayList<>();
        collect(root, List.of(), values, statements, diags);
        State state = Refresh.copy(prior);
        Map<InstanceAddress, InstanceAddress> moved = new LinkedHashMap<>();
        if (statements.isEmpty() || !validate(root, values, statements, diags)) {
            return new Result(state, moved);
        }
        for (Statement s : order(statements, diags)) {
            for (InstanceAddress from : List.copyOf(instances(state))) {
                InstanceAddress to = destination(s, from);
                if (to == null || state.instance(to) != null) {
                    continue;
                }
                move(state, from, to);
                InstanceAddress original = moved.remove(from);
                moved.put(to, original == null ? from : original);
            }
        }
        return new Result(state, moved);
    }

    /** Moves a saved plan's objects in the state it is applied to: those not moved yet. */
    public static void apply(State state, Map<InstanceAddress, InstanceAddress> moved) {
        moved.forEach((to, from) -> {
            if (state.instance(from) != null && state.instance(to) == null) {
                move(state, from, to);
            }
        });
    }

    private static void move(State state, InstanceAddress from, InstanceAddress to) {
        InstanceState is = state.instance(from);
        String provider = state.resource(from.resource()).provider;
        state.remove(from);
        state.put(to, provider, is);
    }

    private static List<InstanceAddress> instances(State state) {
        List<InstanceAddress> out = new ArrayList<>();
        for (State.Resource r : state.resources().values()) {
            r.instances.keySet().forEach(k -> out.add(r.address.instance(k)));
        }
        return out;
    }

    /** Statements of a module apply in each of its instances. */
    private static void collect(Module m, List<String> configPath, ModuleValues values, List<Statement> out,
            Diagnostics diags) {
        if (!m.moved().isEmpty()) {
            for (List<String> instance : values.moduleInstances(configPath, new Diagnostics())) {
                for (Moved mv : m.moved()) {
                    try {
                        out.add(new Statement(Endpoint.parse(instance, mv.from()), Endpoint.parse(instance, mv.to()),
                                mv));
                    } catch (IllegalArgumentException e) {
                        diags.error("Invalid \"moved\" address", e.getMessage(), mv.range());
                    }
                }
            }
        }
        m.children().forEach((name, child) -> {
            List<String> p = new ArrayList<>(configPath);
            p.add(name);
            collect(child, p, values, out, diags);
        });
    }

    private static boolean validate(Module root, ModuleValues values, List<Statement> statements,
            Diagnostics diags) {
        boolean ok = true;
        Map<String, Statement> byFrom = new HashMap<>();
        Map<String, Statement> byTo = new HashMap<>();
        for (Statement s : statements) {
            Endpoint f = s.from();
            Endpoint t = s.to();
            if (f.isModule() != t.isModule()) {
                diags.error("Invalid \"moved\" addresses", "Cannot move " + f.text() + " to " + t.text() + ": a "
                        + "module can move only to a module, and a resource only to a resource.", s.block().range());
                ok = false;
                continue;
            }
            if (!f.isModule() && (!f.type().equals(t.type()) || f.mode() != t.mode())) {
                diags.error("Resource type mismatch", "This statement declares a move from " + f.text() + " to "
                        + t.text() + ", which is a resource of a different type.", s.block().range());
                ok = false;
                continue;
            }
            if (stillDeclared(root, values, f)) {
                diags.error("Moved object still exists", "This statement declares a move from " + f.text()
                        + ", but the configuration still declares it. Change the configuration so that it declares "
                        + t.text() + " instead.", s.block().range());
                ok = false;
            }
            Statement sameFrom = byFrom.putIfAbsent(f.text(), s);
            Statement sameTo = byTo.putIfAbsent(t.text(), s);
            if (sameFrom != null && !sameFrom.to().text().equals(t.text())) {
                diags.error("Ambiguous move statements", "A statement at " + sameFrom.block().range() + " declared "
                        + "that " + f.text() + " moved to " + sameFrom.to().text() + ", but this statement declares "
                        + "that it moved to " + t.text() + ". Each object can move to one place only.",
                        s.block().range());
                ok = false;
            } else if (sameTo != null && !sameTo.from().text().equals(f.text())) {
                diags.error("Ambiguous move statements", "A statement at " + sameTo.block().range() + " declared "
                        + "that " + sameTo.from().text() + " moved to " + t.text() + ", but this statement declares "
                        + "that " + f.text() + " moved there. Each object can have moved from one place only.",
                        s.block().range());
                ok = false;
            }
        }
        return ok;
    }

    private static boolean stillDeclared(Module root, ModuleValues values, Endpoint e) {
        List<String> names = ModuleStep.names(e.modules());
        Diagnostics ignored = new Diagnostics();
        if (e.isModule()) {
            List<String> parent = names.subList(0, names.size() - 1);
            Module m = values.module(parent);
            ModuleStep last = ModuleStep.parse(e.modules().get(e.modules().size() - 1));
            if (m == null || !m.moduleCalls().containsKey(last.name())) {
                return false;
            }
            return values.moduleInstances(names, ignored).contains(e.modules());
        }
        Module m = values.module(names);
        String local = (e.mode() == ResourceMode.DATA ? "data." : "") + e.type() + "." + e.name();
        if (m == null || !m.resources().containsKey(local)
                || !values.moduleInstances(names, ignored).contains(e.modules())) {
            return false;
        }
        if (!e.isInstance()) {
            return true;
        }
        Expansion x = values.expansion(e.modules(), m.resources().get(local), ignored);
        return x != null && x.eachValues().containsKey(e.key());
    }

    /** A statement before those whose source is its destination (a to b runs before b to c); cycles are errors. */
    private static List<Statement> order(List<Statement> statements, Diagnostics diags) {
        List<Statement> out = new ArrayList<>();
        Map<Statement, Integer> state = new HashMap<>();
        for (Statement s : statements) {
            if (!visit(s, statements, state, out, diags)) {
                return List.of(); // one cycle reported is enough
            }
        }
        Collections.reverse(out);
        return out;
    }

    private static boolean visit(Statement s, List<Statement> all, Map<Statement, Integer> state,
            List<Statement> out, Diagnostics diags) {
        Integer st = state.get(s);
        if (st != null) {
            if (st == 1) {
                diags.error("Cyclic dependency in move statements", "The move statements at " + s.block().range()
                        + " and others form a cycle: an object cannot move back to where it came from in one plan. "
                        + "Remove the statement that closes the cycle.", s.block().range());
                return false;
            }
            return true;
        }
        state.put(s, 1);
        for (Statement n : all) {
            if (n != s && s.to().text().equals(n.from().text()) && !visit(n, all, state, out, diags)) {
                return false;
            }
        }
        state.put(s, 2);
        out.add(s);
        return true;
    }

    /** Where an instance goes under a statement; null when the statement does not name it. */
    private static InstanceAddress destination(Statement s, InstanceAddress a) {
        Endpoint f = s.from();
        Endpoint t = s.to();
        ResourceAddress r = a.resource();
        if (f.isModule()) {
            List<String> path = r.modulePath();
            int n = f.modules().size();
            if (path.size() < n || !path.subList(0, n - 1).equals(f.modules().subList(0, n - 1))) {
                return null;
            }
            ModuleStep want = ModuleStep.parse(f.modules().get(n - 1));
            ModuleStep have = ModuleStep.parse(path.get(n - 1));
            ModuleStep target = ModuleStep.parse(t.modules().get(t.modules().size() - 1));
            List<String> to = new ArrayList<>(t.modules().subList(0, t.modules().size() - 1));
            if (want.key() == InstanceKey.NONE && target.key() == InstanceKey.NONE && want.name().equals(have.name())) {
                to.add(new ModuleStep(target.name(), have.key()).toString());
            } else if (want.equals(have)) {
                to.add(target.toString());
            } else {
                return null;
            }
            to.addAll(path.subList(n, path.size()));
            return new ResourceAddress(to, r.mode(), r.type(), r.name()).instance(a.key());
        }
        if (!r.equals(f.resource())) {
            return null;
        }
        if (f.isInstance() || t.isInstance()) {
            InstanceKey fromKey = f.isInstance() ? f.key() : InstanceKey.NONE;
            if (!a.key().equals(fromKey)) {
                return null;
            }
            return t.resource().instance(t.isInstance() ? t.key() : InstanceKey.NONE);
        }
        return t.resource().instance(a.key());
    }
}
