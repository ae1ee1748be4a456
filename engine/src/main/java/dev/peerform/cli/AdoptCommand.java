package dev.peerform.cli;

import dev.peerform.diag.Diagnostics;
import dev.peerform.render.hcl.WrittenBlock;
import dev.peerform.spi.Unadoptable;
import dev.peerform.workspace.Adoption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code adopt [-out=FILE] [-region=R ...]}: writes what the accounts of the directory's provider configurations
 * have as resource blocks and the import blocks that take them over; the next plan imports them and changes
 * nothing. The cloud is not changed.
 */
@Command(name = "adopt", description = "Write configuration and import blocks for what exists in the accounts")
final class AdoptCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Mixin
    VarOptions vars;
    @Mixin
    StateOptions stateOptions;

    @Option(names = "-out", paramLabel = "FILE", description = "The file to write (default adopted.tf); it must "
            + "not exist.")
    String out = "adopted.tf";

    @Option(names = "-region", paramLabel = "R", description = "Only the provider configurations of this region "
            + "(repeat, or separate with commas).")
    List<String> regions = new ArrayList<>();

    AdoptCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Session session = new Session(ctx, stateOptions.noColor);
        Path file = ctx.workingDir().resolve(out);
        if (Files.exists(file)) {
            session.error("Target file already exists", "peerform adopt writes to a new file only: " + out
                    + " exists. Delete it or name another with -out=FILE.");
            return ExitCode.ERROR;
        }
        Set<String> only = new LinkedHashSet<>();
        regions.forEach(r -> List.of(r.split(",")).forEach(x -> {
            if (!x.isBlank()) {
                only.add(x.trim());
            }
        }));
        try (Operation op = new Operation(session)) {
            if (!op.open(vars.options, stateOptions, "OperationTypeAdopt", true)) {
                return ExitCode.ERROR;
            }
            Diagnostics diags = new Diagnostics();
            Adoption.Result result = op.run.adopt(file, only, diags);
            session.report(diags);
            if (result == null) {
                return ExitCode.ERROR;
            }
            print(result);
            return ExitCode.OK;
        }
    }

    private void print(Adoption.Result result) {
        Map<String, Integer> byType = new TreeMap<>();
        for (WrittenBlock b : result.blocks()) {
            byType.merge(b.type(), 1, Integer::sum);
        }
        StringBuilder b = new StringBuilder();
        b.append("Wrote ").append(out).append(": ").append(result.blocks().size()).append(" resource")
                .append(result.blocks().size() == 1 ? "" : "s").append(" with their import blocks.\n");
        byType.forEach((type, n) -> b.append("  ").append(type).append(": ").append(n).append('\n'));
        if (!result.alreadyManaged().isEmpty()) {
            b.append("\nAlready managed here, not written again:\n");
            result.alreadyManaged().forEach(a -> b.append("  ").append(a).append('\n'));
        }
        if (!result.unadoptable().isEmpty()) {
            b.append("\nNot adopted:\n");
            for (Unadoptable u : result.unadoptable()) {
                b.append("  ").append(u.kind()).append(' ').append(u.id()).append(": ").append(u.reason())
                        .append('\n');
            }
        }
        b.append("\nRun \"peerform plan\" to see the imports; it should change nothing else.");
        ctx.out().println(b);
        ctx.out().flush();
    }
}
