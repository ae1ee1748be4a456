package dev.peerform.emulator.bench;

import dev.peerform.emulator.Emulator;
import dev.peerform.emulator.Faults;
import dev.peerform.emulator.Seed;
import dev.peerform.emulator.cloud.Durations;
import dev.peerform.emulator.cloud.Quotas;
import dev.peerform.vpcapi.wire.ApiResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulator benchmark (README, "Benchmarks"): the cost of in-process calls with 1,000 and 10,000 router
 * interfaces in the world. A describe by id must not depend on the world's size. Run with
 * {@code bench/run.sh emulator}.
 */
public final class EmulatorBenchmark {

    public static void main(String[] args) throws Exception {
        System.out.printf("%-10s %-8s %16s %16s %16s %16s%n", "store", "RIs", "describe 1 id", "describe 50 ids",
                "filter Status", "CreateVpc");
        for (String store : List.of("memory", "file")) {
            for (int n : new int[] {1_000, 10_000}) {
                run(store, n);
            }
        }
    }

    private static void run(String store, int interfaces) throws Exception {
        Emulator.Options options = new Emulator.Options(Clock.systemUTC(), Durations.INSTANT,
                new Quotas(5, interfaces + 10, 5, 200), Faults.NONE);
        Emulator e;
        if (store.equals("memory")) {
            e = Emulator.inMemory(Seed.emptyWorld(), options);
        } else {
            Path dir = Files.createTempDirectory("peerform-bench-emulator");
            e = Emulator.onFile(dir.resolve("cloud.json"), Seed.emptyWorld(), options);
        }
        List<String> ids = populate(e, interfaces);
        double one = perCall(e, 2000, i -> describe(ids.subList(i % ids.size(), i % ids.size() + 1)));
        double fifty = perCall(e, 500, i -> describe(ids.subList(i % (ids.size() - 50), i % (ids.size() - 50) + 50)));
        double filtered = perCall(e, 50, i -> Map.of("Action", "DescribeRouterInterfaces", "RegionId", "cn-beijing",
                "Filter.1.Key", "Status", "Filter.1.Value.1", "Idle", "PageSize", "50"));
        double create = perCall(e, store.equals("file") ? 20 : 2000, i -> Map.of("Action", "CreateVpc", "RegionId",
                "cn-shanghai", "CidrBlock", "10.0.0.0/16"));
        System.out.printf("%-10s %-8d %14.1fus %14.1fus %14.1fus %14.1fus%n", store, interfaces, one, fifty,
                filtered, create);
    }

    private static Map<String, String> describe(List<String> ids) {
        Map<String, String> p = new HashMap<>(Map.of("Action", "DescribeRouterInterfaces", "RegionId", "cn-beijing",
                "Filter.1.Key", "RouterInterfaceId", "PageSize", "50"));
        for (int i = 0; i < ids.size(); i++) {
            p.put("Filter.1.Value." + (i + 1), ids.get(i));
        }
        return p;
    }

    /** Builds the world directly (one VPC per five interfaces) rather than through thousands of API calls. */
    private static List<String> populate(Emulator e, int interfaces) {
        return e.read(w -> {
            List<String> ids = new ArrayList<>();
            var cloud = new dev.peerform.emulator.cloud.Cloud(w, Clock.systemUTC(), Durations.INSTANT,
                    new Quotas(5, interfaces + 10, 5, 200));
            dev.peerform.emulator.cloud.Model.Vpc vpc = null;
            for (int i = 0; i < interfaces; i++) {
                if (i % 5 == 0) {
                    vpc = cloud.networks().createVpc(Seed.ACCOUNT_A, "cn-beijing", "10.0.0.0/16", null);
                }
                ids.add(cloud.interfaces().createInterface(Seed.ACCOUNT_A, new dev.peerform.emulator.cloud.Interfaces.NewInterface(
                        "cn-beijing", "InitiatingSide", "VRouter", vpc.vrouterId, "Large.2", "cn-hangzhou", null,
                        null, null, null, null, null, null, null, null, null, 0, null)).id);
            }
            return ids;
        });
    }

    private interface Call {
        Map<String, String> params(int i);
    }

    /** Microseconds per call, after a warm-up of the same number of calls. */
    private static double perCall(Emulator e, int calls, Call call) {
        for (int i = 0; i < calls; i++) {
            check(e.call(Seed.KEY_A, Seed.SECRET_A, call.params(i)));
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            check(e.call(Seed.KEY_A, Seed.SECRET_A, call.params(i)));
        }
        return (System.nanoTime() - t0) / 1e3 / calls;
    }

    private static void check(ApiResponse r) {
        if (!r.ok()) {
            throw new IllegalStateException(r.body().toString());
        }
    }
}
