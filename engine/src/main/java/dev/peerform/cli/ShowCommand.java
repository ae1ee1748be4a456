package dev.peerform.cli;

import dev.peerform.diag.Diagnostics;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "show", description = "Show the current state or a saved plan")
final class ShowCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Option(names = "-json", description = "Show the plan or state in Terraform's JSON formats.")
    boolean json;

    @Option(names = "-no-color", description = "If specified, output won't contain any color.")
    boolean noColor;

    @Parameters(arity = "0..1", paramLabel = "PATH", description = "A plan file (default: the current state).")
    String path;

    ShowCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Session session = new Session(ctx, noColor);
        if (path != null) {
            Diagnostics refused = new Diagnostics();
            String shown = session.workspace.showPlan(path, json, session.color, refused);
            if (shown == null) {
                session.report(refused);
                return ExitCode.ERROR;
            }
            ctx.out().print(shown);
        } else {
            ctx.out().print(session.workspace.showState(json));
        }
        ctx.out().flush();
        return ExitCode.OK;
    }
}
