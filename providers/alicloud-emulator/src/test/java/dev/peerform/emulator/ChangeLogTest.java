package dev.peerform.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.emulator.cloud.World;
import dev.peerform.emulator.store.FileStore;
import dev.peerform.emulator.store.WorldFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The world's change log (issue 18): a call costs what it changes, and the world survives crashes whole. */
class ChangeLogTest {

    @TempDir
    Path dir;

    private Path world() {
        return dir.resolve(".peerform/cloud.json");
    }

    private Path changes() {
        return dir.resolve(".peerform/cloud.changes.jsonl");
    }

    private Emulator open() {
        return Emulator.onFile(world(), Seed.defaultWorld(), Emulator.Options.embedded());
    }

    private static String createVpc(Emulator e, int n) {
        var r = e.call(Seed.KEY_B, Seed.SECRET_B, Map.of("Action", "CreateVpc", "RegionId", "cn-hangzhou",
                "CidrBlock", "10." + n + ".0.0/16"));
        assertEquals(200, r.status(), r.body().toString());
        return r.body().get("VpcId").asText();
    }

    private static List<String> vpcIds(Emulator e) {
        return e.read(w -> List.copyOf(w.vpcs.keySet()));
    }

    @Test
    void aChangingCallAppendsToTheLogAndLeavesTheWorldFileAsItWas() throws IOException {
        Emulator e = open();
        byte[] before = Files.readAllBytes(world());
        createVpc(e, 1);
        createVpc(e, 2);
        assertArrayEquals(before, Files.readAllBytes(world()), "the world file is not rewritten per call");
        assertEquals(2, Files.readAllLines(changes()).size());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(changes())));
    }

    @Test
    void anotherProcessSeesTheLoggedChangesWithTheSameIdsAndTimes() {
        Emulator first = open();
        String id = createVpc(first, 1);
        Emulator second = open();
        assertEquals(vpcIds(first), vpcIds(second));
        World a = first.read(w -> w);
        World b = second.read(w -> w);
        assertEquals(a.vpcs.get(id).createdAt, b.vpcs.get(id).createdAt);
        String next = createVpc(second, 2);
        assertTrue(vpcIds(first).contains(next), "the first sees the second's change");
        assertEquals(vpcIds(first), vpcIds(second));
    }

    @Test
    void aTornLastRecordIsIgnoredAndCutOffBeforeTheNextChange() throws IOException {
        Emulator e = open();
        String kept = createVpc(e, 1);
        Files.write(changes(), "{\"seq\":2,\"at\":1,\"acc".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);
        Emulator after = open();
        assertEquals(List.of(kept), vpcIds(after).stream().filter(kept::equals).toList());
        int before = vpcIds(after).size();
        createVpc(after, 2);
        assertEquals(before + 1, vpcIds(open()).size(), "the torn tail was cut off, the new change kept");
        for (String line : Files.readAllLines(changes())) {
            assertTrue(line.startsWith("{") && line.endsWith("}"), line);
        }
    }

    @Test
    void aDamagedRecordBeforeTheLastIsReportedNamingTheLogAndNeverOverwritten() throws IOException {
        Emulator e = open();
        createVpc(e, 1);
        createVpc(e, 2);
        List<String> lines = Files.readAllLines(changes());
        Files.write(changes(), List.of("garbage", lines.get(1)));
        byte[] damaged = Files.readAllBytes(changes());
        WorldFileException x = assertThrows(WorldFileException.class, this::open);
        assertTrue(x.getMessage().contains(changes().toString()), x.getMessage());
        assertArrayEquals(damaged, Files.readAllBytes(changes()));
    }

    @Test
    void changesTheWorldFileHoldsAlreadyAreNotRunTwice() throws IOException {
        Emulator e = open();
        createVpc(e, 1);
        byte[] log = Files.readAllBytes(changes());
        int vpcs = vpcIds(e).size();
        FileStore store = new FileStore(world());
        try (var lock = store.lock()) {
            store.save(e.read(w -> w));
        }
        // as if the process died between writing the world and emptying the log
        Files.write(changes(), log);
        assertEquals(vpcs, vpcIds(open()).size());
    }

    @Test
    void theLogIsCompactedIntoTheWorldFileOnceItOutgrowsIt() throws IOException {
        Emulator e = open();
        String vpc = createVpc(e, 1);
        long world = Files.size(world());
        int n = 0;
        while (Files.size(world()) == world && n < 20_000) {
            assertEquals(200, e.call(Seed.KEY_B, Seed.SECRET_B, Map.of("Action", "ModifyVpcAttribute", "RegionId",
                    "cn-hangzhou", "VpcId", vpc, "VpcName", "v" + n)).status());
            n++;
        }
        assertTrue(Files.size(world()) > world, "compacted after " + n + " changes");
        assertTrue(Files.size(changes()) < Files.size(world()));
        assertEquals(vpcIds(e), vpcIds(open()));
        String name = "v" + (n - 1);
        assertEquals(name, open().read(w -> w.vpcs.get(vpc).name));
    }
}
