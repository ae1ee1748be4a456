package dev.peerform.cli;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.diag.Diagnostics;
import dev.peerform.workspace.Addresses;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code import ADDR ID}: brings an existing object under management, into the state (the cloud is not changed). */
@Command(name = "import", description = "Associate existing infrastructure with a resource")
final class ImportCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Mixin
    VarOptions vars;
    @Mixin
    StateOptions stateOptions;

    @Parameters(index = "0", paramLabel = "ADDR")
    String address;

    @Parameters(index = "1", paramLabel = "ID")
    String id;

    ImportCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Session session = new Session(ctx, stateOptions.noColor);
        Diagnostics refused = new Diagnostics();
        InstanceAddress target = Addresses.parse(address, refused);
        if (target == null) {
            session.report(refused);
            return ExitCode.ERROR;
        }
        try (Operation op = new Operation(session)) {
            if (!op.open(vars.options, stateOptions, "OperationTypeImport", true)) {
                return ExitCode.ERROR;
            }
            String type = op.run.importResource(target, id, refused);
            if (type == null) {
                session.report(refused);
                return ExitCode.ERROR;
            }
            ctx.out().println(target + ": Importing from ID \"" + id + "\"...\n" + target + ": Import prepared!\n"
                    + "  Prepared " + type + " for import\n\nImport successful!\n\nThe resources that were "
                    + "imported are shown above. These resources are now in\nyour peerform state and will "
                    + "henceforth be managed by peerform.");
            ctx.out().flush();
            return ExitCode.OK;
        }
    }
}
