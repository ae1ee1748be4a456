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
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(new CliContext(dir, new PrintWriter(out, true), new PrintWriter(err, true), env))
                .run(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
