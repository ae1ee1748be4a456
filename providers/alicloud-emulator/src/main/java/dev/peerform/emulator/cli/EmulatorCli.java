package dev.peerform.emulator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peerform.emulator.Emulator;
import dev.peerform.emulator.Faults;
import dev.peerform.emulator.Seed;
import dev.peerform.emulator.cloud.CloudException;
import dev.peerform.emulator.cloud.Model.Account;
import dev.peerform.emulator.cloud.Model.CallRecord;
import dev.peerform.emulator.cloud.World;
import dev.peerform.emulator.store.FileStore;
import dev.peerform.emulator.wire.EmulatorServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import dev.peerform.vpcapi.billing.SubscriptionPeriod;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code peerform emulator ...}: serve the world on loopback, show it and its call log, and make changes as a
 * person in the console would (suspend, resume, delete an interface, change its spec, delete a route).
 */
public final class EmulatorCli {

    public static final String DEFAULT_WORLD = ".peerform/cloud.json";

    private static final String USAGE = """
            Usage: peerform emulator <command> [options]

            The embedded Express Connect emulator, whose world is .peerform/cloud.json by default.

            Commands:
              serve [--port N]           Serve the world over HTTP on 127.0.0.1 (signed RPC), and list the
                    [--latency-ms N] [--throttle-rate R] [--error-rate R] [--lost-rate R] [--seed N]
                                         accounts' access keys. Runs until interrupted.
              init [--seed-file FILE]    Create the world from the default seed, or from a world file of yours.
              show                       List the world's objects and their statuses.
              log [--json]               List the API calls the emulator received, oldest first.
              suspend RI_ID              Suspend (deactivate) a router interface.
              resume RI_ID               Resume (activate) a suspended router interface.
              delete RI_ID               Delete a router interface (it must be suspended or idle).
              spec RI_ID SPEC            Change an initiator's bandwidth, e.g. Middle.2.
              delete-route RTE_ID        Delete a route entry.
              advance DURATION           Move the world's clock forward (30d, 36h, 90m, or ISO P1M2D); the
                                         bills follow: subscriptions expire, lock and are released.
              renew RI_ID [PERIOD]       Renew a subscription interface (1-9 months or 1-3 years: 1m, 6m, 1y;
                    [--spec SPEC]        default 1m), with a bandwidth for the next cycle when --spec is given.

            Every command takes --world FILE to use another world file.
            """;

    private final Path workingDir;
    private final PrintWriter out;
    private final PrintWriter err;

    public EmulatorCli(Path workingDir, PrintWriter out, PrintWriter err) {
        this.workingDir = workingDir;
        this.out = out;
        this.err = err;
    }

    public int run(List<String> argv) {
        List<String> args = new ArrayList<>(argv);
        if (args.isEmpty() || args.contains("-help") || args.contains("--help") || args.contains("-h")) {
            out.print(USAGE);
            out.flush();
            return args.isEmpty() ? 1 : 0;
        }
        String command = args.remove(0);
        Path world = workingDir.resolve(option(args, "--world", DEFAULT_WORLD));
        try {
            return switch (command) {
                case "serve" -> serve(world, args);
                case "init" -> init(world, args);
                case "show" -> show(world);
                case "log" -> log(world, args.remove("--json"));
                case "suspend" -> console(world, args, 1, e -> e.console().suspend(args.get(0)), "suspended");
                case "resume" -> console(world, args, 1, e -> e.console().resume(args.get(0)), "resumed");
                case "delete" -> console(world, args, 1, e -> e.console().deleteInterface(args.get(0)), "deleted");
                case "spec" -> console(world, args, 2, e -> e.console().modifySpec(args.get(0), args.get(1)),
                        "changed to " + (args.size() > 1 ? args.get(1) : ""));
                case "delete-route" -> console(world, args, 1, e -> e.console().deleteRoute(args.get(0)), "deleted");
                case "advance" -> advance(world, args);
                case "renew" -> renew(world, args);
                default -> {
                    err.println("Error: peerform emulator has no command \"" + command + "\".\n");
                    err.print(USAGE);
                    yield 1;
                }
            };
        } catch (CloudException e) {
            err.println("Error: " + e.code() + ": " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("Error: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("Error: " + e);
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static String option(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        if (i < 0) {
            return fallback;
        }
        if (i + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        String v = args.get(i + 1);
        args.remove(i + 1);
        args.remove(i);
        return v;
    }

    private Emulator open(Path world, Faults faults) {
        return Emulator.onFile(world, Seed.defaultWorld(), Emulator.Options.embedded().with(faults));
    }

    private int serve(Path world, List<String> args) throws IOException {
        int port = Integer.parseInt(option(args, "--port", "0"));
        Faults faults = new Faults(Duration.ofMillis(Long.parseLong(option(args, "--latency-ms", "0"))),
                Double.parseDouble(option(args, "--throttle-rate", "0")),
                Double.parseDouble(option(args, "--error-rate", "0")),
                Double.parseDouble(option(args, "--lost-rate", "0")), Long.parseLong(option(args, "--seed", "1")));
        rejectExtra(args);
        Emulator emulator = open(world, faults);
        try (EmulatorServer server = new EmulatorServer(emulator, java.time.Clock.systemUTC(), port)) {
            out.println("peerform emulator serving " + server.uri() + " (world " + world + ")");
            for (Account a : emulator.accounts()) {
                a.keys.forEach(k -> out.println("account " + a.id + " access_key_id=" + k.id + " access_key_secret="
                        + k.secret));
            }
            out.flush();
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private int init(Path world, List<String> args) throws IOException {
        String seedFile = option(args, "--seed-file", null);
        boolean force = args.remove("--force");
        rejectExtra(args);
        if (Files.exists(world) && !force) {
            err.println("Error: " + world + " already exists; add --force to replace it.");
            return 1;
        }
        World seed = Seed.defaultWorld();
        if (seedFile != null) {
            seed = new ObjectMapper().readValue(workingDir.resolve(seedFile).toFile(), World.class).reindex();
        }
        Files.deleteIfExists(world);
        FileStore store = new FileStore(world);
        try (var lock = store.lock()) {
            store.replace(seed);
        }
        out.println("Created " + world + " with " + seed.accounts.size() + " accounts.");
        return 0;
    }

    private int show(Path world) {
        Emulator e = open(world, Faults.NONE);
        e.read(w -> {
            w.accounts.values().forEach(a -> out.println("account " + a.id));
            w.physicalConnections.values().forEach(p -> out.println("  " + p.id + "  physical connection  owner "
                    + p.owner + "  " + p.region + "  " + p.accessPointId));
            w.vbrs.values().forEach(b -> out.println("  " + b.id + "  vbr  owner " + b.owner + "  " + b.region
                    + "  vlan " + b.vlanId + "  " + b.status + "  table " + b.routeTableId));
            w.vpcs.values().forEach(v -> out.println("  " + v.id + "  vpc  owner " + v.owner + "  " + v.region + "  "
                    + v.cidrBlock + "  router " + v.vrouterId + "  table " + v.routeTableId));
            w.vswitches.values().forEach(s -> out.println("  " + s.id + "  vswitch  owner " + s.owner + "  " + s.zoneId
                    + "  " + s.cidrBlock + "  in " + s.vpcId));
            w.interfaces.values().forEach(r -> out.println("  " + r.id + "  router interface  owner " + r.owner
                    + "  " + r.role + "  " + r.spec + "  " + r.status + "  on " + r.routerId + "  peer "
                    + r.oppositeInterfaceId));
            w.routes.values().forEach(r -> out.println("  " + r.id + "  route  " + r.routeTableId + "  "
                    + r.destination + " -> " + r.nextHopId + "  " + r.status));
            return null;
        });
        return 0;
    }

    private int log(Path world, boolean json) throws IOException {
        List<CallRecord> log = new FileStore(world).log();
        ObjectMapper mapper = new ObjectMapper();
        for (CallRecord r : log) {
            if (json) {
                out.println(mapper.writeValueAsString(r));
            } else {
                out.println(Instant.ofEpochMilli(r.time) + "  " + (r.account == null ? "-" : r.account) + "  "
                        + r.action + "  " + String.join(",", r.ids) + "  " + r.result);
            }
        }
        return 0;
    }

    private interface Change {
        void apply(Emulator e);
    }

    private int console(Path world, List<String> args, int arity, Change change, String done) {
        if (args.size() != arity) {
            err.println("Error: expected " + arity + " argument" + (arity == 1 ? "" : "s") + ".\n");
            err.print(USAGE);
            return 1;
        }
        change.apply(open(world, Faults.NONE));
        out.println(args.get(0) + " " + done + ".");
        return 0;
    }

    private int advance(Path world, List<String> args) {
        if (args.size() != 1) {
            err.println("Error: expected 1 argument, the duration (for example 30d).\n");
            err.print(USAGE);
            return 1;
        }
        Duration by = Periods.duration(args.get(0));
        Instant now = open(world, Faults.NONE).console().advance(by);
        out.println("The emulator's clock moved forward by " + args.get(0) + ": it is now " + now + ".");
        return 0;
    }

    private int renew(Path world, List<String> args) {
        String spec = option(args, "--spec", null);
        if (args.isEmpty() || args.size() > 2) {
            err.println("Error: expected RI_ID and an optional period (for example 1m or 1y).\n");
            err.print(USAGE);
            return 1;
        }
        SubscriptionPeriod period = Periods.subscription(args.size() == 2 ? args.get(1) : "1m");
        Instant due = open(world, Faults.NONE).console().renew(args.get(0), period, spec);
        out.println(args.get(0) + " renewed for " + period + (spec == null ? "" : ", " + spec + " from the next cycle")
                + ": paid until " + due + ".");
        return 0;
    }

    private static void rejectExtra(List<String> args) {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("unexpected arguments " + args);
        }
    }
}
