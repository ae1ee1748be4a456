package dev.peerform.cli;

import dev.peerform.config.Module;
import dev.peerform.config.Resource;
import dev.peerform.diag.Diagnostics;
import dev.peerform.graph.InstanceAddress;
import dev.peerform.spi.ConfiguredProvider;
import dev.peerform.spi.ResourceType;
import dev.peerform.states.AttributeCodec;
import dev.peerform.states.InstanceState;
import dev.peerform.value.ObjectValue;
import java.util.List;
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
        InstanceAddress target;
        try {
            target = InstanceAddress.parse(address);
        } catch (IllegalArgumentException e) {
            session.error("Invalid address", e.getMessage());
            return ExitCode.ERROR;
        }
        try (Operation op = new Operation(session)) {
            if (!op.open(vars.options, stateOptions, "OperationTypeImport", true)) {
                return ExitCode.ERROR;
            }
            Module m = op.loaded.module();
            for (String p : target.resource().modulePath()) {
                m = m == null ? null : m.children().get(p);
            }
            Resource r = m == null ? null : m.resources().get(target.resource().type() + "."
                    + target.resource().name());
            if (r == null) {
                session.error("Configuration for import target does not exist", "The configuration does not "
                        + "contain " + target.resource() + ". Before importing, add a resource block for it, for "
                        + "example:\n\nresource \"" + target.resource().type() + "\" \"" + target.resource().name()
                        + "\" {\n  # (resource arguments)\n}");
                return ExitCode.ERROR;
            }
            if (op.state.instance(target) != null) {
                session.error("Resource already managed by peerform", target + " is already in the state. To "
                        + "import to this address you must first remove the existing object from the state with "
                        + "`peerform state rm " + target + "`.");
                return ExitCode.ERROR;
            }
            String key = r.provider();
            ConfiguredProvider provider = op.loaded.providers().configured(key);
            ResourceType type = op.loaded.providers().resourceType(r.type());
            if (provider == null || type == null) {
                session.error("Provider not available", "The provider " + key + " for " + target + " is not "
                        + "configured.");
                return ExitCode.ERROR;
            }
            Diagnostics diags = new Diagnostics();
            ObjectValue v = provider.importResource(r.type(), id, diags);
            if (v == null || diags.hasErrors()) {
                session.report(diags);
                return ExitCode.ERROR;
            }
            op.state.put(target, op.loaded.providers().stateKey(key), new InstanceState(0,
                    AttributeCodec.encode(v, type.schema()), AttributeCodec.sensitivePaths(v), List.of(), false,
                    false, null));
            op.state.bumpSerial();
            op.loaded.store().write(op.state);
            ctx.out().println(target + ": Importing from ID \"" + id + "\"...\n" + target + ": Import prepared!\n"
                    + "  Prepared " + r.type() + " for import\n\nImport successful!\n\nThe resources that were "
                    + "imported are shown above. These resources are now in\nyour peerform state and will "
                    + "henceforth be managed by peerform.");
            ctx.out().flush();
            return ExitCode.OK;
        }
    }
}
