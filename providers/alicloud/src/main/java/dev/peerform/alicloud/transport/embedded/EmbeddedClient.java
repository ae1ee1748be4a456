package dev.peerform.alicloud.transport.embedded;

import dev.peerform.alicloud.transport.CallLostException;
import dev.peerform.alicloud.transport.VpcClient;
import dev.peerform.emulator.Emulator;
import dev.peerform.emulator.LostResponseException;
import dev.peerform.vpcapi.wire.ApiResponse;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** Calls the emulator in process: no HTTP, no signature, the same parameters and answers. */
public final class EmbeddedClient implements VpcClient {

    private final Emulator emulator;
    private final Path world;
    private final String accessKeyId;
    private final String secret;

    EmbeddedClient(Emulator emulator, Path world, String accessKeyId, String secret) {
        this.emulator = emulator;
        this.world = world;
        this.accessKeyId = accessKeyId;
        this.secret = secret;
    }

    @Override
    public ApiResponse call(Map<String, String> params) throws CallLostException {
        try {
            return emulator.call(accessKeyId, secret, params);
        } catch (LostResponseException e) {
            throw new CallLostException(e.getMessage(), e);
        } catch (UncheckedIOException e) {
            // the world file went bad or unreadable under a running call: no answer, and the message says why
            throw new CallLostException(e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "embedded emulator (" + world + ")";
    }

    @Override
    public String account() {
        return emulator.accountOfKey(accessKeyId);
    }

    @Override
    public Instant now() {
        return emulator.now();
    }
}
