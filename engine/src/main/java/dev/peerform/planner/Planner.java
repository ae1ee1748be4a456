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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Makes a plan: refreshes the prior state (batched reads), evaluates the configuration in dependency order, diffs
 * each instance into no-op, create, update, replace or delete, applies the lifecycle rules and the modes, lets the
 * providers check the whole plan, and expands every change into the provider's steps in one acyclic DAG.
 */
public final class Planner {

    /** {@code moduleTargets}: {@code -target=module.x} and {@code module.x[0]}, as module instance paths. */
    /** {@code parallelism}: how many reads the providers may make at once (-parallelism, 10 by default). */
    public record Options(PlanMode mode, boolean refresh, List<InstanceAddress> targets, List<InstanceAddress> replace,
            List<List<String>> moduleTargets, int parallelism) {
        public static final Options DEFAULT = new Options(PlanMode.NORMAL, true, List.of(), List.of());

        public Options(PlanMode mode, boolean refresh, List<InstanceAddress> targets, List<InstanceAddress> replace) {
            this(mode, refresh, targets, replace, List.of());
        }

        public Options(PlanMode mode, boolean refresh, List<InstanceAddress> targets, List<InstanceAddress> replace,
                List<List<String>> moduleTargets) {
            this(mode, refresh, targets, replace, moduleTargets, 10);
        }

        public Options withMode(PlanMode other) {
            return new Options(other, refresh, targets, replace, moduleTargets, parallelism);
        }

        public Options withParallelism(int n) {
            return new Options(mode, refresh, targets, replace, moduleTargets, n);
        }
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

    private String workspace = "default";

    /** The run's workspace, which terraform.workspace gives; "default" unless set. */
    public Planner workspace(String name) {
        this.workspace = name;
        return this;
    }

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
        // the graph needs only the configuration: it is built on the other core while the state is refreshed
        // (an error before it is needed leaves it unused)
        Diagnostics graphErrors = new Diagnostics();
        FutureTask<ConfigGraph> building = new FutureTask<>(() -> ConfigGraph.build(root, graphErrors));
        Thread builder = new Thread(building, "peerform-config-graph");
        builder.setDaemon(true);
        builder.start();
        Moves.Result moves = Moves.plan(root, new ModuleValues(root, variables, providers, cwd, a -> null, true),
                prior, diags);
        if (diags.hasErrors()) {
            return new Result(new Plan(options.mode(), List.of(), List.of(), List.of(), new StepGraph(),
                    prior.lineage(), prior.serial(), variables, Map.of(), Map.of(), Map.of(), clock.instant()), prior);
        }
        Imports.Result imports = Imports.plan(root, new ModuleValues(root, variables, providers, cwd, a -> null, true),
                providers, config, moves.state(), diags);
        providers.allConfigured().values().forEach(p -> p.planning(options.parallelism()));
        Refresh refresh = new Refresh(providers);
        Refresh.Outcome refreshed = refresh.run(imports.state(), options.refresh(), diags);
        ConfigGraph graph = built(building);
        diags.addAll(graphErrors);
        if (graphErrors.errors().stream().anyMatch(d -> d.summary().equals("Cycle")
                || d.summary().startsWith("Self-referential"))) {
            // a cycle (or a reference the graph refuses): evaluating in its order would go round for ever
            return new Result(new Plan(options.mode(), List.of(), List.of(), refreshed.drift(), new StepGraph(),
                    prior.lineage(), prior.serial(), variables, Map.of(), new HashMap<>(), new HashMap<>(),
                    clock.instant()), refreshed.state());
        }
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
        if (!options.targets().isEmpty() || !options.moduleTargets().isEmpty()) {
            changes = Targeting.target(changes, options.targets(), options.moduleTargets(), pass.resourceDeps());
            diags.warning("Resource targeting is in effect", "You are creating a plan with the -target option, "
                    + "which means that the result of this plan may not represent all of the changes requested by "
                    + "the current configuration.\n\nThe -target option is not for routine use, and is provided "
                    + "only for exceptional situations such as recovering from errors or mistakes, or when peerform "
                    + "specifically suggests to use it as part of an error message.", null);
        }
        List<OutputChange> outputs = Outputs.plan(root, values, refreshed.state(), options.mode(), diags);
        if (options.mode() != PlanMode.DESTROY) {
            Checks.judge(root, values, diags);
        }
        if (!options.targets().isEmpty() || !options.moduleTargets().isEmpty()) {
            // a targeted plan leaves the outputs as the state has them (Terraform plans only those that depend on
            // the targets; peerform none)
            outputs = outputs.stream().filter(o -> o.before() != null)
                    .map(o -> new OutputChange(o.name(), ChangeAction.NO_OP, o.before(), o.before(), o.sensitive()))
                    .toList();
        }
        checks.validatePlan(changes, diags);
        StepGraph steps = new StepGraph();
        if (!diags.hasErrors()) {
            steps = new StepPlanner(providers).build(changes, pass.orderOnlyDeps(), diags);
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
                moves.moved(), pass.forgotten(), imports.imported(),
                diags.hasErrors() ? List.of() : PlanAnnotations.of(providers, changes, diags));
        return new Result(plan, refreshed.state());
    }

    /** The graph built on the other thread; its failure is this thread's. */
    private static ConfigGraph built(FutureTask<ConfigGraph> building) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return building.get();
                } catch (InterruptedException e) {
                    interrupted = true; // building takes no time worth abandoning: wait, and pass it on
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private record Pass(List<ResourceChange> changes, ModuleValues values, Map<InstanceAddress, Value> planned,
            List<InstanceAddress> forgotten, Map<String, Set<String>> resourceDeps,
            Map<String, Set<String>> orderOnlyDeps) {
    }

    /**
     * Every instance's change: from the configuration, then what the state has and the configuration does not.
     * {@code required} are instances a provider says the cloud cannot keep through the changes: replaced.
     */
    private Pass changes(ConfigGraph graph, Refresh.Outcome refreshed, Options options, Set<InstanceAddress> required,
            Diagnostics diags) {
        Map<InstanceAddress, Value> planned = new HashMap<>();
        ModuleValues values = new ModuleValues(root, variables, providers, cwd, planned::get, true);
        values.workspace(workspace);
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
        List<InstanceAddress> forgotten = options.mode() == PlanMode.DESTROY ? List.of()
                : Removals.plan(root, changes, diags);
        Lifecycle.preventDestroy(changes, config, diags);
        return new Pass(changes, values, planned, forgotten, out.resourceDeps(), out.orderOnlyDeps());
    }
}
