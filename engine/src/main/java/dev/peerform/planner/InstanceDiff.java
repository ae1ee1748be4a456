package dev.peerform.planner;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.addrs.InstanceKey;
import dev.peerform.addrs.ResourceAddress;
import dev.peerform.config.Module;
import dev.peerform.config.ModuleScope;
import dev.peerform.config.Resource;
import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import dev.peerform.diag.Suggestions;
import dev.peerform.eval.Conditions;
import dev.peerform.eval.Expansion;
import dev.peerform.eval.ModuleValues;
import dev.peerform.graph.BlockAddresses;
import dev.peerform.graph.ConfigNode;
import dev.peerform.lang.Marks;
import dev.peerform.plans.ChangeReason;
import dev.peerform.plans.PlanMode;
import dev.peerform.plans.ResourceChange;
import dev.peerform.providers.ProviderSet;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.PlannedInstance;
import dev.peerform.spi.ResourceType;
import dev.peerform.states.InstanceState;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One resource block's instances diffed against their prior objects: no-op, create, update or replace (and why),
 * with the provider's validation and the lifecycle rules; a data source is read instead.
 */
final class InstanceDiff {

    private final ProviderSet providers;
    private final ConfigIndex config;
    private final DataReads data;

    InstanceDiff(ProviderSet providers, ConfigIndex config) {
        this.providers = providers;
        this.config = config;
        this.data = new DataReads(providers, config);
    }

    /** The block's instances in every instance of its module ({@code module.x[0]}, {@code module.x[1]}, ...). */
    void plan(ConfigNode node, PassInput in, PassOutput out, Diagnostics diags) {
        Module m = in.graph().moduleOf(node);
        Resource r = m.resources().get(node.name());
        ResourceType type = r.mode() == Resource.Mode.DATA ? null : providers.resourceType(r.type());
        if (r.mode() == Resource.Mode.MANAGED && type == null) {
            String near = Suggestions.didYouMean(r.type(), config.knownTypes());
            diags.error("Invalid resource type", "The provider " + Resource.impliedProvider(r.type()) + " does not "
                    + "support resource type \"" + r.type() + "\"." + near, r.range());
            return;
        }
        for (List<String> path : in.values().moduleInstances(node.path(), diags)) {
            ConfigNode at = new ConfigNode(node.kind(), path, node.name(), node.range());
            if (r.mode() == Resource.Mode.DATA) {
                ResourceAddress address = BlockAddresses.of(path, r);
                Set<String> deps = dependencies(node, address, in, out);
                data.read(at, r, address, in.values(), out, List.copyOf(deps), diags);
            } else {
                plan(node, at, r, type, in, out, diags);
            }
        }
    }

    /**
     * The resources the block depends on, recorded for the instance's address; those it depends on only through
     * depends_on (no value flows) are recorded apart, so the step planner can keep them from closing a cycle.
     */
    private static Set<String> dependencies(ConfigNode node, ResourceAddress address, PassInput in, PassOutput out) {
        Set<String> deps = new LinkedHashSet<>();
        for (ConfigNode d : in.graph().resourceDependencies(node)) {
            deps.add(ConfigIndex.prefix(d.path()) + d.name());
        }
        String key = address.toString();
        out.resourceDeps().put(key, deps);
        if (!in.graph().hasOrderOnlyEdges()) {
            out.orderOnlyDeps().put(key, Set.of());
            return deps;
        }
        Set<String> orderOnly = new LinkedHashSet<>(deps);
        for (ConfigNode d : in.graph().referencedResources(node)) {
            orderOnly.remove(ConfigIndex.prefix(d.path()) + d.name());
        }
        out.orderOnlyDeps().put(key, orderOnly);
        return deps;
    }

    /** {@code at} is the block in one module instance; {@code node} the block in the configuration's graph. */
    private void plan(ConfigNode node, ConfigNode at, Resource r, ResourceType type, PassInput in, PassOutput out,
            Diagnostics diags) {
        ResourceAddress address = BlockAddresses.of(at.path(), r);
        ModuleValues values = in.values();
        Lifecycle.checkCreateBeforeDestroy(r, type, address, diags);
        Set<String> deps = dependencies(node, address, in, out);
        Expansion expansion = values.expansion(at.path(), r, diags);
        if (expansion == null) {
            return;
        }
        String providerKey = config.providerKeyFor(at.path(), r);
        for (InstanceKey key : expansion.keys()) {
            InstanceAddress ia = address.instance(key);
            Map<String, List<String>> references = values.instanceReferences(at.path(), r, expansion, key,
                    ConfigIndex.prefix(at.path()));
            out.inConfig().add(ia);
            Diagnostics local = new Diagnostics();
            ObjectValue cfg = values.instanceConfig(at.path(), r, key, local);
            if (local.hasErrors()) {
                diags.addAll(local);
                out.planned().put(ia, Value.unknown(type.schema().type()));
                continue;
            }
            Diagnostics validation = new Diagnostics();
            type.validate(cfg, validation);
            for (Diagnostic d : validation.list()) {
                diags.add(ProviderChecks.at(d.address() == null ? d.withAddress(ia.toString()) : d, r));
            }
            diags.addAll(local);
            ObjectValue prior = in.refreshed().current().get(ia);
            InstanceState priorState = in.refreshed().state().instance(ia);
            if (prior != null && !r.lifecycle().ignoreChanges().isEmpty()) {
                cfg = Lifecycle.ignoreChanges(cfg, prior, r.lifecycle().ignoreChanges());
            } else if (prior != null && r.lifecycle().ignoreAllChanges()) {
                cfg = prior;
            }
            PlannedInstance p = type.plan(prior, cfg);
            List<String> replacePaths = new ArrayList<>();
            for (String path : p.requiresReplace()) {
                if (prior == null || !Marks.sameIgnoringMarks(prior.get(path), p.planned().get(path))) {
                    replacePaths.add(path);
                }
            }
            ChangeAction action;
            List<String> resumed = List.of();
            ChangeReason reason = ChangeReason.NONE;
            boolean tainted = priorState != null && priorState.tainted() && priorState.pendingClientToken() == null;
            boolean requested = in.options().replace().contains(ia);
            boolean required = in.required().contains(ia);
            if (prior == null) {
                action = ChangeAction.CREATE;
            } else if (tainted || requested || !replacePaths.isEmpty() || required
                    || Lifecycle.triggered(r, at.path(), out.changes())) {
                action = r.lifecycle().createBeforeDestroy() ? ChangeAction.CREATE_THEN_DELETE
                        : ChangeAction.DELETE_THEN_CREATE;
                reason = tainted ? ChangeReason.TAINTED : requested ? ChangeReason.REPLACE_BY_REQUEST
                        : !replacePaths.isEmpty() || required ? ChangeReason.REPLACE_BECAUSE_CANNOT_UPDATE
                        : ChangeReason.REPLACE_BY_TRIGGERS;
                p = type.plan(null, cfg); // a new object: its computed attributes are unknown
            } else if (priorState != null && priorState.incomplete()) {
                // an interrupted run made the object but did not finish creating it: the create goes on after
                // the steps it finished, in the same order of work, instead of the object being taken as made
                action = ChangeAction.CREATE;
                resumed = priorState.completedSteps();
                p = type.plan(null, cfg); // planned as the create it is, its computed attributes to come
            } else if (!Marks.sameIgnoringMarks(prior, p.planned())) {
                action = ChangeAction.UPDATE;
            } else {
                action = ChangeAction.NO_OP;
            }
            if (in.options().mode() == PlanMode.DESTROY) {
                out.planned().put(ia, prior == null ? p.planned() : prior);
                continue;
            }
            Value self = action == ChangeAction.NO_OP ? prior : p.planned();
            checkConditions(r, at.path(), values, values.context(expansion, key), self, ia, diags);
            out.planned().put(ia, self);
            out.changes().add(new ResourceChange(ia, providerKey, type.schema(), action,
                    resumed.isEmpty() ? prior : null, p.planned(), replacePaths, reason, references,
                    List.copyOf(deps), r.lifecycle().createBeforeDestroy(),
                    priorState == null ? null : priorState.pendingClientToken(), resumed));
        }
    }

    /** The instance's preconditions, then its postconditions with {@code self} as planned (where known). */
    private static void checkConditions(Resource r, List<String> path, ModuleValues values,
            ModuleScope.Context context, Value self, InstanceAddress ia, Diagnostics diags) {
        if (!r.lifecycle().preconditions().isEmpty()) {
            Conditions.check(r.lifecycle().preconditions(), values.evaluator(path, context, new Diagnostics()),
                    "Resource precondition", ia.toString(), diags);
        }
        Conditions.postconditions(r, path, values, context, self, ia.toString(), diags);
    }
}
