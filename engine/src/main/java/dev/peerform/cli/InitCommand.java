package dev.peerform.cli;

import dev.peerform.config.Module;
import dev.peerform.config.ModuleLoader;
import dev.peerform.config.Resource;
import dev.peerform.diag.Diagnostics;
import dev.peerform.providers.ProviderSet;
import dev.peerform.workspace.BackendInit;
import dev.peerform.workspace.Locking;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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

    @Option(names = "-backend-config", paramLabel = "KEY=VALUE|FILE", description = "Configuration to be merged "
            + "with what is in the configuration file's 'backend' block: a file of arguments, or KEY=VALUE.")
    List<String> backendConfig = new ArrayList<>();

    @Option(names = "-reconfigure", description = "Reconfigure a backend, ignoring any saved configuration.")
    boolean reconfigure;

    @Option(names = "-migrate-state", description = "Reconfigure a backend, and attempt to migrate any existing "
            + "state.")
    boolean migrateState;

    @Option(names = "-force-copy", description = "Suppress prompts about copying state data when initializing a "
            + "new state backend. This is equivalent to providing a \"yes\" to all confirmation prompts.")
    boolean forceCopy;

    @Option(names = "-upgrade", description = "Install the latest module and provider versions allowed within "
            + "configured constraints. peerform's providers are built in, so there is nothing to upgrade: accepted "
            + "for scripts written for Terraform.")
    boolean upgrade;

    @Option(names = "-lock", arity = "1", description = "Don't hold a state lock during backend migration.")
    boolean lock = true;

    @Option(names = "-lock-timeout", paramLabel = "DURATION", description = "Duration to retry a state lock.")
    String lockTimeout = "0s";

    InitCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Session session = new Session(ctx, noColor);
        Diagnostics diags = new Diagnostics();
        Module module = new ModuleLoader(ctx.workingDir()).load(diags);
        if (diags.hasErrors()) {
            session.error("peerform encountered problems during initialisation, including problems with the "
                    + "configuration, described below.", "The peerform configuration must be valid before "
                    + "initialization so that peerform can determine which modules and providers need to be "
                    + "installed.");
            session.report(diags);
            return ExitCode.ERROR;
        }
        ctx.out().println("\nInitializing the backend...");
        if (reconfigure && migrateState) {
            session.error("Invalid command-line option", "The -migrate-state and -reconfigure options are "
                    + "mutually-exclusive.");
            return ExitCode.ERROR;
        }
        if (backend) {
            StateOptions timing = new StateOptions();
            timing.lockTimeout = lockTimeout;
            BackendInit.Result configured = new BackendInit(session.workspace).run(new BackendInit.Options(
                    backendConfig, reconfigure, migrateState, forceCopy, new Locking(lock, timing.timeout())),
                    question -> confirm(question), diags);
            if (configured == null) {
                session.report(diags);
                return ExitCode.ERROR;
            }
            if (!configured.migrated().isEmpty()) {
                ctx.out().println("Successfully migrated " + configured.migrated().size() + " workspace"
                        + (configured.migrated().size() == 1 ? "" : "s") + " (" + String.join(", ",
                        configured.migrated()) + ") to the \"" + configured.type() + "\" backend.");
            }
            if (configured.changed() && module.backend() != null) {
                ctx.out().println("\nSuccessfully configured the backend \"" + configured.type() + "\"! peerform "
                        + "will automatically\nuse this backend unless the backend configuration changes.");
            }
        }
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

    /** Terraform's prompt: only "yes" confirms; without input (or a terminal answer) it is a no. */
    private boolean confirm(String question) {
        if (!input) {
            return false;
        }
        ctx.out().print(question + "\n\n  Enter a value: ");
        ctx.out().flush();
        try {
            String answer = ctx.in().readLine();
            return answer != null && answer.trim().equals("yes");
        } catch (IOException e) {
            return false;
        }
    }

    private static void collect(Module m, TreeSet<String> needed) {
        for (Resource r : m.resources().values()) {
            String key = r.provider();
            needed.add(key.contains(".") ? key.substring(0, key.indexOf('.')) : key);
        }
        m.children().values().forEach(c -> collect(c, needed));
    }
}
