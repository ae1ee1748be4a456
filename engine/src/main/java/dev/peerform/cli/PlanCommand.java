package dev.peerform.cli;

import dev.peerform.diag.Diagnostics;
import dev.peerform.planner.Planner;
import dev.peerform.render.PlanRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "plan", description = "Show changes required by the current configuration")
final class PlanCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Mixin
    PlanOptions planOptions;
    @Mixin
    VarOptions vars;
    @Mixin
    StateOptions stateOptions;

    @Option(names = "-out", paramLabel = "FILE", description = "Write a plan file to the given path.")
    String out;

    @Option(names = "-detailed-exitcode", description = "Return 0 with no changes, 1 on error, 2 with changes.")
    boolean detailedExitCode;

    @Option(names = "-json", description = "Produce the plan as machine-readable JSON lines.")
    boolean json;

    @Option(names = "-generate-config-out", paramLabel = "FILE", description = "Write a resource block for each "
            + "import block whose target has none to the given new file, then plan with it.")
    String generateConfigOut;

    PlanCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        PhaseTrace trace = PhaseTrace.of(ctx.env());
        try {
            return plan(trace);
        } finally {
            trace.print(ctx.err());
        }
    }

    private Integer plan(PhaseTrace trace) throws Exception {
        Session session = new Session(planOptions.context(ctx), stateOptions.noColor, json);
        session.compactWarnings = planOptions.compactWarnings;
        if (generateConfigOut != null && !generate(session)) {
            return ExitCode.ERROR;
        }
        try (Operation op = new Operation(session)) {
            if (!op.open(vars.withPrompt(ctx, stateOptions.input && !json), stateOptions, "OperationTypePlan", true)) {
                return ExitCode.ERROR;
            }
            trace.mark("load and lock");
            if (!planOptions.destroy && !op.hasConfiguration("Plan", "Planning",
                    "run plan with the -destroy option")) {
                return ExitCode.ERROR;
            }
            Planner.Result result = op.plan(planOptions.options());
            if (result == null) {
                return ExitCode.ERROR;
            }
            trace.mark("plan");
            // the plan file is written on the other core while the plan is printed: both only read the plan
            FutureTask<Void> saving = null;
            if (out != null) {
                Path file = ctx.workingDir().resolve(out);
                saving = new FutureTask<>(() -> {
                    op.run.savePlan(result.plan(), file);
                    return null;
                });
                Thread writer = new Thread(saving, "peerform-plan-file");
                writer.setDaemon(true);
                writer.start();
            }
            op.printPlan(result.plan());
            op.report(); // warnings after the plan, as Terraform prints them
            trace.mark("print");
            if (saving != null) {
                awaitWritten(saving);
                trace.mark("plan file wait");
                if (!json) {
                    ctx.out().println("\n" + PlanRenderer.rule() + "\n\nSaved the plan to: " + out + "\n\nTo perform "
                            + "exactly these actions, run the following command to apply:\n    peerform apply \""
                            + out + "\"");
                }
            } else if (!json && result.plan().hasChanges()) {
                ctx.out().println("\n" + PlanRenderer.rule() + "\n\nNote: You didn't use the -out option to save this "
                        + "plan, so peerform can't\nguarantee to take exactly these actions if you run \"peerform "
                        + "apply\" now.");
            }
            ctx.out().flush();
            trace.mark("finish");
            return detailedExitCode && result.plan().hasChanges() ? ExitCode.CHANGES : ExitCode.OK;
        }
    }

    /** Waits for the plan file; its failure is this command's, as when it was written on this thread. */
    private static void awaitWritten(FutureTask<Void> saving) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    saving.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true; // the file is half written: wait for it to finish, then pass it on
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
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

    /** Writes the generated configuration; the plan that follows loads the configuration with it. */
    private boolean generate(Session session) throws Exception {
        Path file = ctx.workingDir().resolve(generateConfigOut);
        if (Files.exists(file)) {
            session.error("Target generated file already exists", "peerform can only write generated "
                    + "configuration to a new file: " + generateConfigOut + " exists. Delete it or name another.");
            return false;
        }
        try (Operation op = new Operation(session)) {
            if (!op.open(vars.withPrompt(ctx, stateOptions.input && !json), stateOptions, "OperationTypePlan", true)) {
                return false;
            }
            Diagnostics diags = new Diagnostics();
            boolean ok = op.run.generateConfig(file, diags);
            session.report(diags);
            return ok;
        }
    }
}
