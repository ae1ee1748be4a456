package dev.peerform.plans;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.PriorityQueue;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;

/**
 * The action DAG: every step of every change, with edges from the steps' order within a change, from references
 * (reversed for deletes), from the providers' ordering rules and from replacement order. It is acyclic by
 * construction (adding an edge that closes a cycle is refused with the cycle's path).
 */
public final class StepGraph {

    private final DirectedAcyclicGraph<PlannedStep, DefaultEdge> dag = new DirectedAcyclicGraph<>(DefaultEdge.class);
    private final Map<String, PlannedStep> byId = new LinkedHashMap<>();
    private final Map<DefaultEdge, String> reasons = new HashMap<>();

    public void add(PlannedStep step) {
        dag.addVertex(step);
        byId.put(step.id(), step);
    }

    /**
     * Adds "before finishes before after starts"; returns false (and adds nothing) when the edge would close a
     * cycle, so the caller can report it.
     */
    public boolean order(PlannedStep before, PlannedStep after, String why) {
        if (before.equals(after) || dag.containsEdge(before, after)) {
            return true;
        }
        try {
            DefaultEdge e = dag.addEdge(before, after);
            reasons.put(e, why);
            return true;
        } catch (IllegalArgumentException cycle) {
            return false;
        }
    }

    /** True when {@code to} waits, directly or not, for {@code from} (or is it). */
    public boolean reaches(PlannedStep from, PlannedStep to) {
        return from.equals(to) || dag.getDescendants(from).contains(to);
    }

    /** The steps that wait, directly or not, for {@code s}. */
    public Set<PlannedStep> descendants(PlannedStep s) {
        return dag.getDescendants(s);
    }

    public PlannedStep step(String id) {
        return byId.get(id);
    }

    public List<PlannedStep> steps() {
        return List.copyOf(byId.values());
    }

    public int size() {
        return byId.size();
    }

    public List<PlannedStep> predecessors(PlannedStep s) {
        List<PlannedStep> out = new ArrayList<>();
        for (DefaultEdge e : dag.incomingEdgesOf(s)) {
            out.add(dag.getEdgeSource(e));
        }
        return out;
    }

    public List<PlannedStep> successors(PlannedStep s) {
        List<PlannedStep> out = new ArrayList<>();
        for (DefaultEdge e : dag.outgoingEdgesOf(s)) {
            out.add(dag.getEdgeTarget(e));
        }
        return out;
    }

    /** The reason recorded on the edge from one step to another ("" when none or no such edge). */
    public String reason(PlannedStep from, PlannedStep to) {
        DefaultEdge e = dag.getEdge(from, to);
        return e == null ? "" : reasons.getOrDefault(e, "");
    }

    /** The reasons recorded on the edges into a step, for "waits for" in the plan. */
    public List<String> reasonsInto(PlannedStep s) {
        List<String> out = new ArrayList<>();
        for (DefaultEdge e : dag.incomingEdgesOf(s)) {
            String why = reasons.get(e);
            if (why != null && !why.isEmpty()) {
                out.add(why);
            }
        }
        return out;
    }

    /** A deterministic topological order: among ready steps, the one added first goes first. */
    public List<PlannedStep> ordered() {
        Map<PlannedStep, Integer> position = new HashMap<>();
        int i = 0;
        for (PlannedStep s : byId.values()) {
            position.put(s, i++);
        }
        Map<PlannedStep, Integer> waiting = new HashMap<>();
        PriorityQueue<PlannedStep> ready = new PriorityQueue<>(Comparator.comparing(position::get));
        for (PlannedStep s : byId.values()) {
            int n = dag.inDegreeOf(s);
            waiting.put(s, n);
            if (n == 0) {
                ready.add(s);
            }
        }
        List<PlannedStep> out = new ArrayList<>(byId.size());
        while (!ready.isEmpty()) {
            PlannedStep s = ready.poll();
            out.add(s);
            for (PlannedStep next : successors(s)) {
                if (waiting.merge(next, -1, Integer::sum) == 0) {
                    ready.add(next);
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    Graph<PlannedStep, DefaultEdge> graph() {
        return dag;
    }
}
