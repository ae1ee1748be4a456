package dev.peerform.spi;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A top-level command that a provider adds to the CLI (for example {@code peerform emulator ...}), found with
 * {@link java.util.ServiceLoader}. The engine passes the arguments after the command's name and takes the exit code.
 */
public interface CliExtension {

    /** The command's name, as typed after {@code peerform}. */
    String name();

    /** One line for {@code peerform -help}. */
    String description();

    int run(List<String> args, Path workingDir, PrintWriter out, PrintWriter err, Map<String, String> env);
}
