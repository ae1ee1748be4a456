package dev.peerform.emulator.cloud;

import java.time.Duration;

/**
 * How long the cloud's transitions last. The real cloud takes seconds to minutes; the embedded emulator defaults to
 * about a second so that clients really poll, and tests set what they need on a manual clock.
 */
public record Durations(Duration connect, Duration deactivate, Duration activate, Duration modifySpec,
        Duration deleteInterface, Duration routeChange) {

    public static final Durations EMBEDDED_DEFAULTS = new Durations(Duration.ofMillis(1500), Duration.ofMillis(1000),
            Duration.ofMillis(1000), Duration.ofMillis(1000), Duration.ofMillis(500), Duration.ofMillis(500));

    public static final Durations INSTANT = new Durations(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO,
            Duration.ZERO, Duration.ZERO);

    /** Every transition lasting the same time, for tests. */
    public static Durations all(Duration d) {
        return new Durations(d, d, d, d, d, d);
    }
}
