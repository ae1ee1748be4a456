package dev.peerform.cli;

import dev.peerform.diag.Diagnostics;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code taint ADDR} and {@code untaint ADDR}: marks an instance for replacement at the next apply, or takes the
 * mark away, under the state's lock.
 */
abstract class TaintCommand implements Callable<Integer> {

    private final CliContext ctx;
    private final boolean taint;

    @Parameters(paramLabel = "ADDRESS")
    String address;

    @Option(names = "-allow-missing", description = "If specified, the command will succeed (exit code 0) even if "
            + "the resource is missing.")
    boolean allowMissing;

    @Mixin
    StateOptions stateOptions;

    TaintCommand(CliContext ctx, boolean taint) {
        this.ctx = ctx;
        this.taint = taint;
    }

    @Override
    public Integer call() throws Exception {
        Session session = new Session(ctx, stateOptions.noColor);
        Diagnostics diags = new Diagnostics();
        String message = StateCommand.state(ctx).setTainted(address, taint, allowMissing, diags);
        session.report(diags);
        if (message == null) {
            return ExitCode.ERROR;
        }
        if (!message.isEmpty()) {
            ctx.out().println(message);
        }
        ctx.out().flush();
        return ExitCode.OK;
    }

    @Command(name = "taint", description = "Mark a resource instance as not fully functional")
    static final class Taint extends TaintCommand {
        Taint(CliContext ctx) {
            super(ctx, true);
        }
    }

    @Command(name = "untaint", description = "Remove the 'tainted' state from a resource instance")
    static final class Untaint extends TaintCommand {
        Untaint(CliContext ctx) {
            super(ctx, false);
        }
    }
}
