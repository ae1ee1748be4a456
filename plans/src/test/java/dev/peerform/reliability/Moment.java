package dev.peerform.reliability;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A moment of a run named from outside: the {@code occurrence}-th progress line that starts a step of
 * {@code kind} (e.g. "Add the route"), plus {@code delayMs}, so that a kill or a signal lands inside that step
 * (inside its wait, when the emulator's transitions are slowed).
 */
record Moment(String phase, String kind, int occurrence, long delayMs) {

    private static final Pattern STEP_START = Pattern.compile("^(\\S+): (.+)\\.\\.\\.$");

    /** The step kind a progress line starts, or null when the line starts none. */
    static String kindOf(String line) {
        Matcher m = STEP_START.matcher(line.strip());
        if (!m.matches() || m.group(2).contains(" complete after") || m.group(2).startsWith("Still ")) {
            return null;
        }
        return m.group(2);
    }

    @Override
    public String toString() {
        return phase + " at start of \"" + kind + "\" #" + (occurrence + 1) + " + " + delayMs + " ms";
    }
}
