package dev.peerform.cli;

import dev.peerform.diag.Diagnostics;
import dev.peerform.workspace.StateOperations;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code state list|show|pull|push|rm|mv|replace-provider}: the workspace reads and edits the state; these print what it says. */
@Command(name = "state", description = "Advanced state management")
final class StateCommand implements Callable<Integer> {

    private final CliContext ctx;

    StateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ctx.err().println("Usage: peerform state <list|show|pull|push|rm|mv|replace-provider> [options] [args]");
        return ExitCode.ERROR;
    }

    static StateOperations state(CliContext ctx) {
        return new Session(ctx, true).workspace.stateOperations();
    }

    @Command(name = "list", description = "List resources in the state")
    static final class ListCmd implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(arity = "0..*", paramLabel = "ADDRESS")
        List<String> filters = List.of();

        @Option(names = "-id", paramLabel = "ID", description = "Filters the results to include only instances "
                + "whose resource types have an attribute named \"id\" whose value equals the given id string.")
        String id;

        ListCmd(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            Diagnostics diags = new Diagnostics();
            List<String> found = state(ctx).list(filters, id, diags);
            if (diags.hasErrors()) {
                new Session(ctx, true).report(diags);
                return ExitCode.ERROR;
            }
            found.forEach(ctx.out()::println);
            ctx.out().flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "show", description = "Show a resource in the state")
    static final class ShowCmd implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(paramLabel = "ADDRESS")
        String address;

        ShowCmd(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            Session session = new Session(ctx, true);
            Diagnostics diags = new Diagnostics();
            String shown = state(ctx).show(address, diags);
            if (shown == null) {
                session.report(diags);
                return ExitCode.ERROR;
            }
            ctx.out().print(shown);
            ctx.out().flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "pull", description = "Print the state as JSON")
    static final class PullCmd implements Callable<Integer> {
        private final CliContext ctx;

        PullCmd(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            ctx.out().println(state(ctx).pull());
            ctx.out().flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "rm", description = "Remove instances from the state (the objects themselves stay)")
    static final class RmCmd implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(arity = "1..*", paramLabel = "ADDRESS")
        List<String> addresses;

        @Option(names = "-dry-run", description = "Only print what would be removed.")
        boolean dryRun;

        RmCmd(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            Session session = new Session(ctx, true);
            Diagnostics diags = new Diagnostics();
            List<String> removed = state(ctx).remove(addresses, dryRun, diags);
            removed.forEach(a -> ctx.out().println((dryRun ? "Would remove " : "Removed ") + a));
            if (diags.hasErrors()) {
                ctx.out().flush();
                session.report(diags);
                return ExitCode.ERROR;
            }
            if (!dryRun) {
                ctx.out().println("Successfully removed " + removed.size() + " resource instance(s).");
            }
            ctx.out().flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "mv", description = "Move an instance to another address in the state")
    static final class MvCmd implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "SOURCE")
        String source;

        @Parameters(index = "1", paramLabel = "DESTINATION")
        String destination;

        @Option(names = "-dry-run", description = "If set, prints out what would've been moved but doesn't "
                + "actually move anything.")
        boolean dryRun;

        MvCmd(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            Session session = new Session(ctx, true);
            Diagnostics diags = new Diagnostics();
            StateOperations.Moved moved = state(ctx).move(source, destination, dryRun, diags);
            if (moved == null) {
                session.report(diags);
                return ExitCode.ERROR;
            }
            if (dryRun) {
                ctx.out().println("Would move \"" + moved.from() + "\" to \"" + moved.to() + "\"");
                ctx.out().flush();
                return ExitCode.OK;
            }
            ctx.out().println("Move \"" + moved.from() + "\" to \"" + moved.to() + "\"\nSuccessfully moved 1 "
                    + "object(s).");
            ctx.out().flush();
            return ExitCode.OK;
        }
    }
}
