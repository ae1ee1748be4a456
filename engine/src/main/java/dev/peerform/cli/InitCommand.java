package dev.peerform.cli;

import dev.peerform.config.Module;
import dev.peerform.config.ModuleLoader;
import dev.peerform.config.Resource;
import dev.peerform.diag.Diagnostics;
import dev.peerform.providers.ProviderSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code init}: checks that the configuration loads and that every provider it needs is built in (peerform's
 * providers ship with it: nothing is downloaded), then says so as Terraform does.
 */
@Command(name = "init", description = "Prepare your working directory for other commands")
final class InitCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Option(names = "-no-color", description = "If specified, output won't contain any color.")
    boolean noColor;

    @Option(names = "-input", arity = "1", description = "Ask for input if necessary.")
    boolean input = true;

    @Option(names = "-backend", arity = "1", description = "Configure the backend for this configuration.")
    boolean backend = true;

    InitCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Session session = new Session(ctx, noColor);
        Diagnostics diags = new Diagnostics();
        Module module = new ModuleLoader(ctx.workingDir()).load(diags);
        if (diags.hasErrors()) {
            session.report(diags);
            return ExitCode.ERROR;
        }
        ctx.out().println("\nInitializing the backend...");
        ProviderSet providers = ProviderSet.available(module.requiredProviders());
        TreeSet<String> needed = new TreeSet<>(module.requiredProviders().keySet());
        collect(module, needed);
        ctx.out().println("Initializing provider plugins...");
        for (String name : needed) {
            if (providers.factory(name) == null) {
                diags.error("Failed to query available provider packages", "peerform has no provider named \""
                        + name + "\". Its providers are built in: " + String.join(", ", providers.names()) + ".",
                        null);
                continue;
            }
            ctx.out().println("- Using built-in " + providers.sourceAddress(name));
        }
        if (session.report(diags)) {
            return ExitCode.ERROR;
        }
        ctx.out().println("\npeerform has been successfully initialized!\n\nYou may now begin working with "
                + "peerform. Try running \"peerform plan\" to see\nany changes that are required for your "
                + "infrastructure. All peerform commands\nshould now work.");
        ctx.out().flush();
        return ExitCode.OK;
    }

    private static void collect(Module m, TreeSet<String> needed) {
        for (Resource r : m.resources().values()) {
            String key = r.provider();
            needed.add(key.contains(".") ? key.substring(0, key.indexOf('.')) : key);
        }
        m.children().values().forEach(c -> collect(c, needed));
    }
}
