package dev.peerform.cli;

import dev.peerform.spi.CliExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * Parses the global options as Terraform does (they come before the subcommand), then dispatches to the
 * subcommand. Every failure ends as a message and an exit code; no stack trace reaches a user.
 */
public final class Cli {

    private static final String CHDIR = "-chdir=";

    private final CliContext context;

    public Cli(CliContext context) {
        this.context = context;
    }

    public int run(String... rawArgs) {
        List<String> args = new ArrayList<>(Arrays.asList(rawArgs));
        CliContext ctx = context;
        while (!args.isEmpty() && args.get(0).startsWith("-") && !isHelpOrVersionFlag(args.get(0))) {
            String global = args.remove(0);
            if (global.startsWith(CHDIR)) {
                Path dir = ctx.workingDir().resolve(global.substring(CHDIR.length())).normalize();
                if (!Files.isDirectory(dir)) {
                    ctx.err().println("Error handling -chdir option: " + dir + ": no such directory");
                    return ExitCode.ERROR;
                }
                ctx = ctx.withWorkingDir(dir);
            } else {
                ctx.err().println("Unknown global option " + global
                        + ". Global options are -chdir=DIR, -help and -version; they come before the subcommand.");
                return ExitCode.ERROR;
            }
        }
        if (args.isEmpty()) {
            commandLine(ctx).usage(ctx.out());
            return ExitCode.USAGE;
        }
        switch (args.get(0)) {
            case "-version", "--version", "-v" -> args.set(0, "version");
            case "-help", "--help", "-h" -> {
                commandLine(ctx).usage(ctx.out());
                return ExitCode.OK;
            }
            default -> { }
        }
        args = new CliArgsEnv(ctx.env()).merge(args);
        for (CliExtension extension : ServiceLoader.load(CliExtension.class)) {
            if (extension.name().equals(args.get(0))) {
                try {
                    return extension.run(args.subList(1, args.size()), ctx.workingDir(), ctx.out(), ctx.err(),
                            ctx.env());
                } catch (RuntimeException | Error e) {
                    return internalError(ctx, e);
                }
            }
        }
        try {
            return commandLine(ctx, args.get(0)).execute(args.toArray(String[]::new));
        } catch (RuntimeException | Error e) {
            return internalError(ctx, e);
        }
    }

    private static boolean isHelpOrVersionFlag(String arg) {
        return switch (arg) {
            case "-version", "--version", "-v", "-help", "--help", "-h" -> true;
            default -> false;
        };
    }

    /** The whole command tree: usage, and the suggestion for a command name that is not one. */
    private static CommandLine commandLine(CliContext ctx) {
        return commandLine(ctx, null);
    }

    /**
     * The root with only the subcommand {@code only} when it names one (null: all of them). picocli reflects over
     * every command it is given, so building just the one that runs keeps that cost off every start.
     */
    private static CommandLine commandLine(CliContext ctx, String only) {
        CommandLine cl = new CommandLine(new RootCommand());
        for (String name : only != null && SUBCOMMANDS.contains(only) ? List.of(only) : SUBCOMMANDS) {
            cl.addSubcommand(name, subcommand(name, ctx));
        }
        withHelpOption(cl);
        cl.setOverwrittenOptionsAllowed(true); // Terraform's flags may repeat, the last one wins
        cl.setOut(ctx.out());
        cl.setErr(ctx.err());
        cl.setParameterExceptionHandler(Cli::badArguments);
        cl.setExecutionExceptionHandler((e, line, parsed) -> e instanceof BadFlagException bad
                ? badFlag(ctx, bad) : internalError(ctx, e));
        return cl;
    }

    /** Every top-level subcommand, in the order usage lists them. */
    private static final List<String> SUBCOMMANDS = List.of("init", "validate", "plan", "apply", "destroy", "show",
            "output", "state", "workspace", "force-unlock", "fmt", "import", "console", "providers", "taint",
            "untaint", "adopt", "refresh", "graph", "reach", "version");

    /** The subcommand called {@code name}: a command object, or a CommandLine when it has subcommands itself. */
    private static Object subcommand(String name, CliContext ctx) {
        return switch (name) {
            case "init" -> new InitCommand(ctx);
            case "validate" -> new ValidateCommand(ctx);
            case "plan" -> new PlanCommand(ctx);
            case "apply" -> new ApplyCommand(ctx);
            case "destroy" -> new DestroyCommand(ctx);
            case "show" -> new ShowCommand(ctx);
            case "output" -> new OutputCommand(ctx);
            case "state" -> {
                CommandLine state = new CommandLine(new StateCommand(ctx));
                state.addSubcommand(new StateCommand.ListCmd(ctx));
                state.addSubcommand(new StateCommand.ShowCmd(ctx));
                state.addSubcommand(new StateCommand.PullCmd(ctx));
                state.addSubcommand(new StateCommand.RmCmd(ctx));
                state.addSubcommand(new StateCommand.MvCmd(ctx));
                state.addSubcommand(new StatePushCommand(ctx));
                state.addSubcommand(new StateReplaceProviderCommand(ctx));
                yield state;
            }
            case "workspace" -> {
                CommandLine workspace = new CommandLine(new WorkspaceCommand(ctx));
                workspace.addSubcommand(new WorkspaceCommand.New(ctx));
                workspace.addSubcommand(new WorkspaceCommand.Select(ctx));
                workspace.addSubcommand(new WorkspaceCommand.ListCmd(ctx));
                workspace.addSubcommand(new WorkspaceCommand.Show(ctx));
                workspace.addSubcommand(new WorkspaceCommand.Delete(ctx));
                yield workspace;
            }
            case "force-unlock" -> new ForceUnlockCommand(ctx);
            case "fmt" -> new FmtCommand(ctx);
            case "import" -> new ImportCommand(ctx);
            case "console" -> new ConsoleCommand(ctx);
            case "providers" -> {
                CommandLine providers = new CommandLine(new ProvidersCommand(ctx));
                providers.addSubcommand(new ProvidersCommand.Schema(ctx));
                yield providers;
            }
            case "taint" -> new TaintCommand.Taint(ctx);
            case "untaint" -> new TaintCommand.Untaint(ctx);
            case "adopt" -> new AdoptCommand(ctx);
            case "refresh" -> new RefreshCommand(ctx);
            case "graph" -> new GraphCommand(ctx);
            case "reach" -> new ReachCommand(ctx);
            case "version" -> new VersionCommand(ctx);
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
    }

    /** {@code SUBCMD -help} (and -h, --help) prints the subcommand's usage on stdout and exits 0, as Terraform. */
    private static void withHelpOption(CommandLine cl) {
        if (cl.getParent() != null && cl.getCommandSpec().findOption("-help") == null) {
            cl.getCommandSpec().addOption(OptionSpec.builder("-help", "-h", "--help").usageHelp(true)
                    .description("Show this help.").build());
        }
        cl.getSubcommands().values().forEach(Cli::withHelpOption);
    }

    private static int badArguments(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        if (e instanceof UnmatchedArgumentException u && cl.getParent() == null && !args[0].startsWith("-")) {
            cl.getErr().println("peerform has no command named \"" + args[0] + "\"."
                    + suggestion(u) + "\n\nTo see all of peerform's top-level commands, run:\n  peerform -help");
            return ExitCode.ERROR;
        }
        boolean unexpectedArgument = e instanceof UnmatchedArgumentException u
                && u.getUnmatched().stream().noneMatch(a -> a.startsWith("-"));
        cl.getErr().println(unexpectedArgument
                ? "Error: Unexpected argument\n\n" + e.getMessage()
                : "Error: Failed to parse command-line flags\n\n" + e.getMessage());
        cl.getErr().println();
        cl.usage(cl.getErr());
        return ExitCode.ERROR;
    }

    private static String suggestion(UnmatchedArgumentException u) {
        List<String> near = u.getSuggestions();
        return near.isEmpty() ? "" : " Did you mean \"" + near.get(0) + "\"?";
    }

    private static int badFlag(CliContext ctx, BadFlagException e) {
        ctx.err().println("Error: " + e.summary() + "\n\n" + e.getMessage());
        return ExitCode.ERROR;
    }

    /** A bug, not a user error: say so plainly, without a stack trace unless PEERFORM_LOG=debug asks. */
    private static int internalError(CliContext ctx, Throwable e) {
        ctx.err().println("Error: peerform hit an internal error: " + e);
        ctx.err().println("This is a bug in peerform. Nothing more was changed after this point; "
                + "re-run with PEERFORM_LOG=debug for details, and report it.");
        if ("debug".equalsIgnoreCase(ctx.env().getOrDefault("PEERFORM_LOG", ""))) {
            e.printStackTrace(ctx.err());
        }
        return ExitCode.ERROR;
    }
}
