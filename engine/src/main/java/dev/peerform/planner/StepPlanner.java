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
import dev.peerform.spi.ResourceType;
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
 * action), then edges from dependencies (creates after what they refer to; destroys before what they referred to)
 * and from the providers' ordering rules. An edge that would close a cycle is an error naming both steps.
 */
final class StepPlanner {

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

    StepGraph build(List<ResourceChange> changes, Diagnostics diags) {
        StepGraph g = new StepGraph();
        Map<String, List<Halves>> byResource = new HashMap<>();
        Map<ResourceChange, Halves> halves = new LinkedHashMap<>();
        for (ResourceChange c : changes) {
            if (c.action() == ChangeAction.NO_OP) {
                continue;
            }
            ResourceType type = providers.resourceType(c.type());
            List<StepSpec> specs = resumed(c, phaseOrdered(c.action(), type.steps(new ChangeView(c.address(),
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
            halves.put(c, h);
            byResource.computeIfAbsent(c.address().resource().toString(), k -> new ArrayList<>()).add(h);
        }
        List<RuleEdge> rules = ruleEdges(g);
        Set<List<Object>> ruled = new HashSet<>();
        rules.forEach(r -> ruled.add(List.of(r.before().change().address(), r.after().change().address())));
        for (Map.Entry<ResourceChange, Halves> e : halves.entrySet()) {
            ResourceChange c = e.getKey();
            Halves h = e.getValue();
            for (String dep : c.dependencies()) {
                for (Halves d : byResource.getOrDefault(dep, List.of())) {
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
        return g;
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
        List<StepSpec> destroy = steps.stream().filter(s -> s.phase() == Phase.DESTROY).toList();
        List<StepSpec> rest = steps.stream().filter(s -> s.phase() != Phase.DESTROY).toList();
        List<StepSpec> out = new ArrayList<>();
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
