package dev.peerform.config;

import dev.peerform.diag.Diagnostics;
import dev.peerform.diag.SourceRange;
import dev.peerform.lang.References;
import dev.peerform.syntax.Expr;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Local values that refer to each other in a circle have no value: each is reported once, at the reference that
 * closes the circle, with the circle's path. Found when the module is loaded, before anything evaluates a local
 * (which would otherwise recurse without end). A chain longer than {@link #MAX_CHAIN} is refused too. The walk
 * keeps its own stack, so it handles a chain of any length.
 */
final class LocalCycles {

    private LocalCycles() {
    }

    private enum Mark { ON_PATH, DONE }

    /**
     * How long a chain of locals (each referring to the next) may be. Locals are evaluated on demand, each one's
     * references inside its own evaluation, so a chain is as deep on the stack as it is long; no real
     * configuration chains more than a few dozen.
     */
    static final int MAX_CHAIN = 100;

    /** One local on the walk's path, with the references of its expression still to follow. */
    private static final class Frame {
        final String name;
        final Iterator<Expr.ScopeTraversal> refs;
        /** The longest chain below this local found so far. */
        int below;

        Frame(String name, Iterator<Expr.ScopeTraversal> refs) {
            this.name = name;
            this.refs = refs;
        }

        String name() {
            return name;
        }

        Iterator<Expr.ScopeTraversal> refs() {
            return refs;
        }
    }

    /** {@code names}: where each local's name is defined, to show on the path. */
    static void report(Map<String, Expr> locals, Map<String, SourceRange> names, Diagnostics diags) {
        Map<String, Mark> marks = new HashMap<>();
        Map<String, Integer> chains = new HashMap<>();
        boolean chainReported = false;
        for (String start : locals.keySet()) {
            if (marks.containsKey(start)) {
                continue;
            }
            Deque<Frame> path = new ArrayDeque<>();
            path.push(frame(start, locals));
            marks.put(start, Mark.ON_PATH);
            while (!path.isEmpty()) {
                Frame top = path.peek();
                if (!top.refs().hasNext()) {
                    marks.put(top.name(), Mark.DONE);
                    int chain = top.below + 1;
                    chains.put(top.name(), chain);
                    path.pop();
                    if (!path.isEmpty()) {
                        path.peek().below = Math.max(path.peek().below, chain);
                    }
                    if (chain > MAX_CHAIN && !chainReported) {
                        chainReported = true;
                        diags.error("Local values chained too deeply", "local." + top.name() + " is computed from "
                                + "a chain of " + (chain - 1) + " other local values, each referring to the next; "
                                + "peerform follows at most " + MAX_CHAIN + ". Compute some of them in one "
                                + "expression.", names.get(top.name()));
                    }
                    continue;
                }
                Expr.ScopeTraversal ref = top.refs().next();
                String to = localName(ref);
                if (to == null || !locals.containsKey(to)) {
                    continue;
                }
                if (marks.get(to) == Mark.DONE) {
                    top.below = Math.max(top.below, chains.get(to));
                    continue;
                }
                if (marks.get(to) == Mark.ON_PATH) {
                    closes(path, to, ref, names, diags);
                    continue;
                }
                marks.put(to, Mark.ON_PATH);
                path.push(frame(to, locals));
            }
        }
    }

    private static Frame frame(String name, Map<String, Expr> locals) {
        Expr e = locals.get(name);
        return new Frame(name, (e == null ? List.<Expr.ScopeTraversal>of() : References.of(e)).iterator());
    }

    private static String localName(Expr.ScopeTraversal ref) {
        if (!ref.root().equals("local") || ref.steps().isEmpty()
                || !(ref.steps().get(0) instanceof Expr.AttrStep a)) {
            return null;
        }
        return a.name();
    }

    private static void closes(Deque<Frame> path, String to, Expr.ScopeTraversal ref, Map<String, SourceRange> names,
            Diagnostics diags) {
        String from = path.peek().name();
        if (from.equals(to)) {
            diags.error("Self-referential local", "local." + to + " refers to itself. A local value cannot be "
                    + "computed from its own value.", ref.range());
            return;
        }
        // the path is a stack, newest first: the circle runs from "to" down to "from", then back to "to"
        List<String> circle = new ArrayList<>();
        Iterator<Frame> newestFirst = path.iterator();
        while (newestFirst.hasNext()) {
            String name = newestFirst.next().name();
            circle.add(0, "local." + name + " (" + names.get(name) + ")");
            if (name.equals(to)) {
                break;
            }
        }
        circle.add("local." + to);
        diags.error("Cycle", "The local values refer to each other in a cycle: " + String.join(" -> ", circle)
                + ". Break the cycle by removing one of these references.", ref.range());
    }
}
