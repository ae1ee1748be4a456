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
 * (which would otherwise recurse without end). The walk keeps its own stack, so a chain of any length is fine.
 */
final class LocalCycles {

    private LocalCycles() {
    }

    private enum Mark { ON_PATH, DONE }

    /** One local on the walk's path, with the references of its expression still to follow. */
    private record Frame(String name, Iterator<Expr.ScopeTraversal> refs) {
    }

    /** {@code names}: where each local's name is defined, to show on the path. */
    static void report(Map<String, Expr> locals, Map<String, SourceRange> names, Diagnostics diags) {
        Map<String, Mark> marks = new HashMap<>();
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
                    path.pop();
                    continue;
                }
                Expr.ScopeTraversal ref = top.refs().next();
                String to = localName(ref);
                if (to == null || !locals.containsKey(to) || marks.get(to) == Mark.DONE) {
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
