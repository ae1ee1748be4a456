package dev.peerform.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The process entry point: wires the real streams, directory and environment into {@link Cli}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        CliContext context = new CliContext(Path.of("").toAbsolutePath(), out, err, System.getenv());
        int code = new Cli(context).run(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
