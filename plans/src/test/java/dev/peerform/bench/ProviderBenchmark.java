package dev.peerform.bench;

import dev.peerform.addrs.InstanceAddress;
import dev.peerform.emulator.Emulator;
import dev.peerform.emulator.Faults;
import dev.peerform.emulator.Seed;
import dev.peerform.emulator.wire.EmulatorServer;
import dev.peerform.emulator.cloud.Cloud;
import dev.peerform.emulator.cloud.Interfaces;
import dev.peerform.emulator.cloud.Durations;
import dev.peerform.emulator.cloud.Model;
import dev.peerform.emulator.cloud.Quotas;
import dev.peerform.emulator.cloud.World;
import dev.peerform.emulator.store.FileStore;
import dev.peerform.providers.ProviderSet;
import dev.peerform.spi.Schema;
import dev.peerform.states.AttributeCodec;
import dev.peerform.states.Backend;
import dev.peerform.states.InstanceState;
import dev.peerform.states.LocalBackend;
import dev.peerform.states.State;
import dev.peerform.value.ObjectValue;
import dev.peerform.value.Type;
import dev.peerform.value.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The provider benchmark (README, "Benchmarks"): a no-op plan, with refresh, of N peering connections (5 resources
 * each: two interfaces, two connection sides, a route) against the embedded emulator, as a whole process. Reports
 * the wall time and the API calls the emulator received. Run with {@code bench/run.sh provider [N]}.
 */
public final class ProviderBenchmark {

    private static final String ACCOUNT = Seed.ACCOUNT_B;

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("http")) {
            // http N LATENCY_MS [REPS]: plan from empty and no-op plan over HTTP, this build and PEERFORM_BENCH_BEFORE
            overHttp(Integer.parseInt(args[1]), Long.parseLong(args[2]), args.length > 3 ? Integer.parseInt(args[3])
                    : 3);
            return;
        }
        if (args.length > 0 && args[0].equals("apply")) {
            // apply N...: the matrix's embedded row for each size (zero transition time)
            List<Integer> sizes = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                sizes.add(Integer.parseInt(args[i]));
            }
            ProviderMatrix.run(sizes.isEmpty() ? List.of(100) : sizes, List.of(ProviderMatrix.Mode.EMBEDDED));
            return;
        }
        if (args.length > 0 && args[0].equals("matrix")) {
            // matrix [SIZES] [MODES]: comma lists, e.g. matrix 10,100,500,2000 embedded,0,100
            ProviderMatrix.run(args.length > 1 ? ProviderMatrix.sizes(args[1]) : List.of(10, 100, 500, 2000),
                    args.length > 2 ? ProviderMatrix.modes(args[2]) : ProviderMatrix.Mode.DEFAULTS);
            return;
        }
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        Path dir = Files.createTempDirectory("peerform-bench-provider");
        long t0 = System.nanoTime();
        World world = Seed.defaultWorld();
        Cloud cloud = new Cloud(world, Clock.systemUTC(), Durations.INSTANT, new Quotas(5, 2 * n + 10, 5, 200));
        StringBuilder config = new StringBuilder("""
                provider "alicloud" {
                  region                     = "cn-hangzhou"
                  access_key                 = "LTAIpeerformDemo87654321"
                  secret_key                 = "demo-secret-87654321"
                  max_interfaces_per_account = %d
                }
                """.formatted(2 * n + 10));
        State state = State.empty();
        ProviderSet providers = ProviderSet.available(Map.of());
        String provider = "provider[\"registry.terraform.io/aliyun/alicloud\"]";
        for (int i = 0; i < n; i++) {
            String cidrA = "10." + (i / 250) + "." + (i % 250) + ".0/24";
            String cidrB = "11." + (i / 250) + "." + (i % 250) + ".0/24";
            Model.Vpc a = cloud.networks().createVpc(ACCOUNT, "cn-hangzhou", cidrA, null);
            Model.Vpc b = cloud.networks().createVpc(ACCOUNT, "cn-hangzhou", cidrB, null);
            Model.RouterInterface init = cloud.interfaces().createInterface(ACCOUNT, new Interfaces.NewInterface("cn-hangzhou",
                    Cloud.INITIATOR, Cloud.VROUTER, a.vrouterId, "Large.2", "cn-hangzhou", null, null, null, null,
                    null, null, null, null, null, null, 0, null));
            Model.RouterInterface acc = cloud.interfaces().createInterface(ACCOUNT, new Interfaces.NewInterface("cn-hangzhou",
                    Cloud.ACCEPTOR, Cloud.VROUTER, b.vrouterId, "Negative", "cn-hangzhou", null, null, null, null,
                    null, null, null, null, null, null, 0, null));
            cloud.interfaces().modifyInterface(ACCOUNT, acc.id, new Interfaces.InterfaceChanges(null, null, init.id, a.vrouterId,
                    "VRouter", ACCOUNT, null, null, false));
            cloud.interfaces().modifyInterface(ACCOUNT, init.id, new Interfaces.InterfaceChanges(null, null, acc.id, b.vrouterId,
                    "VRouter", ACCOUNT, null, null, false));
            cloud.interfaces().connect(ACCOUNT, init.id);
            cloud.settle();
            cloud.routes().createRoute(ACCOUNT, a.routeTableId, cidrB, "RouterInterface", init.id, null);
            cloud.settle();
            config.append(peering(i, a.vrouterId, b.vrouterId, a.routeTableId, cidrB));
            put(state, providers, provider, "alicloud_router_interface.init" + i, ri(init, a.vrouterId, "Large.2"));
            put(state, providers, provider, "alicloud_router_interface.acc" + i, ri(acc, b.vrouterId, "Negative"));
            put(state, providers, provider, "alicloud_router_interface_connection.init" + i,
                    connection(init.id, acc.id, b.vrouterId));
            put(state, providers, provider, "alicloud_router_interface_connection.acc" + i,
                    connection(acc.id, init.id, a.vrouterId));
            put(state, providers, provider, "alicloud_route_entry.r" + i, route(a.routeTableId, cidrB, init.id));
        }
        FileStore store = new FileStore(dir.resolve(".peerform/cloud.json"));
        try (var lock = store.lock()) {
            store.save(world.reindex());
        }
        Files.writeString(dir.resolve("main.tf"), config);
        new LocalBackend(dir.resolve("terraform.tfstate"), Clock.systemUTC(), "bench").workspace(Backend.DEFAULT_WORKSPACE).write(state);
        System.out.printf("setup: %d connections, %d resources, %d interfaces in the world (%.1f s)%n", n, 5 * n,
                world.interfaces.size(), (System.nanoTime() - t0) / 1e9);

        Path launcher = Path.of("peerform").toAbsolutePath();
        long t1 = System.nanoTime();
        Process p = new ProcessBuilder(launcher.toString(), "plan", "-detailed-exitcode", "-no-color")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("plan.log").toFile())
                .start();
        p.waitFor(600, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - t1) / 1e9;
        List<Model.CallRecord> calls = store.log();
        Map<String, Long> byAction = new TreeMap<>();
        calls.forEach(c -> byAction.merge(c.action, 1L, Long::sum));
        long interfaceReads = byAction.getOrDefault("DescribeRouterInterfaces", 0L);
        System.out.printf("no-op plan with refresh: exit %d (0: no changes) in %.2f s%n", p.exitValue(), seconds);
        System.out.printf("API calls: %d in all %s%n", calls.size(), byAction);
        System.out.printf("interface reads: %d DescribeRouterInterfaces for %d interface refreshes (interfaces and "
                + "connection sides): one call per %.1f (target >= 50)%n", interfaceReads, 4 * n,
                4.0 * n / Math.max(1, interfaceReads));
        System.out.printf("route reads: %d DescribeRouteEntryList, one per route table (the API lists one table a "
                + "call)%n", byAction.getOrDefault("DescribeRouteEntryList", 0L));
        if (p.exitValue() != 0) {
            System.out.println(Files.readString(dir.resolve("plan.log")));
        }
    }

    /**
     * Plan from empty state (the VPCs exist) and a no-op plan with refresh (everything exists) of N peerings over
     * HTTP, the emulator server in this process with {@code latencyMs} on every call; each launcher (this build and
     * {@code PEERFORM_BENCH_BEFORE} when set) alternated, min of {@code reps}, calls counted by the server.
     */
    private static void overHttp(int n, long latencyMs, int reps) throws Exception {
        List<String> launchers = new ArrayList<>();
        if (System.getenv("PEERFORM_BENCH_BEFORE") != null) {
            launchers.add(System.getenv("PEERFORM_BENCH_BEFORE"));
        }
        String after = System.getenv().getOrDefault("PEERFORM_BENCH_LAUNCHER", "peerform");
        launchers.add(after);
        Faults faults = new Faults(Duration.ofMillis(latencyMs), 0, 0, 0, 1);
        for (boolean existing : new boolean[] {false, true}) {
            Path dir = Files.createTempDirectory("peerform-bench-http");
            World world = Seed.defaultWorld();
            Cloud cloud = new Cloud(world, Clock.systemUTC(), Durations.INSTANT, new Quotas(5, 2 * n + 10, 5, 200));
            StringBuilder config = new StringBuilder();
            State state = State.empty();
            ProviderSet providers = ProviderSet.available(Map.of());
            String provider = "provider[\"registry.terraform.io/aliyun/alicloud\"]";
            for (int i = 0; i < n; i++) {
                String cidrA = "10." + (i / 250) + "." + (i % 250) + ".0/24";
                String cidrB = "11." + (i / 250) + "." + (i % 250) + ".0/24";
                Model.Vpc a = cloud.networks().createVpc(ACCOUNT, "cn-hangzhou", cidrA, null);
                Model.Vpc b = cloud.networks().createVpc(ACCOUNT, "cn-hangzhou", cidrB, null);
                config.append(peering(i, a.vrouterId, b.vrouterId, a.routeTableId, cidrB));
                if (existing) {
                    Model.RouterInterface init = cloud.interfaces().createInterface(ACCOUNT, new Interfaces
                            .NewInterface("cn-hangzhou", Cloud.INITIATOR, Cloud.VROUTER, a.vrouterId, "Large.2",
                            "cn-hangzhou", null, null, null, null, null, null, null, null, null, null, 0, null));
                    Model.RouterInterface acc = cloud.interfaces().createInterface(ACCOUNT, new Interfaces
                            .NewInterface("cn-hangzhou", Cloud.ACCEPTOR, Cloud.VROUTER, b.vrouterId, "Negative",
                            "cn-hangzhou", null, null, null, null, null, null, null, null, null, null, 0, null));
                    cloud.interfaces().modifyInterface(ACCOUNT, acc.id, new Interfaces.InterfaceChanges(null, null,
                            init.id, a.vrouterId, "VRouter", ACCOUNT, null, null, false));
                    cloud.interfaces().modifyInterface(ACCOUNT, init.id, new Interfaces.InterfaceChanges(null, null,
                            acc.id, b.vrouterId, "VRouter", ACCOUNT, null, null, false));
                    cloud.interfaces().connect(ACCOUNT, init.id);
                    cloud.settle();
                    cloud.routes().createRoute(ACCOUNT, a.routeTableId, cidrB, "RouterInterface", init.id, null);
                    cloud.settle();
                    put(state, providers, provider, "alicloud_router_interface.init" + i, ri(init, a.vrouterId,
                            "Large.2"));
                    put(state, providers, provider, "alicloud_router_interface.acc" + i, ri(acc, b.vrouterId,
                            "Negative"));
                    put(state, providers, provider, "alicloud_router_interface_connection.init" + i,
                            connection(init.id, acc.id, b.vrouterId));
                    put(state, providers, provider, "alicloud_router_interface_connection.acc" + i,
                            connection(acc.id, init.id, a.vrouterId));
                    put(state, providers, provider, "alicloud_route_entry.r" + i, route(a.routeTableId, cidrB,
                            init.id));
                }
            }
            Path worldFile = dir.resolve("world/cloud.json");
            FileStore store = new FileStore(worldFile);
            try (var lock = store.lock()) {
                store.save(world.reindex());
            }
            Emulator emulator = Emulator.onFile(worldFile, Seed.defaultWorld(), Emulator.Options.embedded()
                    .with(faults).with(new Quotas(5, 2 * n + 10, 5, 200)));
            try (EmulatorServer server = new EmulatorServer(emulator, Clock.systemUTC(), 0)) {
                Files.writeString(dir.resolve("main.tf"), """
                        provider "alicloud" {
                          region                     = "cn-hangzhou"
                          endpoint                   = "%s"
                          access_key                 = "%s"
                          secret_key                 = "%s"
                          account_id                 = "%s"
                          max_interfaces_per_account = %d
                        }
                        """.formatted(server.uri(), Seed.KEY_B, Seed.SECRET_B, ACCOUNT, 2 * n + 10) + config);
                if (existing) {
                    new LocalBackend(dir.resolve("terraform.tfstate"), Clock.systemUTC(), "bench")
                            .workspace(Backend.DEFAULT_WORKSPACE).write(state);
                }
                Map<String, Double> best = new TreeMap<>();
                Map<String, Integer> calls = new TreeMap<>();
                Map<String, Map<String, Long>> actions = new TreeMap<>();
                for (int rep = 0; rep < reps; rep++) {
                    for (String launcher : launchers) {
                        int before = store.log().size();
                        double s = runWith(dir, launcher, "plan", "-no-color");
                        best.merge(launcher, s, Math::min);
                        List<Model.CallRecord> log = store.log();
                        calls.put(launcher, log.size() - before);
                        Map<String, Long> byAction = new TreeMap<>();
                        log.subList(before, log.size()).forEach(c -> byAction.merge(c.action, 1L, Long::sum));
                        actions.put(launcher, byAction);
                    }
                }
                if (!existing && System.getenv("PEERFORM_BENCH_APPLY") != null) {
                    // apply from empty, a no-op plan and destroy, each launcher in turn on the same world
                    ProviderMatrix.Mode mode = new ProviderMatrix.Mode("HTTP " + latencyMs + " ms", latencyMs);
                    for (String launcher : launchers) {
                        ProviderMatrix.print(mode, n, launcher, ProviderMatrix.sequence(dir, launcher, store,
                                Map.of(), latencyMs));
                    }
                }
                for (String launcher : launchers) {
                    System.out.printf("%s: %s of %,d peerings over HTTP, %d ms latency: %.2f s (min of %d), %d calls"
                            + "%s%n", launcher, existing ? "no-op plan" : "plan from empty", n, latencyMs,
                            best.get(launcher), reps, calls.get(launcher), launcher.equals(after)
                            ? ratio(best, launchers) : "");
                    System.out.println("  calls: " + actions.get(launcher));
                }
            }
        }
    }

    private static String ratio(Map<String, Double> best, List<String> launchers) {
        if (launchers.size() < 2) {
            return "";
        }
        return String.format(" (%.2fx the time of %s)", best.get(launchers.get(1)) / best.get(launchers.get(0)),
                launchers.get(0));
    }

    static String peering(int i, String routerA, String routerB, String table, String cidrB) {
        return """
                resource "alicloud_router_interface" "init%1$d" {
                  opposite_region = "cn-hangzhou"
                  router_type     = "VRouter"
                  router_id       = "%2$s"
                  role            = "InitiatingSide"
                  specification   = "Large.2"
                }
                resource "alicloud_router_interface" "acc%1$d" {
                  opposite_region = "cn-hangzhou"
                  router_type     = "VRouter"
                  router_id       = "%3$s"
                  role            = "AcceptingSide"
                }
                resource "alicloud_router_interface_connection" "init%1$d" {
                  interface_id          = alicloud_router_interface.init%1$d.id
                  opposite_interface_id = alicloud_router_interface.acc%1$d.id
                }
                resource "alicloud_router_interface_connection" "acc%1$d" {
                  interface_id          = alicloud_router_interface.acc%1$d.id
                  opposite_interface_id = alicloud_router_interface.init%1$d.id
                }
                resource "alicloud_route_entry" "r%1$d" {
                  route_table_id        = "%4$s"
                  destination_cidrblock = "%5$s"
                  nexthop_type          = "RouterInterface"
                  nexthop_id            = alicloud_router_interface.init%1$d.id
                }
                """.formatted(i, routerA, routerB, table, cidrB);
    }

    static double runWith(Path dir, String launcher, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.contains("/") ? launcher
                : Path.of(launcher).toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(args[0] + ".log").toFile());
        long t = System.nanoTime();
        Process p = b.start();
        if (!p.waitFor(1800, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        if (p.exitValue() != 0) {
            String log = Files.readString(dir.resolve(args[0] + ".log"));
            System.out.println(launcher + " " + args[0] + " exited " + p.exitValue() + ": "
                    + log.substring(Math.max(0, log.length() - 2000)));
        }
        return seconds;
    }

    private static void put(State state, ProviderSet providers, String provider, String address, ObjectValue v) {
        InstanceAddress a = InstanceAddress.parse(address);
        Schema schema = providers.resourceType(a.resource().type()).schema();
        state.put(a, provider, new InstanceState(0, AttributeCodec.encode(v, schema), AttributeCodec.sensitivePaths(v),
                List.of(), false, false, null));
    }

    private static ObjectValue ri(Model.RouterInterface ri, String router, String spec) {
        Map<String, Value> m = new TreeMap<>();
        m.put("id", Value.of(ri.id));
        m.put("opposite_region", Value.of("cn-hangzhou"));
        m.put("router_type", Value.of("VRouter"));
        m.put("router_id", Value.of(router));
        m.put("role", Value.of(ri.role));
        m.put("specification", Value.of(spec));
        for (String k : List.of("name", "description", "health_check_source_ip", "health_check_target_ip",
                "access_point_id")) {
            m.put(k, Value.nullOf(Type.STRING));
        }
        m.put("instance_charge_type", Value.of("PostPaid"));
        m.put("period", Value.nullOf(Type.NUMBER));
        return new ObjectValue(m);
    }

    private static ObjectValue connection(String ri, String opposite, String oppositeRouter) {
        Map<String, Value> m = new TreeMap<>();
        m.put("id", Value.of(ri));
        m.put("interface_id", Value.of(ri));
        m.put("opposite_interface_id", Value.of(opposite));
        m.put("opposite_router_type", Value.of("VRouter"));
        m.put("opposite_router_id", Value.of(oppositeRouter));
        m.put("opposite_interface_owner_id", Value.of(ACCOUNT));
        m.put("status", Value.of("Active"));
        return new ObjectValue(m);
    }

    private static ObjectValue route(String table, String dest, String ri) {
        Map<String, Value> m = new TreeMap<>();
        m.put("id", Value.of(table + ":" + dest + ":RouterInterface:" + ri));
        m.put("route_table_id", Value.of(table));
        m.put("destination_cidrblock", Value.of(dest));
        m.put("nexthop_type", Value.of("RouterInterface"));
        m.put("nexthop_id", Value.of(ri));
        m.put("name", Value.nullOf(Type.STRING));
        return new ObjectValue(m);
    }
}
