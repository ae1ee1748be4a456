package dev.peerform.cli;

import dev.peerform.apply.Applier;
import dev.peerform.diag.Diagnostics;
import dev.peerform.planner.Planner;
import dev.peerform.plans.Plan;
import dev.peerform.plans.PlanMode;
import dev.peerform.workspace.StoredOutput;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "apply", description = "Create or update infrastructure")
class ApplyCommand implements Callable<Integer> {

    final CliContext ctx;

    @Mixin
    PlanOptions planOptions;
    @Mixin
    VarOptions vars;
    @Mixin
    StateOptions stateOptions;

    @Option(names = "-auto-approve", description = "Skip interactive approval of plan before applying.")
    boolean autoApprove;

    @Option(names = "-json", description = "Produce output as machine-readable JSON lines; needs -auto-approve or a "
            + "plan file.")
    boolean json;

    @Parameters(arity = "0..1", paramLabel = "PLANFILE", description = "A plan file saved by plan -out.")
    String planFile;

    ApplyCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    boolean destroying() {
        return planOptions.destroy;
    }

    /** {@code destroy} words its summary as a destroy; {@code apply -destroy} as an apply, as Terraform does. */
    boolean destroyCommand() {
        return false;
    }

    @Override
    public Integer call() throws Exception {
        Session session = new Session(planOptions.context(ctx), stateOptions.noColor, json);
        session.compactWarnings = planOptions.compactWarnings;
        if (json && planFile == null && !autoApprove) {
            session.error("Plan file or auto-approve required", "peerform cannot ask for interactive approval when "
                    + "-json is set. Either apply a saved plan file, or add the -auto-approve option.");
            return ExitCode.ERROR;
        }
        try (Operation op = new Operation(session)) {
            boolean opened = planFile != null
                    ? op.openForPlan(vars.options, stateOptions, ctx.workingDir().resolve(planFile))
                    : op.open(vars.withPrompt(ctx, stateOptions.input && !json), stateOptions, "OperationTypeApply", true);
            if (!opened) {
                return ExitCode.ERROR;
            }
            if (planFile == null && !destroying() && !op.hasConfiguration("Apply", "Applying",
                    "run 'peerform destroy' instead")) {
                return ExitCode.ERROR;
            }
            Plan plan;
            if (planFile != null && !vars.options.isEmpty()) {
                session.error("Can't set variables when applying a saved plan", "The -var and -var-file options "
                        + "cannot be used when applying a saved plan file, because a saved plan includes the "
                        + "variable values that were set when it was created.");
                return ExitCode.ERROR;
            }
            if (planFile != null) {
                Diagnostics refused = new Diagnostics();
                plan = op.run.savedPlan(ctx.workingDir().resolve(planFile), planFile, refused);
                if (plan == null) {
                    session.report(refused);
                    return ExitCode.ERROR;
                }
            } else {
                Planner.Options options = planOptions.options();
                if (destroying()) {
                    options = options.withMode(PlanMode.DESTROY);
                }
                Planner.Result result = op.plan(options);
                if (result == null) {
                    return ExitCode.ERROR;
                }
                plan = result.plan();
                op.printPlan(plan);
                op.report(); // warnings after the plan, as Terraform prints them
                boolean firstState = plan.lineage() == null || plan.lineage().isEmpty();
                if (!plan.hasChanges() && !(firstState && !destroying())) {
                    return summary(op, plan, null);
                }
                // with nothing to change, the first apply still writes a state, as Terraform's does
                if (!plan.hasChanges()) {
                    return summary(op, plan, op.apply(plan, planOptions.parallelism));
                }
                if (!autoApprove && !confirm(session)) {
                    ctx.out().println("\n" + (destroying() ? "Destroy" : "Apply") + " cancelled.");
                    ctx.out().flush();
                    return ExitCode.ERROR;
                }
            }
            Applier.Result result = op.apply(plan, planOptions.parallelism);
            return summary(op, plan, result);
        }
    }

    private boolean confirm(Session session) throws IOException {
        // as Terraform, -input=false does not skip the approval: it is read from stdin all the same
        ctx.out().print(destroying()
                ? "\nDo you really want to destroy all resources?\n  peerform will destroy all your managed "
                + "infrastructure, as shown above.\n  There is no undo. Only 'yes' will be accepted to confirm.\n\n"
                + "  Enter a value: "
                : "\nDo you want to perform these actions?\n  peerform will perform the actions described above.\n"
                + "  Only 'yes' will be accepted to approve.\n\n  Enter a value: ");
        ctx.out().flush();
        String answer = answerOrInterrupt();
        ctx.out().println();
        if (answer == null) {
            session.error("error asking for approval: EOF", "Applying needs your approval, and standard input "
                    + "ended before any answer. Run with -auto-approve to apply without it.");
            return false;
        }
        return "yes".equals(answer == null ? null : answer.trim());
    }

    /**
     * The answer typed, or null once an interrupt (Ctrl-C, or the SIGTERM of a service manager) comes first: the
     * prompt must not outlive it, and the lock is released on the way out as after any refusal.
     */
    private String answerOrInterrupt() throws IOException {
        CompletableFuture<String> typed = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                typed.complete(ctx.in().readLine());
            } catch (IOException e) {
                typed.completeExceptionally(e);
            }
        }, "approval");
        reader.setDaemon(true);
        reader.start();
        while (true) {
            try {
                return typed.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (ctx.interrupt().stopStarting()) {
                    return null;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
        }
    }

    private int summary(Operation op, Plan plan, Applier.Result result) {
        boolean failed = op.report();
        long added = result == null ? 0 : plan.toAdd();
        long changed = result == null ? 0 : plan.toChange();
        long destroyed = result == null ? 0 : plan.toDestroy();
        if (failed || (result != null && (result.failed() > 0 || result.interrupted()))) {
            return ExitCode.ERROR;
        }
        if (result != null && planFile == null && !planOptions.targets.isEmpty()) {
            op.session.report(new Diagnostics().warning("Applied changes may be incomplete", "The plan was "
                    + "created with the -target option in effect, so some changes requested in the configuration "
                    + "may have been ignored and the output values may not be fully updated. Run the following "
                    + "command to verify that no other changes are pending:\n    peerform plan\n\nNote that the "
                    + "-target option is not suitable for routine use, and is provided only for exceptional "
                    + "situations such as recovering from errors or mistakes, or when peerform specifically "
                    + "suggests to use it as part of an error message.", null));
        }
        String message = destroyCommand() ? "Destroy complete! Resources: " + destroyed + " destroyed."
                : "Apply complete! Resources: " + added + " added, " + changed + " changed, " + destroyed
                + " destroyed.";
        Map<String, StoredOutput> after = destroying() ? null : op.run.storedOutputs();
        JsonLines json = op.session.json;
        if (json != null) {
            json.summary(destroyCommand() ? "destroy" : "apply", message, added, changed, destroyed);
            json.outputs(after);
            return ExitCode.OK;
        }
        ctx.out().println("\n" + message);
        OutputCommand.printAll(ctx.out(), after);
        ctx.out().flush();
        return ExitCode.OK;
    }
}
