package dev.peerform.emulator;

import java.time.Duration;

/**
 * Faults the emulator injects, as the real cloud shows them: latency on every call, throttling
 * ({@code Throttling.User}), server errors ({@code ServiceUnavailable}), and lost responses (the call takes effect
 * but the caller never hears back, the case ClientToken exists for). Random draws come from {@code seed}, so a
 * failing run can be replayed.
 */
public record Faults(Duration latency, double throttleRate, double serverErrorRate, double lostResponseRate,
        long seed) {

    public static final Faults NONE = new Faults(Duration.ZERO, 0, 0, 0, 1);

    public Faults {
        for (double rate : new double[] {throttleRate, serverErrorRate, lostResponseRate}) {
            if (rate < 0 || rate > 1) {
                throw new IllegalArgumentException("a fault rate is between 0 and 1, not " + rate);
            }
        }
    }
}
