package dev.peerform.cli;

import picocli.CommandLine.Command;

/** {@code destroy}: an alias for {@code apply -destroy}, as in Terraform. */
@Command(name = "destroy", description = "Destroy previously-created infrastructure")
final class DestroyCommand extends ApplyCommand {

    DestroyCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    boolean destroying() {
        return true;
    }

    @Override
    boolean destroyCommand() {
        return true;
    }
}
