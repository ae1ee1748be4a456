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
     * Ctrl-C, or SIGTERM as a service manager or CI runner sends it (Terraform treats both alike): the first asks the
     * running apply to finish its running steps and stop; the second to stop now. Both leave the state written and
     * the lock released, and the command exits 1, not with the signal's status.
     */
    private static void installInterruptHandler(CliContext context, PrintWriter err) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> interrupted(context, err));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // no such signal on this platform: its default handling (exit) applies
            }
        }
    }

    private static void interrupted(CliContext context, PrintWriter err) {
        context.interrupt().interrupt();
        if (context.interrupt().stopNow()) {
            err.println("\nTwo interrupts received. Stopping the running steps now; the state will be written.");
        } else {
            err.println("\nInterrupt received.\nPlease wait for peerform to exit or data loss may occur.\n"
                    + "Gracefully shutting down...");
        }
        err.flush();
    }

    public static void main(String[] args) {
        HeapTarget.startIfAsked(System.getProperty(HeapTarget.PROPERTY));
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
