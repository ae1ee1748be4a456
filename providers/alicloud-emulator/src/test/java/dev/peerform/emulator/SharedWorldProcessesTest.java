package dev.peerform.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.emulator.cloud.Durations;
import dev.peerform.emulator.cloud.Quotas;
import dev.peerform.vpcapi.wire.ApiResponse;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several operating-system processes on one world file and its change log (issue 18). */
class SharedWorldProcessesTest {

    @TempDir
    Path dir;

    private static final Emulator.Options OPTIONS = new Emulator.Options(Clock.systemUTC(), Durations.INSTANT,
            Quotas.DEFAULTS, Faults.NONE);

    /** A child process: creates {@code count} VPCs with CIDRs from {@code base}, printing each id once answered. */
    public static void main(String[] args) {
        Emulator e = Emulator.onFile(Path.of(args[0]), Seed.emptyWorld(), OPTIONS);
        int base = Integer.parseInt(args[1]);
        for (int i = 0; i < Integer.parseInt(args[2]); i++) {
            ApiResponse r = e.call(Seed.KEY_A, Seed.SECRET_A, Map.of("Action", "CreateVpc", "RegionId",
                    "cn-beijing", "CidrBlock", "10." + (base + i % 100) + "." + (i / 100) + ".0/24"));
            System.out.println(r.ok() ? r.body().get("VpcId").asText() : "error " + r.code());
            System.out.flush();
        }
    }

    private Process child(Path world, int base, int count) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), getClass().getName(),
                world.toString(), Integer.toString(base), Integer.toString(count)).redirectErrorStream(true).start();
    }

    private static List<String> answered(Process p) throws Exception {
        List<String> ids = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                ids.add(line);
            }
        }
        return ids;
    }

    @Test
    void twoProcessesAndThisOneSharingTheWorldLoseNoChange() throws Exception {
        Path world = dir.resolve("cloud.json");
        Emulator here = Emulator.onFile(world, Seed.emptyWorld(), OPTIONS);
        Process a = child(world, 0, 30);
        Process b = child(world, 100, 30);
        for (int i = 0; i < 30; i++) {
            assertTrue(here.call(Seed.KEY_A, Seed.SECRET_A, Map.of("Action", "CreateVpc", "RegionId", "cn-beijing",
                    "CidrBlock", "10.200." + i + ".0/24")).ok());
        }
        List<String> ids = new ArrayList<>(answered(a));
        ids.addAll(answered(b));
        assertTrue(a.waitFor(60, TimeUnit.SECONDS) && b.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, a.exitValue());
        assertEquals(60, ids.stream().filter(id -> id.startsWith("vpc-")).distinct().count(), ids.toString());
        Set<String> seen = here.read(w -> Set.copyOf(w.vpcs.keySet()));
        assertEquals(90, seen.size(), "this process sees the others' changes");
        assertTrue(seen.containsAll(ids));
        assertEquals(90, Emulator.onFile(world, Seed.emptyWorld(), OPTIONS).callLog().size());
    }

    @Test
    void aProcessKilledMidwayLeavesEveryAnsweredChangeAndAUsableWorld() throws Exception {
        Path world = dir.resolve("cloud.json");
        Emulator.onFile(world, Seed.emptyWorld(), OPTIONS);
        Process p = child(world, 0, 5_000);
        List<String> ids = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            while (ids.size() < 200) {
                ids.add(r.readLine());
            }
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        Emulator after = Emulator.onFile(world, Seed.emptyWorld(), OPTIONS);
        Set<String> vpcs = after.read(w -> Set.copyOf(w.vpcs.keySet()));
        ids.removeIf(id -> id == null || !id.startsWith("vpc-"));
        assertTrue(vpcs.containsAll(ids), "every change that answered survived");
        assertTrue(after.call(Seed.KEY_A, Seed.SECRET_A, Map.of("Action", "CreateVpc", "RegionId", "cn-beijing",
                "CidrBlock", "10.250.0.0/24")).ok());
        assertEquals(vpcs.size() + 1, (int) Emulator.onFile(world, Seed.emptyWorld(), OPTIONS)
                .read(w -> w.vpcs.size()));
    }
}
