package dev.peerform.apply;

import java.time.Duration;
import java.util.Random;

/** Exponential backoff with full jitter for transient failures: the n-th retry waits up to base * 2^n, capped. */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofMillis(500), Duration.ofSeconds(20));

    public Duration delay(int attempt, Random random) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt, 20));
        return Duration.ofMillis(ceiling <= 0 ? 0 : ceiling / 2 + random.nextLong(ceiling / 2 + 1));
    }
}
