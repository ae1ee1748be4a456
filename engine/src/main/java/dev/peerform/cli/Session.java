package dev.peerform.cli;

import dev.peerform.diag.Diagnostic;
import dev.peerform.diag.Diagnostics;
import dev.peerform.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What every command shares: the workspace of the working directory, and printing diagnostics with their source
 * lines (read once per file), in colour only where colour is wanted.
 */
final class Session {

    final CliContext ctx;
    final boolean color;
    final Workspace workspace;
    /** Non-null when the command runs with -json: everything it says goes out as JSON lines on stdout. */
    final JsonLines json;
    private final Map<String, String> sources = new HashMap<>();
    /** -compact-warnings: warnings as one list of summaries after everything else, as Terraform prints them. */
    boolean compactWarnings;
    /** One printer for the session, so that each source file is read and split into lines once. */
    private final DiagnosticPrinter printer;

    Session(CliContext ctx, boolean noColor) {
        this(ctx, noColor, false);
    }

    Session(CliContext ctx, boolean noColor, boolean jsonLines) {
        this.ctx = ctx;
        this.color = !jsonLines && ctx.color(noColor);
        this.workspace = new Workspace(ctx.workingDir(), ctx.env(), Clock.systemUTC(), Version.number());
        this.json = jsonLines ? new JsonLines(ctx.out()) : null;
        this.printer = new DiagnosticPrinter(this::source, color);
        if (json != null) {
            json.version();
        }
    }

    /**
     * Prints every diagnostic (errors to stderr, warnings to stdout, as Terraform does; with -json, as "diagnostic"
     * lines on stdout); true when any error.
     */
    boolean report(Diagnostics diags) {
        if (json != null) {
            diags.list().forEach(json::diagnostic);
            return diags.hasErrors();
        }
        // warnings with one summary are shown once, with a count of the rest (Terraform's consolidation)
        Map<String, Integer> warnings = new HashMap<>();
        diags.list().stream().filter(d -> !d.isError()).forEach(d -> warnings.merge(d.summary(), 1, Integer::sum));
        Set<String> shown = new HashSet<>();
        boolean compact = compactWarnings && !diags.hasErrors(); // warnings beside errors are shown in full
        for (Diagnostic d : diags.list()) {
            if (d.isError()) {
                printer.print(d, ctx.err());
            } else if (!compact && shown.add(d.summary())) {
                printer.print(d, warnings.get(d.summary()) - 1, ctx.out());
            }
        }
        if (compact && !warnings.isEmpty()) {
            ctx.out().println("\nWarnings:\n");
            diags.list().stream().filter(d -> !d.isError()).forEach(d -> ctx.out().println("- " + d.summary()));
            ctx.out().println("\nTo see the full warning notes, run peerform without -compact-warnings.");
        }
        ctx.out().flush();
        ctx.err().flush();
        return diags.hasErrors();
    }

    /** Prints one plain error (no source position), Terraform's way. */
    void error(String summary, String detail) {
        report(new Diagnostics().error(summary, detail, null));
    }

    private String source(String filename) {
        return sources.computeIfAbsent(filename, f -> {
            try {
                Path p = ctx.workingDir().resolve(f);
                return Files.isRegularFile(p) ? Files.readString(p) : null;
            } catch (IOException e) {
                return null;
            }
        });
    }
}
