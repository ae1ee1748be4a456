package dev.peerform.apply;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.addrs.ResourceMode;
import dev.peerform.config.Module;
import dev.peerform.config.ModuleScope;
import dev.peerform.config.Resource;
import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import dev.peerform.eval.Conditions;
import dev.peerform.eval.Expansion;
import dev.peerform.eval.ModuleValues;
import dev.peerform.plans.Plan;
import dev.peerform.plans.PlannedStep;
import dev.peerform.plans.ResourceChange;
import dev.peerform.providers.ProviderSet;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.ConfiguredProvider;
import dev.peerform.spi.Phase;
import dev.peerform.spi.ResourceType;
import dev.peerform.spi.StepContext;
import dev.peerform.spi.StepException;
import dev.peerform.spi.StepView;
import dev.peerform.states.AttributeCodec;
import dev.peerform.states.InstanceState;
import dev.peerform.states.State;
import dev.peerform.states.StepJournal;
import dev.peerform.states.StepRecord;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Value;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Walks the action DAG: at most {@code parallelism} steps at once, steps that share a concurrency key one at a
 * time, transient failures retried with backoff, a failed step's descendants skipped (and only those), a failed
 * create recorded as tainted. Every step is journalled before it calls the cloud and after it returns, and the
 * state is written at the end, so an interruption or a crash loses nothing.
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

    private record Done(PlannedStep step, ObjectValue result, Diagnostic error, Duration elapsed) {
    }

    private final Plan plan;
    private final Module root;
    private final ProviderSet providers;
    private final State state;
    private final StepJournal journal;
    private final ApplyListener listener;
    private final Options options;
    private final Map<InstanceAddress, Value> values = new ConcurrentHashMap<>();
    private final Map<InstanceAddress, ObjectValue> working = new HashMap<>();
    private final Map<InstanceAddress, ObjectValue> finalPlanned = new HashMap<>();
    private final ModuleValues moduleValues;
    private final Random random;

    public Applier(Plan plan, Module root, ProviderSet providers, State state, StepJournal journal, Path cwd,
            ApplyListener listener, Options options) {
        this.plan = plan;
        this.root = root;
        this.providers = providers;
        this.state = state;
        this.journal = journal;
        this.listener = listener;
        this.options = options;
        this.random = new Random(options.seed());
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

    public Result run(Interrupt interrupt, Diagnostics diags) {
        List<PlannedStep> all = plan.steps().steps();
        Map<PlannedStep, Integer> waiting = new HashMap<>();
        Deque<PlannedStep> ready = new ArrayDeque<>();
        for (PlannedStep s : plan.steps().ordered()) {
            int n = plan.steps().predecessors(s).size();
            waiting.put(s, n);
            if (n == 0) {
                ready.add(s);
            }
        }
        Map<String, Deque<PlannedStep>> keyQueues = new HashMap<>();
        Set<String> heldKeys = new HashSet<>();
        Map<PlannedStep, String> keyOf = new HashMap<>();
        Map<PlannedStep, Instant> startedAt = new ConcurrentHashMap<>();
        Map<PlannedStep, String> lastProgress = new ConcurrentHashMap<>();
        Map<PlannedStep, Instant> lastStill = new HashMap<>();
        Set<PlannedStep> skipped = new HashSet<>();
        LinkedBlockingQueue<Done> done = new LinkedBlockingQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.parallelism()), r -> {
            Thread t = new Thread(r, "peerform-apply");
            t.setDaemon(true);
            return t;
        });
        int running = 0;
        int completed = 0;
        int failed = 0;
        int conditionFailures = 0;
        try {
            while (true) {
                while (!ready.isEmpty() && running < options.parallelism() && !interrupt.stopStarting()) {
                    PlannedStep s = ready.poll();
                    Diagnostic prepError = prepare(s);
                    if (prepError != null) {
                        diags.add(prepError);
                        listener.failed(s, prepError);
                        failed++;
                        skipDescendants(s, skipped);
                        continue;
                    }
                    String key = concurrencyKey(s);
                    if (key != null && heldKeys.contains(key)) {
                        keyQueues.computeIfAbsent(key, k -> new ArrayDeque<>()).add(s);
                        continue;
                    }
                    if (key != null) {
                        heldKeys.add(key);
                        keyOf.put(s, key);
                    }
                    running++;
                    startedAt.put(s, options.clock().instant());
                    listener.started(s);
                    ObjectValue current = working.get(s.change().address());
                    pool.submit(() -> done.add(execute(s, current, interrupt, lastProgress)));
                }
                if (running == 0) {
                    break;
                }
                Done d = done.poll(250, TimeUnit.MILLISECONDS);
                if (d == null) {
                    reportStill(startedAt, lastProgress, lastStill);
                    continue;
                }
                running--;
                startedAt.remove(d.step());
                String key = keyOf.remove(d.step());
                if (key != null) {
                    heldKeys.remove(key);
                    Deque<PlannedStep> q = keyQueues.get(key);
                    if (q != null && !q.isEmpty()) {
                        ready.addFirst(q.poll());
                    }
                }
                if (d.error() == null) {
                    completed++;
                    record(d.step(), d.result());
                    listener.finished(d.step(), d.elapsed(), d.result());
                    if (!postconditionsHold(d.step(), d.result(), diags)) {
                        conditionFailures++;
                        skipDescendants(d.step(), skipped);
                        continue;
                    }
                    for (PlannedStep next : plan.steps().successors(d.step())) {
                        if (!skipped.contains(next) && waiting.merge(next, -1, Integer::sum) == 0) {
                            ready.add(next);
                        }
                    }
                } else {
                    failed++;
                    diags.add(d.error());
                    recordFailure(d.step());
                    listener.failed(d.step(), d.error());
                    skipDescendants(d.step(), skipped);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
        }
        int notRun = all.size() - completed - failed;
        if (interrupt.stopStarting() && notRun > 0) {
            diags.add(Diagnostic.warning("Apply interrupted", notRun + " step(s) did not run because the apply "
                    + "was interrupted. Everything that ran is in the state; run apply again to finish.", null));
        }
        return new Result(state, completed, failed + conditionFailures, skipped.size(),
                interrupt.stopStarting() && notRun > 0);
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
        finalPlanned.put(c.address(), planned);
        working.put(c.address(), planned);
        return null;
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

    private Done execute(PlannedStep s, ObjectValue current, Interrupt interrupt, Map<PlannedStep, String> progress) {
        Instant start = options.clock().instant();
        ResourceChange c = s.change();
        ConfiguredProvider provider = providers.configured(c.providerKey());
        String stateProvider = providers.stateKey(c.providerKey());
        boolean firstCreate = s.spec().phase() != Phase.DESTROY && (s.index() == 0
                || plan.steps().predecessors(s).stream().noneMatch(p -> p.change() == c
                && p.spec().phase() == s.spec().phase()));
        String token = firstCreate && c.pendingClientToken() != null ? c.pendingClientToken()
                : UUID.randomUUID().toString();
        if (provider == null) {
            return new Done(s, null, Diagnostic.errorAt(c.address().toString(), "Provider not configured",
                    "The provider configuration " + c.providerKey() + " could not be configured; see the errors "
                            + "above."), Duration.ZERO);
        }
        journal.append(StepRecord.intent(c.address().toString(), stateProvider, s.id(),
                firstCreate && c.action().creates() && c.before() == null || firstCreate && c.action().isReplace(),
                token));
        Instant deadline = start.plus(options.stepTimeout());
        StepContext ctx = new StepContext() {
            @Override
            public String clientToken() {
                return token;
            }

            @Override
            public Instant deadline() {
                return deadline;
            }

            @Override
            public boolean cancelled() {
                return interrupt.stopNow();
            }

            @Override
            public void progress(String message) {
                progress.put(s, message);
            }

            @Override
            public Clock clock() {
                return options.clock();
            }

            @Override
            public void sleep(Duration d) throws InterruptedException {
                long until = System.nanoTime() + d.toNanos();
                while (!interrupt.stopNow() && System.nanoTime() < until) {
                    Thread.sleep(Math.max(1, Math.min(100, (until - System.nanoTime()) / 1_000_000)));
                }
            }
        };
        for (int attempt = 0; ; attempt++) {
            try {
                ObjectValue result = provider.execute(ctx, view(s), current);
                return new Done(s, result, null, Duration.between(start, options.clock().instant()));
            } catch (StepException e) {
                boolean retry = e.isTransient() && attempt + 1 < options.retry().maxAttempts() && !interrupt.stopNow()
                        && options.clock().instant().isBefore(deadline);
                if (retry) {
                    Duration wait = options.retry().delay(attempt, random);
                    listener.retrying(s, attempt + 1, e.getMessage(), wait);
                    try {
                        ctx.sleep(wait);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return new Done(s, null, stepError(s, e), Duration.ZERO);
                    }
                    continue;
                }
                return new Done(s, null, stepError(s, e), Duration.between(start, options.clock().instant()));
            } catch (RuntimeException e) {
                return new Done(s, null, Diagnostic.errorAt(c.address().toString(), "Step failed: "
                        + s.spec().description(), "The provider failed unexpectedly: " + e + ". Nothing after this "
                        + "step of " + c.address() + " was attempted; the state records what was done."),
                        Duration.between(start, options.clock().instant()));
            }
        }
    }

    private static Diagnostic stepError(PlannedStep s, StepException e) {
        String detail = e.getMessage() + (e.code() == null || e.code().isEmpty() ? "" : " (" + e.code() + ")")
                + (e.hint() == null || e.hint().isEmpty() ? "" : "\n\n" + e.hint());
        return Diagnostic.errorAt(s.change().address().toString(), "Failed to " + s.spec().description(), detail);
    }

    /** A step succeeded: its result becomes the instance's working value, and, at the end of a half, its state. */
    private void record(PlannedStep s, ObjectValue result) {
        ResourceChange c = s.change();
        String provider = providers.stateKey(c.providerKey());
        working.put(c.address(), result);
        boolean gone = result == null;
        ObjectValue forState = gone ? null : result;
        journal.append(StepRecord.result(c.address().toString(), provider, s.id(),
                gone ? null : AttributeCodec.encode(forState, c.schema()),
                gone ? null : AttributeCodec.sensitivePaths(forState), c.dependencies(), gone));
        if (!s.lastOfPhase()) {
            if (!gone && s.spec().phase() != Phase.DESTROY) {
                putState(c, result, false);
            }
            return;
        }
        if (s.spec().phase() == Phase.DESTROY) {
            if (c.action() != ChangeAction.CREATE_THEN_DELETE) {
                state.remove(c.address());
                values.remove(c.address());
            }
        } else if (!gone) {
            putState(c, result, false);
            values.put(c.address(), result);
        }
    }

    private void putState(ResourceChange c, ObjectValue v, boolean tainted) {
        InstanceState is = new InstanceState(0, AttributeCodec.encode(v, c.schema()), AttributeCodec.sensitivePaths(v),
                c.dependencies(), tainted, c.createBeforeDestroy(), null);
        state.put(c.address(), providers.stateKey(c.providerKey()), is);
    }

    /**
     * A failed create leaves what it made, tainted, so the next plan replaces it. A failed update leaves the object
     * as it was, not tainted: the cloud refused a change, the object is still good, and the next plan (after
     * refresh) retries what is left (Terraform does the same).
     */
    private void recordFailure(PlannedStep s) {
        ResourceChange c = s.change();
        boolean update = c.action() == ChangeAction.UPDATE;
        ObjectValue w = update ? c.before() : working.get(c.address());
        journal.append(StepRecord.failed(c.address().toString(), providers.stateKey(c.providerKey()), s.id(),
                w == null ? null : AttributeCodec.encode(w, c.schema()), w == null ? null
                        : AttributeCodec.sensitivePaths(w), c.dependencies()));
        if (s.spec().phase() == Phase.DESTROY || w == null) {
            return;
        }
        Value id = w.get("id");
        boolean exists = id != null && id.isKnown() && !id.isNull();
        if (exists) {
            putState(c, w, !update);
        } else if (c.before() == null) {
            state.remove(c.address());
        }
    }

    private void skipDescendants(PlannedStep s, Set<PlannedStep> skipped) {
        Deque<PlannedStep> todo = new ArrayDeque<>(plan.steps().successors(s));
        while (!todo.isEmpty()) {
            PlannedStep n = todo.poll();
            if (skipped.add(n)) {
                todo.addAll(plan.steps().successors(n));
            }
        }
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
