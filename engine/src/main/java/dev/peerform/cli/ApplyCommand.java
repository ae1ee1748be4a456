package dev.peerform.cli;

import dev.peerform.apply.Applier;
import dev.peerform.plan.Plan;
import dev.peerform.plan.PlanFile;
import dev.peerform.plan.Planner;
import dev.peerform.states.State;
import dev.peerform.value.Value;
import dev.peerform.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
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

    @Override
    public Integer call() throws Exception {
        Session session = new Session(ctx, stateOptions.noColor, json);
        if (json && planFile == null && !autoApprove) {
            session.error("Plan file or auto-approve required", "peerform cannot ask for interactive approval when "
                    + "-json is set. Either apply a saved plan file, or add the -auto-approve option.");
            return ExitCode.ERROR;
        }
        try (Operation op = new Operation(session)) {
            if (!op.open(vars.options, stateOptions, "OperationTypeApply", true)) {
                return ExitCode.ERROR;
            }
            if (planFile == null && !destroying() && !op.hasConfiguration("Apply", "Applying",
                    "run 'peerform destroy' instead")) {
                return ExitCode.ERROR;
            }
            Plan plan;
            State from;
            if (planFile != null) {
                Path path = ctx.workingDir().resolve(planFile);
                if (!Files.isRegularFile(path)) {
                    session.error("Failed to load plan file", "The plan file " + planFile + " does not exist.");
                    return ExitCode.ERROR;
                }
                PlanFile.Saved saved;
                try {
                    saved = PlanFile.read(path, op.loaded.providers());
                } catch (IOException e) {
                    session.error("Failed to load plan file", e.getMessage() + ".");
                    return ExitCode.ERROR;
                }
                if (!saved.plan().lineage().equals(op.state.lineage()) || saved.plan().serial() != op.state.serial()) {
                    session.error("Saved plan is stale", "The given plan file can no longer be applied because the "
                            + "state was changed by another operation after the plan was created (the plan was made "
                            + "from serial " + saved.plan().serial() + ", the state is now at serial "
                            + op.state.serial() + "). Create a new plan with `peerform plan -out " + planFile + "`.");
                    return ExitCode.ERROR;
                }
                if (!saved.configDigest().equals(Workspace.configurationDigest(op.loaded.module()))) {
                    session.error("Saved plan is stale", "The configuration changed after the plan was created, so "
                            + "the plan no longer describes what applying it would do. Create a new plan.");
                    return ExitCode.ERROR;
                }
                plan = withVariables(saved.plan(), op.loaded.variables(), session);
                if (plan == null) {
                    return ExitCode.ERROR;
                }
                from = op.state;
            } else {
                Planner.Options options = planOptions.options();
                if (destroying()) {
                    options = new Planner.Options(Planner.Mode.DESTROY, options.refresh(), options.targets(),
                            options.replace());
                }
                Planner.Result result = op.plan(options);
                if (result == null) {
                    return ExitCode.ERROR;
                }
                op.report();
                plan = result.plan();
                from = result.refreshed();
                op.printPlan(plan);
                if (!plan.hasChanges()) {
                    return summary(op, plan, null);
                }
                if (!autoApprove && !confirm(session)) {
                    ctx.out().println("\n" + (destroying() ? "Destroy" : "Apply") + " cancelled.");
                    ctx.out().flush();
                    return ExitCode.ERROR;
                }
            }
            Applier.Result result = op.apply(plan, from, planOptions.parallelism);
            return summary(op, plan, result);
        }
    }

    /** A saved plan holds digests of sensitive variables: their values come again from this run, and must match. */
    private static Plan withVariables(Plan saved, Map<String, Value> current, Session session) {
        Map<String, Value> vars = new java.util.LinkedHashMap<>(saved.variables());
        for (Map.Entry<String, Value> e : saved.variables().entrySet()) {
            if (e.getValue() != null && e.getValue().isSensitive()) {
                Value now = current.get(e.getKey());
                if (now == null || !dev.peerform.states.Redaction.sameForDiff(now, e.getValue())) {
                    session.error("Sensitive variable needed", "The saved plan does not store the value of the "
                            + "sensitive variable \"" + e.getKey() + "\". Provide the same value again, with -var, "
                            + "-var-file or TF_VAR_" + e.getKey() + ", when you apply the plan.");
                    return null;
                }
                vars.put(e.getKey(), now);
            }
        }
        return new Plan(saved.mode(), saved.changes(), saved.outputs(), saved.drift(), saved.steps(), saved.lineage(),
                saved.serial(), vars, saved.providerEndpoints(), saved.expansions(), saved.data(), saved.timestamp());
    }

    private boolean confirm(Session session) throws IOException {
        if (!stateOptions.input) {
            session.error("No confirmation given", "Applying needs your approval. Run with -auto-approve to apply "
                    + "without it, or without -input=false to be asked.");
            return false;
        }
        ctx.out().print(destroying()
                ? "\nDo you really want to destroy all resources?\n  peerform will destroy all your managed "
                + "infrastructure, as shown above.\n  There is no undo. Only 'yes' will be accepted to confirm.\n\n"
                + "  Enter a value: "
                : "\nDo you want to perform these actions?\n  peerform will perform the actions described above.\n"
                + "  Only 'yes' will be accepted to approve.\n\n  Enter a value: ");
        ctx.out().flush();
        String answer = ctx.in().readLine();
        ctx.out().println();
        return "yes".equals(answer == null ? null : answer.trim());
    }

    private int summary(Operation op, Plan plan, Applier.Result result) {
        boolean failed = op.report();
        long added = result == null ? 0 : plan.toAdd();
        long changed = result == null ? 0 : plan.toChange();
        long destroyed = result == null ? 0 : plan.toDestroy();
        if (failed || (result != null && (result.failed() > 0 || result.interrupted()))) {
            return ExitCode.ERROR;
        }
        String message = destroying() ? "Destroy complete! Resources: " + destroyed + " destroyed."
                : "Apply complete! Resources: " + added + " added, " + changed + " changed, " + destroyed
                + " destroyed.";
        State after = op.state == null || destroying() ? null : readState(op);
        JsonLines json = op.session.json;
        if (json != null) {
            json.summary(destroying() ? "destroy" : "apply", message, added, changed, destroyed);
            json.outputs(after);
            return ExitCode.OK;
        }
        ctx.out().println("\n" + message);
        OutputCommand.printAll(ctx.out(), after);
        ctx.out().flush();
        return ExitCode.OK;
    }

    private static State readState(Operation op) {
        try {
            return op.loaded.store().read();
        } catch (IOException e) {
            return null;
        }
    }
}
