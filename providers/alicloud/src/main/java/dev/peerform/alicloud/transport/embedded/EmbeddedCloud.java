package dev.peerform.alicloud.transport.embedded;

import dev.peerform.emulator.Emulator;
import dev.peerform.emulator.Seed;
import dev.peerform.emulator.cloud.Durations;
import dev.peerform.emulator.cloud.Quotas;
import dev.peerform.vpcapi.domain.Limits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embedded transport: the emulator in process, one per world file ({@code .peerform/cloud.json} beside the
 * configuration, or {@code PEERFORM_EMULATOR_WORLD}), shared by every provider configuration (alias) of a run. The
 * only part of the provider that knows the emulator's classes.
 */
public final class EmbeddedCloud {

    private final Map<Path, Emulator> emulators = new LinkedHashMap<>();

    /**
     * A client of the world beside {@code workingDir} for these keys; its {@link EmbeddedClient#account()} is null
     * when the world has no account with {@code accessKey}. The interface quotas are the provider's (they can be
     * raised, as in the cloud).
     */
    public EmbeddedClient client(Path workingDir, Map<String, String> env, String accessKey, String secretKey,
            int interfacesPerRouter, int interfacesPerAccount) {
        Path world = workingDir.resolve(env.getOrDefault("PEERFORM_EMULATOR_WORLD", ".peerform/cloud.json"))
                .toAbsolutePath().normalize();
        Emulator emulator = emulators.computeIfAbsent(world, w -> Emulator.onFile(w, Seed.defaultWorld(),
                Emulator.Options.embedded().with(durations(env)).with(new Quotas(interfacesPerRouter,
                        interfacesPerAccount, Limits.VPCS_PER_PHYSICAL_CONNECTION, Limits.ROUTE_ENTRIES_PER_TABLE))));
        return new EmbeddedClient(emulator, workingDir.relativize(world), accessKey, secretKey);
    }

    /**
     * A client of the world's default account (the README's first demonstration account), for a configuration
     * that gives no keys at all, as most real ones do.
     */
    public EmbeddedClient defaultClient(Path workingDir, Map<String, String> env, int interfacesPerRouter,
            int interfacesPerAccount) {
        return client(workingDir, env, Seed.KEY_A, Seed.SECRET_A, interfacesPerRouter, interfacesPerAccount);
    }

    /** Transition times of the embedded emulator; PEERFORM_EMULATOR_TRANSITION_MS shortens them (tests, demos). */
    private static Durations durations(Map<String, String> env) {
        String ms = env.get("PEERFORM_EMULATOR_TRANSITION_MS");
        if (ms == null) {
            return Durations.EMBEDDED_DEFAULTS;
        }
        return Durations.all(Duration.ofMillis(Long.parseLong(ms.trim())));
    }
}
