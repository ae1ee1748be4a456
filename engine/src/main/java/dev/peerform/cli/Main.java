package dev.peerform.cli;

import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The process entry point: wires the real streams, directory and environment into {@link Cli}. */
public final class Main {

    private Main() {
    }

    /**
     * Ctrl-C: the first asks the running apply to finish its running steps and stop; the second to stop now. Both
     * leave the state written.
     */
    private static void installInterruptHandler(CliContext context, PrintWriter err) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> {
                context.interrupt().interrupt();
                if (context.interrupt().stopNow()) {
                    err.println("\nTwo interrupts received. Stopping the running steps now; the state will be "
                            + "written.");
                } else {
                    err.println("\nInterrupt received.\nPlease wait for peerform to exit or data loss may occur.\n"
                            + "Gracefully shutting down...");
                }
                err.flush();
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // no signal support on this platform: the default handling (exit) applies
        }
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        CliContext context = new CliContext(Path.of("").toAbsolutePath(), out, err, System.getenv())
                .withInput(new InputStreamReader(System.in, StandardCharsets.UTF_8), System.console() != null);
        installInterruptHandler(context, err);
        int code = new Cli(context).run(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
