package dev.peerform.cli;

import dev.peerform.diag.Diagnostics;
import dev.peerform.plan.PlanFile;
import dev.peerform.plan.ProviderSet;
import dev.peerform.render.PlanJson;
import dev.peerform.render.PlanRenderer;
import dev.peerform.render.StateView;
import dev.peerform.states.Backend;
import dev.peerform.states.State;
import dev.peerform.states.StateCodec;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Diagnostics diags = new Diagnostics();
        var module = new dev.peerform.config.ModuleLoader(ctx.workingDir()).load(diags);
        ProviderSet providers = ProviderSet.available(module.requiredProviders());
        if (path != null) {
            Path p = ctx.workingDir().resolve(path);
            if (!Files.isRegularFile(p)) {
                session.error("Failed to read the given file", path + " does not exist.");
                return ExitCode.ERROR;
            }
            PlanFile.Saved saved;
            try {
                saved = PlanFile.read(p, providers);
            } catch (java.io.IOException e) {
                session.error("Failed to read the given file as a plan", e.getMessage() + ".");
                return ExitCode.ERROR;
            }
            State prior = session.workspace.backend(module, diags).workspace(Backend.DEFAULT_WORKSPACE).read();
            if (json) {
                ctx.out().println(StateCodec.compact(PlanJson.plan(saved.plan(), prior, module,
                        providers)));
            } else {
                ctx.out().print(new PlanRenderer(session.color).render(saved.plan()));
            }
            ctx.out().flush();
            return ExitCode.OK;
        }
        State state = session.workspace.backend(module, diags).workspace(Backend.DEFAULT_WORKSPACE).read();
        if (json) {
            ctx.out().println(StateCodec.compact(StateView.json(state, providers)));
        } else {
            ctx.out().print(StateView.human(state, providers));
        }
        ctx.out().flush();
        return ExitCode.OK;
    }
}
