package dev.peerform.emulator;

import static dev.peerform.emulator.CloudFixture.A;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.peerform.emulator.cloud.Durations;
import dev.peerform.emulator.cloud.Quotas;
import dev.peerform.vpcapi.wire.ApiResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyTest {

    @TempDir
    Path dir;

    @Test
    void twoThreadsConnectingTheSamePairExactlyOneWins() throws Exception {
        for (int round = 0; round < 20; round++) {
            CloudFixture f = new CloudFixture();
            CloudFixture.Pair p = f.pair(A, "cn-qingdao", "10.0.0.0/16", A, "cn-beijing", "10.1.0.0/16");
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<ApiResponse>> results = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return f.call(A, "ConnectRouterInterface", "RouterInterfaceId", p.init());
                }));
            }
            start.countDown();
            int wins = 0;
            for (Future<ApiResponse> r : results) {
                ApiResponse response = r.get();
                if (response.ok()) {
                    wins++;
                } else {
                    assertEquals("IncorrectRIStatus", response.code());
                }
            }
            pool.shutdown();
            assertEquals(1, wins, "round " + round);
        }
    }

    @Test
    void twoEmulatorInstancesOnOneFileLoseNoUpdate() throws Exception {
        Path file = dir.resolve("cloud.json");
        Emulator.Options options = new Emulator.Options(Clock.systemUTC(), Durations.INSTANT, Quotas.DEFAULTS,
                Faults.NONE);
        Emulator first = Emulator.onFile(file, Seed.emptyWorld(), options);
        Emulator second = Emulator.onFile(file, Seed.emptyWorld(), options);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Emulator e = t == 0 ? first : second;
            int base = t * 100;
            done.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    ApiResponse r = e.call(Seed.KEY_A, Seed.SECRET_A, Map.of("Action", "CreateVpc", "RegionId",
                            "cn-beijing", "CidrBlock", "10." + (base + i) + ".0.0/16"));
                    assertEquals(200, r.status(), r.body().toString());
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        Emulator third = Emulator.onFile(file, Seed.emptyWorld(), options);
        assertEquals(50, (int) third.read(w -> w.vpcs.size()));
        assertEquals(50, third.callLog().size());
    }
}
