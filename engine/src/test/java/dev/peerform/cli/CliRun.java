package dev.peerform.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs the CLI in-process with captured output, as a user would see it. */
record CliRun(int exitCode, String out, String err) {

    static CliRun in(Path dir, String... args) {
        return in(dir, Map.of(), args);
    }

    static CliRun in(Path dir, Map<String, String> env, String... args) {
        return withInput(dir, env, "", args);
    }

    /** With {@code input} on standard input (as typed at the apply confirmation). */
    static CliRun withInput(Path dir, Map<String, String> env, String input, String... args) {
        return run(dir, env, input, false, args);
    }

    /** As if on a terminal (colour and prompts on, unless switched off). */
    static CliRun onTerminal(Path dir, Map<String, String> env, String... args) {
        return run(dir, env, "", true, args);
    }

    /** As if typed on a terminal: {@code input} on standard input, colour and prompts on. */
    static CliRun typedOnTerminal(Path dir, String input, String... args) {
        return run(dir, Map.of("NO_COLOR", "1"), input, true, args);
    }

    private static CliRun run(Path dir, Map<String, String> env, String input, boolean terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(dir, new PrintWriter(out, true), new PrintWriter(err, true), env)
                .withInput(new java.io.StringReader(input), terminal);
        int code = new Cli(ctx).run(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
