package dev.peerform.planner;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.addrs.ResourceMode;
import dev.peerform.config.Module;
import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import dev.peerform.eval.ModuleValues;
import dev.peerform.graph.ConfigGraph;
import dev.peerform.graph.ConfigNode;
import dev.peerform.plans.ChangeReason;
import dev.peerform.plans.OutputChange;
import dev.peerform.plans.Plan;
import dev.peerform.plans.PlanMode;
import dev.peerform.plans.ResourceChange;
import dev.peerform.plans.StepGraph;
import dev.peerform.providers.ProviderSet;
import dev.peerform.spi.ChangeAction;
import dev.peerform.states.State;
import dev.peerform.value.Value;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Makes a plan: refreshes the prior state (batched reads), evaluates the configuration in dependency order, diffs
 * each instance into no-op, create, update, replace or delete, applies the lifecycle rules and the modes, lets the
 * providers check the whole plan, and expands every change into the provider's steps in one acyclic DAG.
 */
public final class Planner {

    public record Options(PlanMode mode, boolean refresh, List<InstanceAddress> targets, List<InstanceAddress> replace) {
        public static final Options DEFAULT = new Options(PlanMode.NORMAL, true, List.of(), List.of());
    }

    /** The plan, and the refreshed prior state it was made from (what apply starts from). */
    public record Result(Plan plan, State refreshed) {
    }

    private final Module root;
    private final Map<String, Value> variables;
    private final ProviderSet providers;
    private final Path cwd;
    private final Clock clock;
    private final ConfigIndex config;
    private final InstanceDiff diff;
    private final ProviderChecks checks;

    public Planner(Module root, Map<String, Value> variables, ProviderSet providers, Path cwd, Clock clock) {
        this.root = root;
        this.variables = variables;
        this.providers = providers;
        this.cwd = cwd;
        this.clock = clock;
        this.config = new ConfigIndex(root, providers);
        this.diff = new InstanceDiff(providers, config);
        this.checks = new ProviderChecks(providers, config);
    }

    public Result plan(State prior, Options options, Diagnostics diags) {
        Refresh refresh = new Refresh(providers);
        Refresh.Outcome refreshed = refresh.run(prior, options.refresh(), diags);
        ConfigGraph graph = ConfigGraph.build(root, diags);
        Diagnostics first = new Diagnostics();
        Pass pass = changes(graph, refreshed, options, Set.of(), first);
        Map<InstanceAddress, String> more = options.mode() == PlanMode.NORMAL && !first.hasErrors()
                && !diags.hasErrors() ? checks.replacementsRequired(pass.changes()) : Map.of();
        if (more.isEmpty()) {
            diags.addAll(first);
        } else {
            // the cloud cannot keep these through the changes: plan again with them replaced, so that what refers
            // to them is planned against their new (unknown) values
            more.forEach((a, why) -> diags.add(Diagnostic.warningAt(a.toString(), "Replacing " + a
                    + " as well", why)));
            pass = changes(graph, refreshed, options, more.keySet(), diags);
        }
        List<ResourceChange> changes = pass.changes();
        ModuleValues values = pass.values();
        Map<InstanceAddress, Value> planned = pass.planned();
        if (!options.targets().isEmpty()) {
            changes = Targeting.target(changes, options.targets(), pass.resourceDeps());
        }
        List<OutputChange> outputs = Outputs.plan(root, values, refreshed.state(), options.mode(), diags);
        checks.validatePlan(changes, diags);
        StepGraph steps = new StepGraph();
        if (!diags.hasErrors()) {
            steps = new StepPlanner(providers).build(changes, diags);
        }
        Map<String, String> endpoints = new TreeMap<>();
        providers.allConfigured().forEach((k, p) -> endpoints.put(k, p.endpoint()));
        Map<InstanceAddress, Value> data = new HashMap<>();
        planned.forEach((a, v) -> {
            if (a.resource().mode() == ResourceMode.DATA) {
                data.put(a, v);
            }
        });
        Plan plan = new Plan(options.mode(), changes, outputs, refreshed.drift(), steps, prior.lineage(),
                prior.serial(), variables, endpoints, new HashMap<>(values.expansions()), data, clock.instant(),
                diags.hasErrors() ? List.of() : PlanAnnotations.of(providers, changes, diags));
        return new Result(plan, refreshed.state());
    }

    private record Pass(List<ResourceChange> changes, ModuleValues values, Map<InstanceAddress, Value> planned,
            Map<String, Set<String>> resourceDeps) {
    }

    /**
     * Every instance's change: from the configuration, then what the state has and the configuration does not.
     * {@code required} are instances a provider says the cloud cannot keep through the changes: replaced.
     */
    private Pass changes(ConfigGraph graph, Refresh.Outcome refreshed, Options options, Set<InstanceAddress> required,
            Diagnostics diags) {
        Map<InstanceAddress, Value> planned = new HashMap<>();
        ModuleValues values = new ModuleValues(root, variables, providers, cwd, planned::get, true);
        values.validateModuleVariables(diags);
        PassInput in = new PassInput(graph, values, refreshed, options, required);
        PassOutput out = new PassOutput(planned);
        if (!diags.hasErrors()) {
            for (ConfigNode node : graph.order()) {
                if (node.kind() == ConfigNode.Kind.RESOURCE) {
                    diff.plan(node, in, out, diags);
                }
            }
        }
        Orphans.plan(in, out, config);
        List<ResourceChange> changes = out.changes();
        if (options.mode() == PlanMode.REFRESH_ONLY) {
            changes.replaceAll(c -> c.withAction(ChangeAction.NO_OP, ChangeReason.NONE));
            changes.removeIf(c -> c.before() == null);
        }
        changes.sort(Comparator.comparing(ResourceChange::address));
        Lifecycle.preventDestroy(changes, config, diags);
        return new Pass(changes, values, planned, out.resourceDeps());
    }
}
