package dev.peerform.states;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peerform.addrs.InstanceAddress;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streamed ways large states are written and told from envelopes keep the bytes and answers as they were. */
class LargeFilesTest {

    @TempDir
    Path dir;

    private static State state() {
        State s = State.empty();
        for (int i = 0; i < 3; i++) {
            ObjectNode attrs = JsonNodeFactory.instance.objectNode().put("id", "x" + i);
            attrs.putObject("input").put("cidr", "10.0." + i + ".0/24");
            s.put(InstanceAddress.parse("terraform_data.r" + i), "provider[\"terraform.io/builtin/terraform\"]",
                    new InstanceState(0, attrs, null, List.of("terraform_data.r0"), false, false, null));
        }
        return s;
    }

    @Test
    void aStreamedStateIsByteForByteTheStateWrittenAsBytes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StateCodec.write(state(), out);
        assertArrayEquals(StateCodec.write(state()), out.toByteArray());
    }

    @Test
    void aStateWrittenThroughTheLocalStoreReadsBackAndItsBackupIsThePreviousFile() throws Exception {
        Path file = dir.resolve("terraform.tfstate");
        Files.writeString(file, "{\"version\":4,\"serial\":1,\"lineage\":\"l\",\"resources\":[]}");
        byte[] previous = Files.readAllBytes(file);
        LocalStateStore store = new LocalStateStore(file, Clock.systemUTC(), "1.11.4");
        State s = state();
        store.write(s);
        assertArrayEquals(StateCodec.write(s), Files.readAllBytes(file));
        assertArrayEquals(previous, Files.readAllBytes(dir.resolve("terraform.tfstate.backup")));
    }

    @Test
    void onlyAnObjectOfTheEnvelopesFieldsWithAVersionIsSealed() {
        assertTrue(Envelope.isSealed(bytes("{\"meta\":{},\"encrypted_data\":\"AA==\",\"encryption_version\":\"v0\"}")));
        assertFalse(Envelope.isSealed(bytes("{\"version\":4,\"encryption_version\":\"v0\"}")));
        assertFalse(Envelope.isSealed(bytes("{\"meta\":{},\"encrypted_data\":\"AA==\"}")));
        assertFalse(Envelope.isSealed(bytes("[1,2]")));
        assertFalse(Envelope.isSealed(bytes("{\"meta\":")));
        assertEquals(false, Envelope.isSealed(bytes("")));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
