package dev.peerform.scenarios;

import dev.peerform.cli.Cli;
import dev.peerform.cli.CliContext;
import dev.peerform.emulator.cloud.Model.CallRecord;
import dev.peerform.emulator.store.FileStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A working directory holding one configuration, run through the real CLI in process against the embedded
 * emulator (transitions shortened to 20 ms), with the emulator's call log at hand to check what the cloud saw.
 */
final class Scenario implements AutoCloseable {

    record Run(int exitCode, String out, String err) {
    }

    final Path dir;
    final Map<String, String> env = new HashMap<>(Map.of("PEERFORM_EMULATOR_TRANSITION_MS", "20"));

    private dev.peerform.emulator.wire.EmulatorServer server;

    Scenario(Path dir) {
        this.dir = dir;
    }

    /**
     * Serves this scenario's world over signed RPC on loopback and points every provider at it (ALICLOUD_ENDPOINT):
     * the same scenario, over the wire. {@code account} is for connections that leave the peer's owner implicit.
     */
    Scenario overHttp(String account) throws IOException {
        var emulator = dev.peerform.emulator.Emulator.onFile(dir.resolve(".peerform/cloud.json"),
                dev.peerform.emulator.Seed.defaultWorld(), dev.peerform.emulator.Emulator.Options.embedded()
                        .with(dev.peerform.emulator.cloud.Durations.all(java.time.Duration.ofMillis(20)))
                        .with(new dev.peerform.emulator.cloud.Quotas(5, 50, 5, 200)));
        server = new dev.peerform.emulator.wire.EmulatorServer(emulator, java.time.Clock.systemUTC(), 0);
        env.put("ALICLOUD_ENDPOINT", server.uri().toString());
        env.put("ALICLOUD_ACCOUNT_ID", account);
        return this;
    }

    boolean remote() {
        return server != null;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }

    /**
     * A copy of an example's peering ({@code main.tf}, as the golden plans take it): the lifecycle tests are about
     * the peering, not the instances that {@code instances.tf} adds to prove it carries traffic.
     */
    static Scenario example(String name, Path into) throws IOException {
        return example(name, into, f -> f.getFileName().toString().equals("main.tf"));
    }

    /** A copy of every configuration file of an example (instances and security groups included). */
    static Scenario wholeExample(String name, Path into) throws IOException {
        return example(name, into, f -> f.toString().endsWith(".tf"));
    }

    private static Scenario example(String name, Path into, Predicate<Path> which)
            throws IOException {
        Path source = Path.of("..", "examples", name);
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.filter(which).toList()) {
                Files.copy(f, into.resolve(f.getFileName()));
            }
        }
        return new Scenario(into);
    }

    static Scenario config(String text, Path into) throws IOException {
        Files.writeString(into.resolve("main.tf"), text);
        return new Scenario(into);
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(new CliContext(dir, new PrintWriter(out, true), new PrintWriter(err, true), env))
                .run(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The calls the emulator received, oldest first. */
    List<CallRecord> log() {
        return new FileStore(dir.resolve(".peerform/cloud.json")).log();
    }

    /** The calls that change the cloud (everything but Describe*). */
    List<CallRecord> changes() {
        return log().stream().filter(c -> !c.action.startsWith("Describe")).toList();
    }

    List<String> actions() {
        return changes().stream().map(c -> c.action).toList();
    }

    int first(String action) {
        List<String> a = actions();
        return a.indexOf(action);
    }

    int last(String action) {
        return actions().lastIndexOf(action);
    }
}
