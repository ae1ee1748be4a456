package dev.peerform.apply;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.addrs.ResourceMode;
import dev.peerform.config.Module;
import dev.peerform.config.ModuleScope;
import dev.peerform.config.Resource;
import dev.peerform.dag.Dag;
import dev.peerform.dag.Visitor;
import dev.peerform.dag.Slots;
import dev.peerform.dag.Walker;
import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import dev.peerform.eval.Conditions;
import dev.peerform.eval.Expansion;
import dev.peerform.eval.ModuleValues;
import dev.peerform.plans.Plan;
import dev.peerform.plans.PlannedStep;
import dev.peerform.plans.ResourceChange;
import dev.peerform.plans.StepGraph;
import dev.peerform.providers.ProviderSet;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.ConfiguredProvider;
import dev.peerform.spi.Phase;
import dev.peerform.spi.ResourceType;
import dev.peerform.spi.StepView;
import dev.peerform.states.AttributeCodec;
import dev.peerform.states.InstanceState;
import dev.peerform.states.State;
import dev.peerform.states.StepJournal;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Value;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Applies a plan: the action DAG walked by the generic {@link Walker} (at most {@code parallelism} steps at once,
 * steps that share a concurrency key one at a time, a failed step's descendants skipped and only those), each step
 * run by the {@link StepExecutor} and recorded by the {@link StateRecorder}. Here: the working value a change's
 * steps start from, the concurrency keys, and the postconditions once an object is made.
 */
public final class Applier {

    /** How the walk runs; tests shorten the retry delays and inject time. */
    public record Options(int parallelism, Duration stepTimeout, RetryPolicy retry, Clock clock, long seed,
            Duration stillEvery) {
        public static Options defaults(int parallelism) {
            return new Options(parallelism, Duration.ofMinutes(30), RetryPolicy.DEFAULT, Clock.systemUTC(),
                    System.nanoTime(), Duration.ofSeconds(10));
        }
    }

    /** What the walk did. */
    public record Result(State state, int completed, int failed, int skipped, boolean interrupted) {
    }

    private final Plan plan;
    private final Module root;
    private final ProviderSet providers;
    private final State state;
    private final ApplyListener listener;
    private final Options options;
    private final Map<InstanceAddress, Value> values = new ConcurrentHashMap<>();
    private final Map<InstanceAddress, ObjectValue> working = new HashMap<>();
    // read from pool threads too (a step asks which steps wait for it)
    private final Map<InstanceAddress, ObjectValue> finalPlanned = new ConcurrentHashMap<>();
    private final ModuleValues moduleValues;
    private final StepExecutor executor;
    private final Slots slots;
    private final StateRecorder recorder;

    public Applier(Plan plan, Module root, ProviderSet providers, State state, StepJournal journal, Path cwd,
            ApplyListener listener, Options options) {
        this.plan = plan;
        this.root = root;
        this.providers = providers;
        this.state = state;
        this.listener = listener;
        this.options = options;
        this.slots = new Slots(options.parallelism());
        this.executor = new StepExecutor(plan, providers, journal, listener, options, slots);
        this.recorder = new StateRecorder(state, journal, providers, values, working,
                new StateDependencies(plan.changes()));
        for (ResourceChange c : plan.changes()) {
            Value v = c.action() == ChangeAction.NO_OP || c.action() == ChangeAction.DELETE ? c.before() : c.after();
            if (v != null) {
                values.put(c.address(), v);
            }
        }
        values.putAll(plan.data());
        this.moduleValues = new ModuleValues(root, plan.variables(), providers, cwd, values::get, false);
        this.moduleValues.expansions(plan.expansions());
    }

    /** The run's workspace, which terraform.workspace gives; "default" unless set. */
    public Applier workspace(String name) {
        moduleValues.workspace(name);
        return this;
    }

    public Result run(Interrupt interrupt, Diagnostics diags) {
        StepGraph steps = plan.steps();
        Dag<PlannedStep> dag = new Dag<>() {
            @Override
            public List<PlannedStep> ordered() {
                return steps.ordered();
            }

            @Override
            public List<PlannedStep> predecessors(PlannedStep s) {
                return steps.predecessors(s);
            }

            @Override
            public List<PlannedStep> successors(PlannedStep s) {
                return steps.successors(s);
            }
        };
        Map<PlannedStep, Instant> startedAt = new ConcurrentHashMap<>();
        Map<PlannedStep, String> lastProgress = new ConcurrentHashMap<>();
        Map<PlannedStep, Instant> lastStill = new HashMap<>();
        int[] counts = new int[3]; // completed, failed, postconditions failed
        Visitor<PlannedStep, StepExecutor.Done> visitor = new Visitor<>() {
            @Override
            public boolean prepare(PlannedStep s) {
                Diagnostic prepError = Applier.this.prepare(s);
                if (prepError != null) {
                    diags.add(prepError);
                    listener.failed(s, prepError);
                    counts[1]++;
                    return false;
                }
                return true;
            }

            @Override
            public String concurrencyKey(PlannedStep s) {
                return Applier.this.concurrencyKey(s);
            }

            @Override
            public Supplier<StepExecutor.Done> start(PlannedStep s) {
                startedAt.put(s, options.clock().instant());
                listener.started(s);
                ObjectValue current = working.get(s.change().address());
                StepView view = view(s);
                return () -> executor.execute(s, view, current, interrupt, lastProgress,
                        () -> plan.steps().descendants(s).stream().map(Applier.this::view).toList());
            }

            @Override
            public boolean finished(PlannedStep s, StepExecutor.Done d) {
                startedAt.remove(s);
                if (d.error() != null) {
                    counts[1]++;
                    diags.add(d.error());
                    if (d.cancelled()) {
                        recorder.recordCancelled(s, d.token());
                    } else {
                        recorder.recordFailure(s);
                    }
                    listener.failed(s, d.error());
                    return false;
                }
                counts[0]++;
                recorder.record(s, d.result());
                listener.finished(s, d.elapsed(), d.result());
                if (!postconditionsHold(s, d.result(), diags)) {
                    counts[2]++;
                    return false;
                }
                return true;
            }

            @Override
            public void waiting() {
                reportStill(startedAt, lastProgress, lastStill);
            }
        };
        Set<PlannedStep> skipped = new Walker(slots, "peerform-apply").walk(dag, visitor,
                interrupt::stopStarting);
        int completed = counts[0];
        int failed = counts[1];
        int notRun = steps.steps().size() - completed - failed;
        if (interrupt.stopStarting() && notRun > 0) {
            diags.add(Diagnostic.warning("Apply interrupted", notRun + " step(s) did not run because the apply "
                    + "was interrupted. Everything that ran is in the state; run apply again to finish.", null));
        }
        return new Result(state, completed, failed + counts[2], skipped.size(), interrupt.stopStarting() && notRun > 0);
    }

    /**
     * After the last step that creates or updates an object: its postconditions, with {@code self} the object as
     * the cloud made it. A failure keeps the object in the state and stops what depends on it, as in Terraform.
     */
    private boolean postconditionsHold(PlannedStep s, ObjectValue result, Diagnostics diags) {
        ResourceChange c = s.change();
        if (!s.lastOfPhase() || s.spec().phase() == Phase.DESTROY || result == null) {
            return true;
        }
        Resource r = resource(c.address());
        if (r == null || r.lifecycle().postconditions().isEmpty()) {
            return true;
        }
        List<String> path = c.address().resource().modulePath();
        Diagnostics local = new Diagnostics();
        Expansion expansion = moduleValues.expansion(path, r, local);
        ModuleScope.Context context = expansion == null ? ModuleScope.Context.NONE
                : moduleValues.context(expansion, c.address().key());
        Conditions.postconditions(r, path, moduleValues, context, result, c.address().toString(), local);
        diags.addAll(local);
        return !local.hasErrors();
    }

    /** Before the first step of a change's half: the working value it starts from. */
    private Diagnostic prepare(PlannedStep s) {
        ResourceChange c = s.change();
        boolean firstOfHalf = s.index() == 0 || plan.steps().predecessors(s).stream()
                .noneMatch(p -> p.change() == c && p.spec().phase() == s.spec().phase());
        if (!firstOfHalf) {
            return null;
        }
        if (s.spec().phase() == Phase.DESTROY) {
            working.put(c.address(), c.before());
            return null;
        }
        Diagnostics local = new Diagnostics();
        Resource r = resource(c.address());
        if (r != null && c.action() == ChangeAction.READ) {
            // a data source read during apply: its configuration, now that what it depends on is made
            ObjectValue config = moduleValues.instanceConfig(c.address().resource().modulePath(), r,
                    c.address().key(), local);
            if (local.hasErrors()) {
                return Diagnostic.errorAt(c.address().toString(), local.errors().get(0).summary(),
                        local.errors().get(0).detail()).withSubject(local.errors().get(0).subject());
            }
            working.put(c.address(), config);
            return null;
        }
        ResourceType type = providers.resourceType(c.type());
        if (r == null || type == null) {
            working.put(c.address(), c.after());
            return null;
        }
        ObjectValue config = moduleValues.instanceConfig(c.address().resource().modulePath(), r, c.address().key(),
                local);
        if (local.hasErrors()) {
            return Diagnostic.errorAt(c.address().toString(), local.errors().get(0).summary(),
                    local.errors().get(0).detail()).withSubject(local.errors().get(0).subject());
        }
        ObjectValue prior = c.action() == ChangeAction.UPDATE ? c.before() : null;
        ObjectValue planned = type.plan(prior, config).planned();
        if (!c.resumedSteps().isEmpty()) {
            planned = resumedFrom(c, planned);
        }
        finalPlanned.put(c.address(), planned);
        working.put(c.address(), planned);
        return null;
    }

    /**
     * A create resumed after the steps an interrupted run finished starts from what those steps made (the object
     * in the state), with the configuration's values where they are known.
     */
    private ObjectValue resumedFrom(ResourceChange c, ObjectValue planned) {
        InstanceState partial = state.instance(c.address());
        if (partial == null) {
            return planned;
        }
        ObjectValue made = AttributeCodec.decode(partial, c.schema());
        Map<String, Value> out = new HashMap<>(planned.attributes());
        made.attributes().forEach((k, v) -> {
            Value p = out.get(k);
            if (v != null && !v.isNull() && (p == null || !p.isWhollyKnown())) {
                out.put(k, v);
            }
        });
        return new ObjectValue(out);
    }

    private Resource resource(InstanceAddress a) {
        Module m = moduleValues.module(a.resource().modulePath());
        if (m == null) {
            return null;
        }
        return m.resources().get((a.resource().mode() == ResourceMode.DATA ? "data." : "") + a.resource().type()
                + "." + a.resource().name());
    }

    private String concurrencyKey(PlannedStep s) {
        ConfiguredProvider p = providers.configured(s.change().providerKey());
        return p == null ? null : p.concurrencyKey(view(s), working.get(s.change().address()));
    }

    private StepView view(PlannedStep s) {
        ResourceChange c = s.change();
        ObjectValue after = finalPlanned.getOrDefault(c.address(), c.after());
        return new StepView(c.address(), c.type(), c.action(), s.spec(), c.before(), after,
                c.references());
    }

    private void reportStill(Map<PlannedStep, Instant> startedAt, Map<PlannedStep, String> progress,
            Map<PlannedStep, Instant> lastStill) {
        Instant now = options.clock().instant();
        for (Map.Entry<PlannedStep, Instant> e : startedAt.entrySet()) {
            Instant last = lastStill.getOrDefault(e.getKey(), e.getValue());
            if (Duration.between(last, now).compareTo(options.stillEvery()) >= 0) {
                lastStill.put(e.getKey(), now);
                listener.still(e.getKey(), Duration.between(e.getValue(), now), progress.get(e.getKey()));
            }
        }
    }

    /** The root module's outputs once everything is applied, for the state. */
    public Map<String, Value> outputs(Diagnostics diags) {
        Map<String, Value> out = new LinkedHashMap<>();
        for (String name : root.outputs().keySet()) {
            out.put(name, moduleValues.output(List.of(), name, diags));
        }
        return out;
    }
}
