package dev.peerform.workspace;

import java.time.Duration;

/** Whether a run takes the state lock ({@code -lock}), and how long it keeps trying ({@code -lock-timeout}). */
public record Locking(boolean enabled, Duration timeout) {

    public static final Locking NOW = new Locking(true, Duration.ZERO);
}
