package dev.peerform.cli;

import dev.peerform.apply.Interrupt;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may touch of the outside world, injected so that every command runs in-process in tests:
 * the working directory (after {@code -chdir}), the output streams, the environment, standard input (for the
 * apply confirmation), whether a terminal is attached (colour and prompts), and the interrupt the signal handler
 * raises.
 */
public record CliContext(Path workingDir, PrintWriter out, PrintWriter err, Map<String, String> env,
        BufferedReader in, boolean terminal, Interrupt interrupt) {

    public CliContext(Path workingDir, PrintWriter out, PrintWriter err, Map<String, String> env) {
        this(workingDir, out, err, env, new BufferedReader(new StringReader("")), false, new Interrupt());
    }

    public CliContext withWorkingDir(Path dir) {
        return new CliContext(dir, out, err, env, in, terminal, interrupt);
    }

    public CliContext withInput(Reader reader, boolean isTerminal) {
        return new CliContext(workingDir, out, err, env, new BufferedReader(reader), isTerminal, interrupt);
    }

    /** Colour only on a terminal, never with NO_COLOR set, never with -no-color. */
    public boolean color(boolean noColorFlag) {
        return terminal && !noColorFlag && !env.containsKey("NO_COLOR");
    }
}
