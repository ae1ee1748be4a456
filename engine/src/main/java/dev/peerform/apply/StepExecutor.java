package dev.peerform.apply;

import dev.peerform.diag.Diagnostic;
import dev.peerform.dag.Slots;
import dev.peerform.diag.Diagnostics;
import dev.peerform.plans.Plan;
import dev.peerform.plans.PlannedStep;
import dev.peerform.plans.ResourceChange;
import dev.peerform.providers.ProviderSet;
import dev.peerform.spi.ChangeAction;
import dev.peerform.spi.ConfiguredProvider;
import dev.peerform.spi.Phase;
import dev.peerform.spi.StepContext;
import dev.peerform.spi.StepException;
import dev.peerform.spi.StepView;
import dev.peerform.states.StepJournal;
import dev.peerform.states.StepRecord;
import dev.peerform.value.ObjectValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Runs one step against its provider, on a pool thread: journals the intent with its ClientToken first (a create
 * interrupted mid-call is re-issued with the same token), gives the provider its deadline, progress and
 * cancellation, and retries transient failures with backoff until the deadline.
 */
final class StepExecutor {

    /** What a step's run came to: the object after it (null when it is gone), or the error. */
    record Done(PlannedStep step, ObjectValue result, Diagnostic error, Duration elapsed, boolean cancelled,
            String token) {
        Done(PlannedStep step, ObjectValue result, Diagnostic error, Duration elapsed) {
            this(step, result, error, elapsed, false, null);
        }
    }

    private final Plan plan;
    private final ProviderSet providers;
    private final StepJournal journal;
    private final ApplyListener listener;
    private final Applier.Options options;
    private final Random random;
    private final Slots slots;

    StepExecutor(Plan plan, ProviderSet providers, StepJournal journal, ApplyListener listener,
            Applier.Options options, Slots slots) {
        this.slots = slots;
        this.plan = plan;
        this.providers = providers;
        this.journal = journal;
        this.listener = listener;
        this.options = options;
        this.random = new Random(options.seed());
    }

    Done execute(PlannedStep s, StepView view, ObjectValue current, Interrupt interrupt,
            Map<PlannedStep, String> progress, Supplier<List<StepView>> waitingForThis) {
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
        if (c.action() == ChangeAction.READ) {
            return read(s, provider, current, start);
        }
        // a create resumed after its first steps creates nothing new: its object exists
        boolean creates = c.resumedSteps().isEmpty() && (firstCreate && c.action().creates() && c.before() == null
                || firstCreate && c.action().isReplace());
        journal.append(StepRecord.intent(c.address().toString(), stateProvider, s.id(), creates, token));
        // a resource's timeouts block sets its own deadline, longer or shorter than the engine's default
        Duration configured = provider.stepTimeout(view, current);
        Instant deadline = start.plus(configured != null ? configured : options.stepTimeout());
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
            public List<StepView> waitingForThis() {
                return waitingForThis.get();
            }

            @Override
            public void sleep(Duration d) throws InterruptedException {
                // a step that waits gives its -parallelism slot to one that works
                slots.idle(() -> {
                    long until = System.nanoTime() + d.toNanos();
                    while (!interrupt.stopNow() && System.nanoTime() < until) {
                        Thread.sleep(Math.max(1, Math.min(100, (until - System.nanoTime()) / 1_000_000)));
                    }
                });
            }

            @Override
            public void idle(Idle wait) throws InterruptedException {
                slots.idle(wait::run);
            }
        };
        for (int attempt = 0; ; attempt++) {
            try {
                ObjectValue result = provider.execute(ctx, view, current);
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
                return new Done(s, null, stepError(s, e), Duration.between(start, options.clock().instant()),
                        interrupt.stopNow(), creates ? token : null);
            } catch (RuntimeException e) {
                return new Done(s, null, Diagnostic.errorAt(c.address().toString(), "Step failed: "
                        + s.spec().description(), "The provider could not carry out this step with the values it "
                        + "was given (a defect of peerform's provider: please report it with the configuration). "
                        + "Nothing after this "
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

    /** A data source read during apply: nothing to journal, as it changes nothing. */
    private Done read(PlannedStep s, ConfiguredProvider provider, ObjectValue config, Instant start) {
        ResourceChange c = s.change();
        Diagnostics d = new Diagnostics();
        ObjectValue v = config.isWhollyKnown() ? provider.readData(c.type(), config, d) : null;
        Duration took = Duration.between(start, options.clock().instant());
        if (!config.isWhollyKnown()) {
            return new Done(s, null, Diagnostic.errorAt(c.address().toString(), "Data source configuration not known",
                    "The values " + c.address() + " is configured with are still unknown after what it depends on "
                            + "was applied."), took);
        }
        if (d.hasErrors() || v == null) {
            Diagnostic first = d.hasErrors() ? d.errors().get(0) : null;
            return new Done(s, null, Diagnostic.errorAt(c.address().toString(), first == null ? "Data source not read"
                    : first.summary(), first == null ? "The provider returned nothing." : first.detail()), took);
        }
        return new Done(s, v, null, took);
    }
}
