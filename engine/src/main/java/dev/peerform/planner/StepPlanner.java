package dev.peerform.planner;

import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import dev.peerform.plans.PlannedStep;
import dev.peerform.plans.ResourceChange;
import dev.peerform.plans.StepGraph;
import dev.peerform.providers.ProviderSet;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.ChangeView;
import dev.peerform.spi.ConfiguredProvider;
import dev.peerform.spi.Phase;
import dev.peerform.spi.StepEdge;
import dev.peerform.spi.StepSpec;
import dev.peerform.spi.StepView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands changes into the action DAG: each change's steps in order (destroy half and create half ordered by the
 * action), then edges from references (creates after what they refer to; destroys before what they referred to)
 * and from the providers' ordering rules. An edge that would close a cycle is an error naming both steps.
 *
 * <p>Last come the dependencies only {@code depends_on} gives, which carry an order and no value. Each keeps
 * Terraform's meaning as far as the cloud allows: the dependent's first step waits for every step of the
 * dependency that does not itself wait, directly or not, for the dependent (reversed for destroys). So a
 * {@code depends_on} never closes a cycle, and where a provider rule already orders a step of the dependency after
 * the dependent (an acceptor's connection awaits Active, which only the initiator's connect brings), the rule stands
 * and the cloud sees the same calls, in the same order, with or without the {@code depends_on}.
 */
final class StepPlanner {

    /** A data source read during apply: one step, after what its configuration depends on. */
    static final StepSpec READ = StepSpec.of("read", Phase.CREATE, "read the data source");

    private final ProviderSet providers;

    StepPlanner(ProviderSet providers) {
        this.providers = providers;
    }

    private record Halves(ResourceChange change, List<PlannedStep> destroy, List<PlannedStep> create) {
        PlannedStep firstCreate() {
            return create.isEmpty() ? null : create.get(0);
        }

        PlannedStep lastCreate() {
            return create.isEmpty() ? null : create.get(create.size() - 1);
        }

        PlannedStep firstDestroy() {
            return destroy.isEmpty() ? null : destroy.get(0);
        }

        PlannedStep lastDestroy() {
            return destroy.isEmpty() ? null : destroy.get(destroy.size() - 1);
        }
    }

    StepGraph build(List<ResourceChange> changes, Map<String, Set<String>> orderOnly, Diagnostics diags) {
        StepGraph g = new StepGraph();
        Map<String, List<Halves>> byResource = new HashMap<>();
        // in the order of the changes; a list, not a map keyed by the change (hashing a change hashes its values)
        List<Halves> halves = new ArrayList<>();
        for (ResourceChange c : changes) {
            if (c.action() == ChangeAction.NO_OP) {
                continue;
            }
            List<StepSpec> specs = c.action() == ChangeAction.READ ? List.of(READ)
                    : resumed(c, phaseOrdered(c.action(), providers.resourceType(c.type()).steps(new ChangeView(c.address(),
                    c.type(), c.action(), c.before(), c.after(), c.references(), c.providerKey()))));
            List<PlannedStep> destroy = new ArrayList<>();
            List<PlannedStep> create = new ArrayList<>();
            PlannedStep previous = null;
            for (int i = 0; i < specs.size(); i++) {
                StepSpec spec = specs.get(i);
                boolean last = i == specs.size() - 1 || specs.get(i + 1).phase() != spec.phase();
                PlannedStep s = new PlannedStep(c.address() + "#" + spec.phase() + "#" + spec.name(), c, spec, i, last);
                g.add(s);
                if (previous != null) {
                    g.order(previous, s, "");
                }
                previous = s;
                (spec.phase() == Phase.DESTROY ? destroy : create).add(s);
            }
            Halves h = new Halves(c, destroy, create);
            halves.add(h);
            for (String key : DependencyInstances.keys(c.address().resource())) {
                byResource.computeIfAbsent(key, k -> new ArrayList<>()).add(h);
            }
        }
        List<RuleEdge> rules = ruleEdges(g);
        Set<List<Object>> ruled = new HashSet<>();
        rules.forEach(r -> ruled.add(List.of(r.before().change().address(), r.after().change().address())));
        for (Halves h : halves) {
            ResourceChange c = h.change();
            Set<String> soft = orderOnly.getOrDefault(c.address().resource().toString(), Set.of());
            for (String dep : c.dependencies()) {
                if (soft.contains(dep)) {
                    continue;
                }
                for (Halves d : byResource.getOrDefault(DependencyInstances.lookup(c.address().resource(), dep),
                        List.of())) {
                    if (h.firstCreate() != null && d.lastCreate() != null && !reversedByRule(c, d.change(), ruled)) {
                        order(g, d.lastCreate(), h.firstCreate(), "needs " + dep, diags);
                    }
                    if (h.lastDestroy() != null && d.firstDestroy() != null) {
                        order(g, h.lastDestroy(), d.firstDestroy(), c.address() + " is gone", diags);
                    }
                }
            }
        }
        for (RuleEdge r : rules) {
            order(g, r.before(), r.after(), r.why(), diags);
        }
        for (Halves h : halves) {
            ResourceChange c = h.change();
            for (String dep : orderOnly.getOrDefault(c.address().resource().toString(), Set.of())) {
                if (!c.dependencies().contains(dep)) {
                    continue;
                }
                for (Halves d : byResource.getOrDefault(DependencyInstances.lookup(c.address().resource(), dep),
                        List.of())) {
                    dependsOn(g, d, h, dep);
                }
            }
        }
        return g;
    }

    /**
     * {@code dependent depends_on dependency}: the dependent's first create (or update) step after each of the
     * dependency's create steps that the graph does not already order after the dependent; the dependency's first
     * destroy step after each of the dependent's destroy steps not already ordered after the dependency's. An edge
     * that would close a cycle is exactly one the graph already orders the other way, so it is left out.
     */
    private static void dependsOn(StepGraph g, Halves dependency, Halves dependent, String dep) {
        if (dependent.firstCreate() != null) {
            for (PlannedStep s : dependency.create()) {
                if (!g.reaches(dependent.firstCreate(), s)) {
                    g.order(s, dependent.firstCreate(), "depends on " + dep);
                }
            }
        }
        if (dependency.firstDestroy() != null) {
            for (PlannedStep s : dependent.destroy()) {
                if (!g.reaches(dependency.firstDestroy(), s)) {
                    g.order(s, dependency.firstDestroy(), dependent.change().address() + " is gone");
                }
            }
        }
    }

    private record RuleEdge(PlannedStep before, PlannedStep after, String why) {
    }

    /** The providers' ordering rules over the steps of their resources. */
    private List<RuleEdge> ruleEdges(StepGraph g) {
        Map<String, List<PlannedStep>> byProvider = new LinkedHashMap<>();
        for (PlannedStep s : g.steps()) {
            byProvider.computeIfAbsent(ConfigIndex.providerName(s.change().providerKey()), k -> new ArrayList<>()).add(s);
        }
        List<RuleEdge> out = new ArrayList<>();
        for (Map.Entry<String, List<PlannedStep>> e : byProvider.entrySet()) {
            ConfiguredProvider p = providers.anyConfigured(e.getKey());
            if (p == null) {
                continue;
            }
            Map<StepView, PlannedStep> back = new IdentityHashMap<>();
            List<StepView> views = new ArrayList<>();
            for (PlannedStep s : e.getValue()) {
                StepView v = view(s);
                back.put(v, s);
                views.add(v);
            }
            for (StepEdge edge : p.order(views)) {
                PlannedStep before = back.get(edge.before());
                PlannedStep after = back.get(edge.after());
                if (before != null && after != null) {
                    out.add(new RuleEdge(before, after, edge.why()));
                }
            }
        }
        return out;
    }

    /**
     * A reference orders an update after what it refers to only to receive new values. An update whose values
     * are all known already needs none, so a provider rule may put it first (a suspended connection is resumed
     * before its interface's bandwidth changes: the cloud changes bandwidth only while Active).
     */
    private static boolean reversedByRule(ResourceChange dependent, ResourceChange dependency,
            Set<List<Object>> ruled) {
        return dependent.action() == ChangeAction.UPDATE && dependent.after() != null
                && dependent.after().isWhollyKnown()
                && ruled.contains(List.of(dependent.address(), dependency.address()));
    }

    private static void order(StepGraph g, PlannedStep before, PlannedStep after, String why, Diagnostics diags) {
        if (!g.order(before, after, why)) {
            diags.add(Diagnostic.errorAt(after.change().address().toString(), "Cycle in the ordered actions",
                    "\"" + after.label() + "\" must wait for \"" + before.label() + "\" (" + why + "), but that step "
                            + "already waits, directly or not, for this one. The configuration asks for an order the "
                            + "cloud cannot follow; check the references and depends_on between these resources."));
        }
    }

    static StepView view(PlannedStep s) {
        ResourceChange c = s.change();
        return new StepView(c.address(), c.type(), c.action(), s.spec(), c.before(), c.after(),
                c.references());
    }

    /**
     * A create an interrupted run left half-done goes on from where it stopped: its remaining steps, which keep
     * their names and so every ordering edge the providers' rules give them. Should the provider's steps have
     * changed so that none remains, the last one runs again (the steps are idempotent).
     */
    private static List<StepSpec> resumed(ResourceChange c, List<StepSpec> specs) {
        if (c.resumedSteps().isEmpty()) {
            return specs;
        }
        List<StepSpec> rest = specs.stream().filter(s -> s.phase() != Phase.CREATE
                || !c.resumedSteps().contains(s.name())).toList();
        return rest.isEmpty() && !specs.isEmpty() ? List.of(specs.get(specs.size() - 1)) : rest;
    }

    /** A replacement's steps: the old object's destroy steps first, or last when creating before destroying. */
    static List<StepSpec> phaseOrdered(ChangeAction action, List<StepSpec> steps) {
        List<StepSpec> destroy = new ArrayList<>(steps.size());
        List<StepSpec> rest = new ArrayList<>(steps.size());
        for (StepSpec s : steps) {
            (s.phase() == Phase.DESTROY ? destroy : rest).add(s);
        }
        if (destroy.isEmpty() || rest.isEmpty()) {
            return steps; // one phase: already in order (no streams for each of thousands of changes)
        }
        List<StepSpec> out = new ArrayList<>(steps.size());
        if (action == ChangeAction.CREATE_THEN_DELETE) {
            out.addAll(rest);
            out.addAll(destroy);
        } else {
            out.addAll(destroy);
            out.addAll(rest);
        }
        return out;
    }
}
