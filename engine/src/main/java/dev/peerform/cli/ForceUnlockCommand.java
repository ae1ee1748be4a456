package dev.peerform.cli;

import dev.peerform.diag.Diagnostics;
import dev.peerform.workspace.StateOperations;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "force-unlock", description = "Release a stuck lock on the current workspace")
final class ForceUnlockCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Parameters(paramLabel = "LOCK_ID")
    String id;

    @Option(names = "-force", description = "Don't ask for input for unlock confirmation.")
    boolean force;

    ForceUnlockCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Session session = new Session(ctx, true);
        StateOperations state = StateCommand.state(ctx);
        if (!force) {
            ctx.out().print("Do you really want to force-unlock?\n  peerform will remove the lock on the remote "
                    + "state.\n  This will allow local peerform commands to modify this state, even though it\n  "
                    + "may still be in use. Only 'yes' will be accepted to confirm.\n\n  Enter a value: ");
            ctx.out().flush();
            String answer = ctx.in().readLine();
            if (!"yes".equals(answer == null ? null : answer.trim())) {
                ctx.out().println("force-unlock cancelled.");
                return ExitCode.ERROR;
            }
        }
        Diagnostics diags = new Diagnostics();
        if (!state.forceUnlock(id, diags)) {
            session.report(diags);
            return ExitCode.ERROR;
        }
        ctx.out().println("peerform state has been successfully unlocked!\n\nThe state has been unlocked, and "
                + "peerform commands should now be able to\nobtain a new lock on the remote state.");
        ctx.out().flush();
        return ExitCode.OK;
    }
}
