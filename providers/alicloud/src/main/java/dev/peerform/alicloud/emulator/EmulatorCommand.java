package dev.peerform.alicloud.emulator;

import dev.peerform.emulator.cli.EmulatorCli;
import dev.peerform.spi.CliExtension;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code peerform emulator ...}: the embedded Express Connect emulator's own commands. */
public final class EmulatorCommand implements CliExtension {

    @Override
    public String name() {
        return "emulator";
    }

    @Override
    public String description() {
        return "Serve, inspect or change the embedded Express Connect emulator";
    }

    @Override
    public int run(List<String> args, Path workingDir, PrintWriter out, PrintWriter err, Map<String, String> env) {
        return new EmulatorCli(workingDir, out, err).run(args);
    }
}
