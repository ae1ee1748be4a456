package dev.peerform.cli;

import dev.peerform.diag.Diagnostics;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code state replace-provider FROM TO}: gives every resource of provider FROM the provider TO (a provider moved
 * to another namespace or registry), after showing which and asking, as Terraform does.
 */
@Command(name = "replace-provider", description = "Replace provider in the state")
final class StateReplaceProviderCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "FROM_PROVIDER_FQN")
    String from;

    @Parameters(index = "1", paramLabel = "TO_PROVIDER_FQN")
    String to;

    @Option(names = "-auto-approve", description = "Skip interactive approval.")
    boolean autoApprove;

    StateReplaceProviderCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Session session = new Session(ctx, true);
        String fromSource = source(from);
        String toSource = source(to);
        if (fromSource == null || toSource == null) {
            String which = fromSource == null ? "from" : "to";
            String given = fromSource == null ? from : to;
            session.error("Invalid \"" + which + "\" provider \"" + given + "\"", "The given provider address \""
                    + given + "\" is not valid: give it as [HOSTNAME/]NAMESPACE/TYPE, like hashicorp/aws or "
                    + "registry.terraform.io/aliyun/alicloud.");
            return ExitCode.ERROR;
        }
        Diagnostics diags = new Diagnostics();
        List<String> matching = StateCommand.state(ctx).replaceProvider(fromSource, toSource, false, diags);
        if (session.report(diags)) {
            return ExitCode.ERROR;
        }
        if (matching.isEmpty()) {
            ctx.out().println("No matching resources found.");
            ctx.out().flush();
            return ExitCode.OK;
        }
        ctx.out().println("peerform will perform the following actions:\n\n  ~ Updating provider:\n    - "
                + fromSource + "\n    + " + toSource + "\n\nChanged " + matching.size() + " resources:\n");
        matching.forEach(a -> ctx.out().println("  " + a));
        if (!autoApprove) {
            ctx.out().print("\nDo you want to make these changes?\nOnly 'yes' will be accepted to continue.\n\n"
                    + "Enter a value: ");
            ctx.out().flush();
            String answer = ctx.in().readLine();
            ctx.out().println();
            if (answer == null || !answer.trim().equals("yes")) {
                ctx.out().println("Cancelled replacing providers.");
                ctx.out().flush();
                return ExitCode.OK;
            }
        }
        List<String> changed = StateCommand.state(ctx).replaceProvider(fromSource, toSource, true, diags);
        if (session.report(diags)) {
            return ExitCode.ERROR;
        }
        ctx.out().println("\nSuccessfully replaced provider for " + changed.size() + " resources.");
        ctx.out().flush();
        return ExitCode.OK;
    }

    /** The fully-qualified source address: TYPE, NAMESPACE/TYPE or HOSTNAME/NAMESPACE/TYPE; null if malformed. */
    static String source(String text) {
        String[] parts = text.toLowerCase(Locale.ROOT).split("/", -1);
        for (String p : parts) {
            if (!p.matches("[a-z0-9][a-z0-9._-]*")) {
                return null;
            }
        }
        return switch (parts.length) {
            case 1 -> "registry.terraform.io/hashicorp/" + parts[0];
            case 2 -> "registry.terraform.io/" + parts[0] + "/" + parts[1];
            case 3 -> String.join("/", parts);
            default -> null;
        };
    }
}
