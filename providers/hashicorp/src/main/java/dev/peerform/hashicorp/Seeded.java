package dev.peerform.hashicorp;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * The generator for a resource with a {@code seed}: the same seed makes the same choice again (as the official
 * provider's seeded results, though not the same numbers as its Go generator); without one, the process's
 * {@link SecureRandom}.
 */
final class Seeded {

    private Seeded() {
    }

    static SecureRandom of(String seed, SecureRandom fallback) {
        if (seed == null) {
            return fallback;
        }
        try {
            // SHA1PRNG seeded before its first use is deterministic, which a seed asks for
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(seed.getBytes(StandardCharsets.UTF_8));
            return r;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA1PRNG", e);
        }
    }
}
