package dev.peerform.cli;

import dev.peerform.diag.Diagnostics;
import dev.peerform.workspace.Locking;
import dev.peerform.workspace.WorkspaceOperations;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code workspace new|select|list|show|delete}, with Terraform's flags and messages. */
@Command(name = "workspace", description = "Workspace management")
final class WorkspaceCommand implements Callable<Integer> {

    private final CliContext ctx;

    WorkspaceCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ctx.err().println("Usage: peerform workspace <new|select|list|show|delete> [options] [NAME]");
        return ExitCode.USAGE;
    }

    /** Runs one subcommand over the workspace operations, printing whatever diagnostics it leaves. */
    static int with(CliContext ctx, boolean noColor, Action action) {
        Session session = new Session(ctx, noColor);
        Diagnostics diags = new Diagnostics();
        try (WorkspaceOperations ops = WorkspaceOperations.open(session.workspace, diags)) {
            if (ops == null) {
                session.report(diags);
                return ExitCode.ERROR;
            }
            boolean ok = action.run(ops, diags);
            session.report(diags);
            ctx.out().flush();
            return ok && !diags.hasErrors() ? ExitCode.OK : ExitCode.ERROR;
        } catch (IOException e) {
            session.error("Failed to reach the backend", e.getMessage());
            return ExitCode.ERROR;
        }
    }

    interface Action {
        boolean run(WorkspaceOperations ops, Diagnostics diags) throws IOException;
    }

    private static Locking locking(StateOptions o) {
        return new Locking(o.lock, o.timeout());
    }

    @Command(name = "new", description = "Create a new workspace")
    static final class New implements Callable<Integer> {
        private final CliContext ctx;
        @Mixin
        StateOptions options = new StateOptions();
        @Parameters(paramLabel = "NAME")
        String name;

        New(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            return with(ctx, options.noColor, (ops, diags) -> {
                if (!ops.create(name, locking(options), diags)) {
                    return false;
                }
                ctx.out().println("Created and switched to workspace \"" + name + "\"!\n\nYou're now on a new, "
                        + "empty workspace. Workspaces isolate their state,\nso if you run \"peerform plan\" "
                        + "peerform will not see any existing state\nfor this configuration.");
                return true;
            });
        }
    }

    @Command(name = "select", description = "Select a workspace")
    static final class Select implements Callable<Integer> {
        private final CliContext ctx;
        @Option(names = "-or-create", arity = "0..1", fallbackValue = "true", description = "Create the "
                + "Terraform workspace if it doesn't exist.")
        boolean orCreate;
        @Option(names = "-no-color", description = "If specified, output won't contain any color.")
        boolean noColor;
        @Parameters(paramLabel = "NAME")
        String name;

        Select(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            return with(ctx, noColor, (ops, diags) -> {
                boolean existed = ops.list().contains(name);
                if (!ops.select(name, orCreate, Locking.NOW, diags)) {
                    return false;
                }
                ctx.out().println(existed ? "Switched to workspace \"" + name + "\"."
                        : "Created and switched to workspace \"" + name + "\"!");
                return true;
            });
        }
    }

    @Command(name = "list", description = "List Workspaces")
    static final class ListCmd implements Callable<Integer> {
        private final CliContext ctx;

        ListCmd(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            return with(ctx, true, (ops, diags) -> {
                String current = ops.current();
                for (String name : ops.list()) {
                    ctx.out().println((name.equals(current) ? "* " : "  ") + name);
                }
                ctx.out().println();
                return true;
            });
        }
    }

    @Command(name = "show", description = "Show the name of the current workspace")
    static final class Show implements Callable<Integer> {
        private final CliContext ctx;

        Show(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ctx.out().println(new Session(ctx, true).workspace.currentWorkspace());
            ctx.out().flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "delete", description = "Delete a workspace")
    static final class Delete implements Callable<Integer> {
        private final CliContext ctx;
        @Mixin
        StateOptions options = new StateOptions();
        @Option(names = "-force", description = "Remove a workspace even if it is managing resources.")
        boolean force;
        @Parameters(paramLabel = "NAME")
        String name;

        Delete(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            return with(ctx, options.noColor, (ops, diags) -> {
                if (!ops.delete(name, force, locking(options), diags)) {
                    return false;
                }
                ctx.out().println("Deleted workspace \"" + name + "\"!");
                return true;
            });
        }
    }
}
