package dev.peerform.cli;

import picocli.CommandLine.Command;

/** {@code refresh}: an alias for {@code apply -refresh-only -auto-approve}, as in Terraform. */
@Command(name = "refresh", description = "Update the state to match remote systems")
final class RefreshCommand extends ApplyCommand {

    RefreshCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() throws Exception {
        planOptions.refreshOnly = true;
        autoApprove = true;
        return super.call();
    }
}
