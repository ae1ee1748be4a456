package dev.peerform.cli;

import dev.peerform.apply.Applier;
import dev.peerform.config.VariableValues;
import dev.peerform.diag.Diagnostics;
import dev.peerform.plan.Plan;
import dev.peerform.plan.Planner;
import dev.peerform.render.PlanRenderer;
import dev.peerform.states.State;
import dev.peerform.states.StateFormatException;
import dev.peerform.states.StateLockedException;
import dev.peerform.states.StateStore;
import dev.peerform.workspace.Workspace;
import java.io.IOException;
import java.util.List;

/**
 * One locked run over the workspace: load the configuration and variables, take the state lock, read (and recover)
 * the state, plan; then, for apply, run the plan and write the state. The lock is released on close.
 */
final class Operation implements AutoCloseable {

    final Session session;
    final Diagnostics diags = new Diagnostics();
    private int reported;
    Workspace.Loaded loaded;
    State state;
    private StateStore.Lock lock;

    Operation(Session session) {
        this.session = session;
    }

    /** Loads and locks; false (with the diagnostics printed) when that failed. */
    boolean open(List<VariableValues.CliOption> vars, StateOptions stateOptions, String operation,
            boolean configureProviders) {
        loaded = session.workspace.load(vars, configureProviders, diags);
        if (loaded == null || diags.hasErrors()) {
            report();
            return false;
        }
        try {
            if (stateOptions.lock) {
                lock = loaded.store().lock(operation, stateOptions.timeout());
            }
            state = session.workspace.readState(loaded, diags);
        } catch (StateLockedException e) {
            session.error("Error acquiring the state lock", e.getMessage().substring(e.getMessage().indexOf('\n') + 1)
                    .trim());
            return false;
        } catch (StateFormatException e) {
            session.error("Failed to load state", e.getMessage() + " Nothing was changed. Restore the file from "
                    + "terraform.tfstate.backup or from version control.");
            return false;
        } catch (IOException e) {
            session.error("Failed to load state", e.getMessage());
            return false;
        }
        return true;
    }

    /**
     * False (with Terraform's error) when the directory has no configuration: planning then would destroy
     * everything, which is almost never what someone running plan or apply in the wrong directory meant.
     */
    boolean hasConfiguration(String verb, String gerund, String destroyInstead) {
        if (!loaded.module().files().isEmpty()) {
            return true;
        }
        session.error("No configuration files", verb + " requires configuration to be present. " + gerund
                + " without a configuration would mark everything for destruction, which is normally not what is "
                + "desired. If you would like to destroy everything, " + destroyInstead + ". Otherwise, create a "
                + "configuration file (.tf file) in " + session.ctx.workingDir() + " and try again.");
        return false;
    }

    /** Plans and prints the plan; null (after printing the errors) when planning failed. */
    Planner.Result plan(Planner.Options options) {
        Planner.Result result = session.workspace.plan(loaded, state, options, diags);
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
        session.ctx.out().print(new PlanRenderer(session.color).render(plan));
        session.ctx.out().flush();
    }

    Applier.Result apply(Plan plan, State from, int parallelism) throws IOException {
        Applier.Options options = Applier.Options.defaults(parallelism);
        return session.workspace.apply(loaded, plan, from, options, session.json != null
                ? new JsonProgress(session.json) : new ProgressPrinter(session.ctx.out()),
                session.ctx.interrupt(), diags);
    }

    @Override
    public void close() {
        if (lock != null) {
            lock.close();
        }
    }
}
