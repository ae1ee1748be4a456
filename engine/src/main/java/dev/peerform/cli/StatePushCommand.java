package dev.peerform.cli;

import dev.peerform.diag.Diagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code state push [-force] FILE}: replaces the stored state with a local file ({@code -} for stdin). */
@Command(name = "push", description = "Update remote state from a local state file")
final class StatePushCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Parameters(paramLabel = "PATH", description = "The state file to push, or - to read it from stdin.")
    String path;

    @Option(names = "-force", description = "Write the state even if lineages don't match or the remote serial "
            + "is higher.")
    boolean force;

    StatePushCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Session session = new Session(ctx, true);
        byte[] bytes;
        try {
            bytes = path.equals("-") ? readStdin() : Files.readAllBytes(ctx.workingDir().resolve(path));
        } catch (IOException e) {
            session.error("Failed to load state", "Cannot read " + path + ": " + e.getMessage());
            return ExitCode.ERROR;
        }
        Diagnostics diags = new Diagnostics();
        boolean pushed = StateCommand.state(ctx).push(bytes, path.equals("-") ? "stdin" : path, force, diags);
        session.report(diags);
        return pushed ? ExitCode.OK : ExitCode.ERROR;
    }

    private byte[] readStdin() throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buf = new char[8192];
        for (int n; (n = ctx.in().read(buf)) > 0; ) {
            text.append(buf, 0, n);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
