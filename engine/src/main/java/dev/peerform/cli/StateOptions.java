package dev.peerform.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code -lock}, {@code -lock-timeout}, {@code -no-color}, {@code -input}: what every state-touching command takes. */
final class StateOptions {

    @Option(names = "-lock", arity = "1", description = "Don't hold a state lock during the operation when false.")
    boolean lock = true;

    @Option(names = "-lock-timeout", paramLabel = "DURATION", description = "Duration to retry a state lock, "
            + "like 10s or 2m.")
    String lockTimeout = "0s";

    @Option(names = "-no-color", description = "If specified, output won't contain any color.")
    boolean noColor;

    @Option(names = "-input", arity = "1", description = "Ask for input if necessary. If false, will error if input "
            + "was required.")
    boolean input = true;

    Duration timeout() {
        String t = lockTimeout.trim();
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw new BadFlagException("invalid -lock-timeout \"" + lockTimeout + "\": use a duration like 30s or 2m");
        }
    }
}
