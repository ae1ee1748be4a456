package dev.peerform.plan;

import dev.peerform.config.Module;
import dev.peerform.config.ModuleCall;
import dev.peerform.config.ModuleScope;
import dev.peerform.config.Output;
import dev.peerform.config.Resource;
import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import dev.peerform.diag.Suggestions;
import dev.peerform.graph.ConfigGraph;
import dev.peerform.graph.ConfigNode;
import dev.peerform.graph.InstanceAddress;
import dev.peerform.graph.InstanceKey;
import dev.peerform.graph.ResourceAddress;
import dev.peerform.lang.ValueJson;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.ChangeView;
import dev.peerform.spi.ConfiguredProvider;
import dev.peerform.spi.Phase;
import dev.peerform.spi.PlannedInstance;
import dev.peerform.spi.ResourceType;
import dev.peerform.spi.StepSpec;
import dev.peerform.spi.StepView;
import dev.peerform.states.InstanceState;
import dev.peerform.states.Redaction;
import dev.peerform.states.State;
import dev.peerform.syntax.Expr;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Value;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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

    public enum Mode { NORMAL, DESTROY, REFRESH_ONLY }

    public record Options(Mode mode, boolean refresh, List<InstanceAddress> targets, List<InstanceAddress> replace) {
        public static final Options DEFAULT = new Options(Mode.NORMAL, true, List.of(), List.of());
    }

    /** The plan, and the refreshed prior state it was made from (what apply starts from). */
    public record Result(Plan plan, State refreshed) {
    }

    private final Module root;
    private final Map<String, Value> variables;
    private final ProviderSet providers;
    private final Path cwd;
    private final Clock clock;

    public Planner(Module root, Map<String, Value> variables, ProviderSet providers, Path cwd, Clock clock) {
        this.root = root;
        this.variables = variables;
        this.providers = providers;
        this.cwd = cwd;
        this.clock = clock;
    }

    public Result plan(State prior, Options options, Diagnostics diags) {
        Refresh refresh = new Refresh(providers);
        Refresh.Outcome refreshed = refresh.run(prior, options.refresh(), diags);
        ConfigGraph graph = ConfigGraph.build(root, diags);
        Diagnostics first = new Diagnostics();
        Pass pass = changes(graph, refreshed, options, Set.of(), first);
        Map<InstanceAddress, String> more = options.mode() == Mode.NORMAL && !first.hasErrors()
                && !diags.hasErrors() ? replacementsRequired(pass.changes()) : Map.of();
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
        Evaluation evaluation = pass.evaluation();
        Map<InstanceAddress, Value> planned = pass.planned();
        if (!options.targets().isEmpty()) {
            changes = target(changes, options.targets(), pass.resourceDeps());
        }
        List<OutputChange> outputs = outputs(evaluation, refreshed.state(), options.mode(), diags);
        validatePlan(changes, diags);
        StepGraph steps = new StepGraph();
        if (!diags.hasErrors()) {
            steps = new StepPlanner(providers).build(changes, diags);
        }
        Map<String, String> endpoints = new TreeMap<>();
        providers.allConfigured().forEach((k, p) -> endpoints.put(k, p.endpoint()));
        Map<InstanceAddress, Value> data = new HashMap<>();
        planned.forEach((a, v) -> {
            if (a.resource().mode() == Resource.Mode.DATA) {
                data.put(a, v);
            }
        });
        Plan plan = new Plan(options.mode(), changes, outputs, refreshed.drift(), steps, prior.lineage(),
                prior.serial(), variables, endpoints, new HashMap<>(evaluation.expansions()), data, clock.instant());
        return new Result(plan, refreshed.state());
    }

    private record Pass(List<ResourceChange> changes, Evaluation evaluation, Map<InstanceAddress, Value> planned,
            Map<String, Set<String>> resourceDeps) {
    }

    /**
     * Every instance's change: from the configuration, then what the state has and the configuration does not.
     * {@code required} are instances a provider says the cloud cannot keep through the changes: replaced.
     */
    private Pass changes(ConfigGraph graph, Refresh.Outcome refreshed, Options options, Set<InstanceAddress> required,
            Diagnostics diags) {
        Map<InstanceAddress, Value> planned = new HashMap<>();
        Evaluation evaluation = new Evaluation(root, variables, providers, cwd, planned::get, true);
        evaluation.validateModuleVariables(diags);
        List<ResourceChange> changes = new ArrayList<>();
        Set<InstanceAddress> inConfig = new HashSet<>();
        Map<String, Set<String>> resourceDeps = new HashMap<>();
        if (!diags.hasErrors()) {
            for (ConfigNode node : graph.order()) {
                if (node.kind() != ConfigNode.Kind.RESOURCE) {
                    continue;
                }
                planResource(node, graph, evaluation, refreshed, options, required, planned, changes, inConfig,
                        resourceDeps, diags);
            }
        }
        // instances the state has and the configuration no longer does (or every one, when destroying)
        for (Map.Entry<InstanceAddress, ObjectValue> e : refreshed.current().entrySet()) {
            InstanceAddress a = e.getKey();
            if (a.resource().mode() == Resource.Mode.DATA || (inConfig.contains(a) && options.mode() != Mode.DESTROY)) {
                continue;
            }
            State.Resource sr = refreshed.state().resource(a.resource());
            InstanceState is = sr.instances.get(a.key());
            String reason = options.mode() == Mode.DESTROY ? "" : orphanReason(a);
            changes.removeIf(c -> c.address().equals(a));
            changes.add(new ResourceChange(a, Refresh.providerKey(sr.provider), refreshed.schemas().get(a.resource()),
                    ChangeAction.DELETE, e.getValue(), null, List.of(), reason, Map.of(), is.dependencies(), false,
                    null));
        }
        if (options.mode() == Mode.REFRESH_ONLY) {
            changes.replaceAll(c -> c.withAction(ChangeAction.NO_OP, ""));
            changes.removeIf(c -> c.before() == null);
        }
        changes.sort(Comparator.comparing(ResourceChange::address));
        preventDestroy(changes, diags);
        return new Pass(changes, evaluation, planned, resourceDeps);
    }

    /** What the providers say must be replaced along with the planned changes (and is not replaced yet), and why. */
    private Map<InstanceAddress, String> replacementsRequired(List<ResourceChange> changes) {
        Map<InstanceAddress, String> out = new TreeMap<>();
        Map<String, ResourceChange> byAddress = new HashMap<>();
        changes.forEach(c -> byAddress.put(c.address().toString(), c));
        views(changes).forEach((name, views) -> {
            ConfiguredProvider p = providers.anyConfigured(name);
            if (p == null) {
                return;
            }
            p.replacementsRequired(views).forEach((address, why) -> {
                ResourceChange c = byAddress.get(address);
                if (c != null && (c.action() == ChangeAction.NO_OP || c.action() == ChangeAction.UPDATE)) {
                    out.put(c.address(), why);
                }
            });
        });
        return out;
    }

    private static Map<String, List<ChangeView>> views(List<ResourceChange> changes) {
        Map<String, List<ChangeView>> byProvider = new LinkedHashMap<>();
        for (ResourceChange c : changes) {
            byProvider.computeIfAbsent(providerName(c.providerKey()), k -> new ArrayList<>()).add(new ChangeView(
                    c.address().toString(), c.type(), c.action(), c.before(), c.after(), c.references(),
                    c.providerKey()));
        }
        return byProvider;
    }

    private void planResource(ConfigNode node, ConfigGraph graph, Evaluation evaluation, Refresh.Outcome refreshed,
            Options options, Set<InstanceAddress> required, Map<InstanceAddress, Value> planned,
            List<ResourceChange> changes, Set<InstanceAddress> inConfig, Map<String, Set<String>> resourceDeps, Diagnostics diags) {
        Module m = graph.moduleOf(node);
        Resource r = m.resources().get(node.name());
        ResourceAddress address = new ResourceAddress(node.path(), r.mode(), r.type(), r.name());
        if (r.mode() == Resource.Mode.DATA) {
            readData(node, r, address, evaluation, planned, diags);
            return;
        }
        ResourceType type = providers.resourceType(r.type());
        if (type == null) {
            String near = Suggestions.didYouMean(r.type(), knownTypes());
            diags.error("Invalid resource type", "The provider " + Resource.impliedProvider(r.type()) + " does not "
                    + "support resource type \"" + r.type() + "\"." + near, r.range());
            return;
        }
        if (r.lifecycle().createBeforeDestroy() && !type.allowsCreateBeforeDestroy()) {
            diags.error("create_before_destroy not possible", r.type() + " cannot be created before its old object "
                    + "is destroyed: the cloud allows only one of it at a time (for router interfaces, only one "
                    + "connected pair may join two routers). Remove create_before_destroy from " + address + ".",
                    r.range());
        }
        Set<String> deps = new LinkedHashSet<>();
        for (ConfigNode d : graph.resourceDependencies(node)) {
            deps.add(prefix(d.path()) + d.name());
        }
        resourceDeps.put(address.toString(), deps);
        Expansion expansion = evaluation.expansion(node.path(), r, diags);
        if (expansion == null) {
            return;
        }
        String providerKey = providerKeyFor(node.path(), r);
        for (InstanceKey key : expansion.keys()) {
            InstanceAddress ia = address.instance(key);
            Map<String, List<String>> references = BodyDecoder.instanceReferences(r.body(), prefix(node.path()),
                    evaluation.evaluator(node.path(), evaluation.context(expansion, key), new Diagnostics()));
            inConfig.add(ia);
            Diagnostics local = new Diagnostics();
            ObjectValue config = evaluation.instanceConfig(node.path(), r, key, local);
            if (local.hasErrors()) {
                diags.addAll(local);
                planned.put(ia, Value.unknown(type.schema().type()));
                continue;
            }
            Diagnostics validation = new Diagnostics();
            type.validate(config, validation);
            for (Diagnostic d : validation.list()) {
                diags.add(at(d.address() == null ? d.withAddress(ia.toString()) : d, r));
            }
            diags.addAll(local);
            ObjectValue prior = refreshed.current().get(ia);
            InstanceState priorState = refreshed.state().instance(ia);
            if (prior != null && !r.lifecycle().ignoreChanges().isEmpty()) {
                config = ignoreChanges(config, prior, r.lifecycle().ignoreChanges());
            } else if (prior != null && r.lifecycle().ignoreAllChanges()) {
                config = prior;
            }
            PlannedInstance p = type.plan(prior, config);
            List<String> replacePaths = new ArrayList<>();
            for (String path : p.requiresReplace()) {
                if (prior == null || !Redaction.sameForDiff(prior.get(path), p.planned().get(path))) {
                    replacePaths.add(path);
                }
            }
            ChangeAction action;
            String reason = "";
            boolean tainted = priorState != null && priorState.tainted() && priorState.pendingClientToken() == null;
            if (prior == null) {
                action = ChangeAction.CREATE;
            } else if (tainted || options.replace().contains(ia) || !replacePaths.isEmpty()
                    || required.contains(ia) || triggered(r, node.path(), evaluation, changes, diags)) {
                action = r.lifecycle().createBeforeDestroy() ? ChangeAction.CREATE_THEN_DELETE
                        : ChangeAction.DELETE_THEN_CREATE;
                reason = tainted ? "tainted" : options.replace().contains(ia) ? "replace_by_request"
                        : !replacePaths.isEmpty() || required.contains(ia)
                        ? "replace_because_cannot_update" : "replace_by_triggers";
                p = type.plan(null, config); // a new object: its computed attributes are unknown
            } else if (!Redaction.sameForDiff(prior, p.planned())) {
                action = ChangeAction.UPDATE;
            } else {
                action = ChangeAction.NO_OP;
            }
            if (options.mode() == Mode.DESTROY) {
                planned.put(ia, prior == null ? p.planned() : prior);
                continue;
            }
            checkConditions(r, node.path(), evaluation, evaluation.context(expansion, key),
                    action == ChangeAction.NO_OP ? prior : p.planned(), ia, diags);
            planned.put(ia, action == ChangeAction.NO_OP ? prior : p.planned());
            changes.add(new ResourceChange(ia, providerKey, type.schema(), action, prior, p.planned(), replacePaths,
                    reason, references, List.copyOf(deps), r.lifecycle().createBeforeDestroy(),
                    priorState == null ? null : priorState.pendingClientToken()));
        }
    }

    /** The instance's preconditions, then its postconditions with {@code self} as planned (where known). */
    private static void checkConditions(Resource r, List<String> path, Evaluation evaluation,
            ModuleScope.Context context, Value self, InstanceAddress ia, Diagnostics diags) {
        if (!r.lifecycle().preconditions().isEmpty()) {
            Conditions.check(r.lifecycle().preconditions(), evaluation.evaluator(path, context, new Diagnostics()),
                    "Resource precondition", ia.toString(), diags);
        }
        Conditions.postconditions(r, path, evaluation, context, self, ia.toString(), diags);
    }

    /**
     * A data source is read while planning, once its configuration is known; one that depends on values known only
     * after apply is an error that says so (peerform does not defer reads).
     */
    private void readData(ConfigNode node, Resource r, ResourceAddress address, Evaluation evaluation,
            Map<InstanceAddress, Value> planned, Diagnostics diags) {
        if (providers.dataSourceType(r.type()) == null) {
            diags.error("Invalid data source", "The provider " + Resource.impliedProvider(r.type()) + " does not "
                    + "support data source \"" + r.type() + "\".", r.range());
            return;
        }
        Expansion expansion = evaluation.expansion(node.path(), r, diags);
        if (expansion == null) {
            return;
        }
        ConfiguredProvider p = providers.configured(providerKeyFor(node.path(), r));
        for (InstanceKey key : expansion.keys()) {
            InstanceAddress ia = address.instance(key);
            Diagnostics decoding = new Diagnostics();
            ObjectValue config = evaluation.instanceConfig(node.path(), r, key, decoding);
            diags.addAll(decoding);
            if (config == null || decoding.hasErrors()) {
                return;
            }
            if (!config.isWhollyKnown()) {
                diags.error("Data source depends on values known only after apply", ia + " can be read only once "
                        + "the values it is configured with are known. Apply the resources it depends on first "
                        + "(for example with -target), or configure it with values known now.", r.range());
                return;
            }
            if (p == null) {
                return;
            }
            Diagnostics local = new Diagnostics();
            ObjectValue v = p.readData(r.type(), config, local);
            for (Diagnostic d : local.list()) {
                diags.add(d.subject() == null && d.address() == null ? d.withAddress(ia.toString()) : d);
            }
            planned.put(ia, v == null ? config : v);
        }
    }

    /** replace_triggered_by: a referenced resource that is being replaced or updated replaces this one. */
    private boolean triggered(Resource r, List<String> path, Evaluation evaluation, List<ResourceChange> changes,
            Diagnostics diags) {
        for (Expr e : r.lifecycle().replaceTriggeredBy()) {
            for (Expr.ScopeTraversal t : dev.peerform.lang.References.of(e)) {
                String target = BodyDecoder.resourceOf(t);
                if (target == null) {
                    continue;
                }
                String full = prefix(path) + target;
                for (ResourceChange c : changes) {
                    if (c.address().resource().toString().equals(full) && (c.action() == ChangeAction.UPDATE
                            || c.action().isReplace())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static ObjectValue ignoreChanges(ObjectValue config, ObjectValue prior,
            List<Expr.ScopeTraversal> paths) {
        Map<String, Value> out = new TreeMap<>(config.attributes());
        for (Expr.ScopeTraversal t : paths) {
            if (prior.get(t.root()) != null) {
                out.put(t.root(), prior.get(t.root()));
            }
        }
        return new ObjectValue(out);
    }

    private String orphanReason(InstanceAddress a) {
        Module m = root;
        for (String p : a.resource().modulePath()) {
            m = m == null ? null : m.children().get(p);
        }
        String local = (a.resource().mode() == Resource.Mode.DATA ? "data." : "") + a.resource().type() + "."
                + a.resource().name();
        if (m == null || !m.resources().containsKey(local)) {
            return "delete_because_no_resource_config";
        }
        Resource r = m.resources().get(local);
        if (a.key() instanceof InstanceKey.IntKey) {
            return r.count() == null ? "delete_because_no_repetition" : "delete_because_count_index";
        }
        if (a.key() instanceof InstanceKey.StringKey) {
            return r.forEach() == null ? "delete_because_no_repetition" : "delete_because_each_key";
        }
        return "delete_because_wrong_repetition";
    }

    private void preventDestroy(List<ResourceChange> changes, Diagnostics diags) {
        for (ResourceChange c : changes) {
            if (!c.action().destroys()) {
                continue;
            }
            Resource r = configOf(c.address());
            if (r != null && r.lifecycle().preventDestroy()) {
                diags.add(Diagnostic.errorAt(c.address().toString(), "Instance cannot be destroyed", "Resource "
                        + c.address() + " has lifecycle.prevent_destroy set, but the plan calls for this resource to "
                        + "be destroyed. To avoid this error and continue with the plan, either disable "
                        + "lifecycle.prevent_destroy or reduce the scope of the plan using the -target flag.")
                        .withSubject(r.range()));
            }
        }
    }

    private Resource configOf(InstanceAddress a) {
        Module m = root;
        for (String p : a.resource().modulePath()) {
            m = m == null ? null : m.children().get(p);
        }
        if (m == null) {
            return null;
        }
        return m.resources().get((a.resource().mode() == Resource.Mode.DATA ? "data." : "") + a.resource().type()
                + "." + a.resource().name());
    }

    /** -target: the targeted instances (a resource address targets all its instances) and what they depend on. */
    private static List<ResourceChange> target(List<ResourceChange> changes, List<InstanceAddress> targets,
            Map<String, Set<String>> deps) {
        Set<String> wanted = new HashSet<>();
        List<String> todo = new ArrayList<>();
        for (InstanceAddress t : targets) {
            todo.add(t.resource().toString());
        }
        while (!todo.isEmpty()) {
            String a = todo.remove(todo.size() - 1);
            if (wanted.add(a)) {
                todo.addAll(deps.getOrDefault(a, Set.of()));
            }
        }
        List<ResourceChange> out = new ArrayList<>();
        for (ResourceChange c : changes) {
            boolean exact = targets.stream().anyMatch(t -> t.equals(c.address()) || (t.key() == InstanceKey.NONE
                    && t.resource().equals(c.address().resource())));
            if (exact || (wanted.contains(c.address().resource().toString()) && c.action() != ChangeAction.DELETE)) {
                out.add(c);
            }
        }
        return out;
    }

    private List<OutputChange> outputs(Evaluation evaluation, State prior, Mode mode, Diagnostics diags) {
        List<OutputChange> out = new ArrayList<>();
        Set<String> names = new java.util.TreeSet<>(root.outputs().keySet()); // Terraform lists outputs by name
        names.addAll(prior.outputs().keySet());
        for (String name : names) {
            State.Output before = prior.outputs().get(name);
            Value beforeValue = before == null ? null
                    : ValueJson.value(before.value(), ValueJson.parseType(before.type()));
            Output o = root.outputs().get(name);
            if (o == null || mode == Mode.DESTROY) {
                if (before != null) {
                    out.add(new OutputChange(name, ChangeAction.DELETE, beforeValue, null, before.sensitive()));
                }
                continue;
            }
            Conditions.check(o.preconditions(), evaluation.evaluator(List.of(), ModuleScope.Context.NONE,
                    new Diagnostics()), "Module output value precondition", null, diags);
            Value after = mode == Mode.REFRESH_ONLY && beforeValue != null ? beforeValue
                    : evaluation.output(List.of(), name, diags);
            boolean sensitive = o.sensitive() || after.containsSensitive();
            if (after.containsSensitive() && !o.sensitive()) {
                diags.error("Output refers to sensitive values", "Output \"" + name + "\" would show a sensitive "
                        + "value. To show it anyway, declare the output with sensitive = true; peerform then hides "
                        + "it in the plan and in the logs.", o.range());
            }
            ChangeAction action = before == null ? ChangeAction.CREATE
                    : Redaction.sameForDiff(beforeValue, after) ? ChangeAction.NO_OP : ChangeAction.UPDATE;
            out.add(new OutputChange(name, action, beforeValue, after, sensitive));
        }
        return out;
    }

    private void validatePlan(List<ResourceChange> changes, Diagnostics diags) {
        views(changes).forEach((name, views) -> {
            ConfiguredProvider p = providers.anyConfigured(name);
            if (p != null) {
                Diagnostics found = new Diagnostics();
                p.validatePlan(views, found);
                found.list().forEach(d -> diags.add(located(d)));
            }
        });
    }

    /**
     * A provider sees values, not source: its diagnostic names a resource (and maybe an argument), and is shown at
     * the argument's value, or at the resource's block, as Terraform does.
     */
    private static Diagnostic at(Diagnostic d, Resource r) {
        if (d.subject() != null || r == null) {
            return d;
        }
        if (d.attribute() != null) {
            for (dev.peerform.syntax.Attribute a : r.body().attributes()) {
                if (a.name().equals(d.attribute())) {
                    return d.withSubject(a.expr().range());
                }
            }
        }
        return d.withSubject(r.range());
    }

    private Diagnostic located(Diagnostic d) {
        if (d.subject() != null || d.address() == null) {
            return d;
        }
        try {
            return at(d, configOf(InstanceAddress.parse(d.address())));
        } catch (IllegalArgumentException notAnAddress) {
            return d;
        }
    }

    private String providerKeyFor(List<String> path, Resource r) {
        String key = r.provider() == null ? Resource.impliedProvider(r.type()) : r.provider();
        for (int i = path.size(); i > 0; i--) {
            Module parent = root;
            for (String p : path.subList(0, i - 1)) {
                parent = parent.children().get(p);
            }
            ModuleCall call = parent.moduleCalls().get(path.get(i - 1));
            if (call != null && call.providers().containsKey(key)) {
                key = call.providers().get(key);
            }
        }
        return key;
    }

    private Set<String> knownTypes() {
        Set<String> out = new HashSet<>();
        for (String name : providers.names()) {
            out.addAll(providers.factory(name).resourceTypes().keySet());
        }
        return out;
    }

    /** {@code alicloud} for {@code alicloud.b}: rules that span resources see every alias of a provider. */
    static String providerName(String key) {
        return key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
    }

    static String prefix(List<String> path) {
        StringBuilder b = new StringBuilder();
        path.forEach(p -> b.append("module.").append(p).append('.'));
        return b.toString();
    }

    static StepView view(PlannedStep s) {
        ResourceChange c = s.change();
        return new StepView(c.address().toString(), c.type(), c.action(), s.spec(), c.before(), c.after(),
                c.references());
    }

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
