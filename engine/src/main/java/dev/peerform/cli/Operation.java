package dev.peerform.cli;

import dev.peerform.apply.Applier;
import dev.peerform.config.VariableValues;
import dev.peerform.diag.Diagnostics;
import dev.peerform.planner.Planner;
import dev.peerform.plans.Plan;
import dev.peerform.render.PlanRenderer;
import dev.peerform.workspace.Locking;
import dev.peerform.workspace.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A command's view of a workspace {@link Run}: it prints what the run says (diagnostics once each, the plan as
 * text or JSON lines, the apply's progress) and owns none of its decisions.
 */
final class Operation implements AutoCloseable {

    final Session session;
    final Diagnostics diags = new Diagnostics();
    private int reported;
    Run run;

    Operation(Session session) {
        this.session = session;
    }

    /** Loads and locks; false (with the diagnostics printed) when that failed. */
    boolean open(List<VariableValues.CliOption> vars, StateOptions stateOptions, String operation,
            boolean configureProviders) {
        return opened(Run.load(session.workspace, vars, configureProviders, diags), stateOptions, operation);
    }

    /** Opens to apply a saved plan, loading the configuration with the plan's variables. */
    boolean openForPlan(List<VariableValues.CliOption> vars, StateOptions stateOptions, Path planFile) {
        return opened(Run.loadForPlan(session.workspace, vars, planFile, diags), stateOptions, "OperationTypeApply");
    }

    private boolean opened(Run loaded, StateOptions stateOptions, String operation) {
        run = loaded;
        if (run == null) {
            report();
            return false;
        }
        Diagnostics refused = run.lockAndRead(operation, new Locking(stateOptions.lock, stateOptions.timeout()),
                diags);
        return !session.report(refused);
    }

    /**
     * False (with Terraform's error) when the directory has no configuration: planning then would destroy
     * everything, which is almost never what someone running plan or apply in the wrong directory meant.
     */
    boolean hasConfiguration(String verb, String gerund, String destroyInstead) {
        if (run.hasConfiguration()) {
            return true;
        }
        session.error("No configuration files", verb + " requires configuration to be present. " + gerund
                + " without a configuration would mark everything for destruction, which is normally not what is "
                + "desired. If you would like to destroy everything, " + destroyInstead + ". Otherwise, create a "
                + "configuration file (.tf file) in " + session.ctx.workingDir() + " and try again.");
        return false;
    }

    /** Plans; null (after printing the errors) when planning failed. */
    Planner.Result plan(Planner.Options options) {
        return plan(options, true);
    }

    /**
     * {@code announce}: print Terraform's "NAME: Refreshing state... [id=...]" for each object the plan reads
     * first (a command that only looks at the graph does not).
     */
    Planner.Result plan(Planner.Options options, boolean announce) {
        if (announce && options.refresh() && session.json == null) {
            // one write for all of them: the console's writer flushes on every println (10,000 writes at 10,000)
            StringBuilder lines = new StringBuilder();
            String newline = System.lineSeparator();
            run.refreshedObjects().forEach((address, id) -> {
                lines.append(address).append(": Refreshing state...");
                if (id != null) {
                    lines.append(" [id=").append(id).append(']');
                }
                lines.append(newline);
            });
            session.ctx.out().print(lines);
            session.ctx.out().flush();
        }
        Planner.Result result = run.plan(options, diags);
        if (diags.hasErrors()) {
            report();
            return null;
        }
        return result;
    }

    /** Prints the diagnostics not printed yet; true when there is an error among all of them. */
    boolean report() {
        Diagnostics fresh = new Diagnostics();
        diags.list().stream().skip(reported).forEach(fresh::add);
        reported = diags.size();
        session.report(fresh);
        return diags.hasErrors();
    }

    void printPlan(Plan plan) {
        if (session.json != null) {
            session.json.plan(plan);
            return;
        }
        new PlanRenderer(session.color).render(plan, session.ctx.out());
        session.ctx.out().flush();
    }

    Applier.Result apply(Plan plan, int parallelism) throws IOException {
        return run.apply(plan, parallelism, session.json != null ? new JsonProgress(session.json)
                : new ProgressPrinter(session.ctx.out()), session.ctx.interrupt(), diags);
    }

    @Override
    public void close() {
        if (run != null) {
            run.close();
        }
    }
}
