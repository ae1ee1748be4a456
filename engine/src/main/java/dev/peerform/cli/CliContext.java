package dev.peerform.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may touch of the outside world, injected so that every command runs in-process in tests:
 * the working directory (after {@code -chdir}), the two output streams and the environment.
 */
public record CliContext(Path workingDir, PrintWriter out, PrintWriter err, Map<String, String> env) {

    public CliContext withWorkingDir(Path dir) {
        return new CliContext(dir, out, err, env);
    }
}
