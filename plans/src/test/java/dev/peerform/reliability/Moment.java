package dev.peerform.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A moment of a run named from outside: the {@code occurrence}-th line that starts a step of {@code kind} (e.g.
 * "Add the route"), plus {@code delayMs}, so that a kill or a signal lands inside that step (inside its wait, when
 * the emulator's transitions are slowed).
 *
 * <p>The kind comes from {@code apply -json}'s hooks, where every step names itself ({@code peerform_step}), so that
 * a resource changed in one step counts as its own kind ("Create the VPC"), not as Terraform's word for the half
 * ("Creating"). The text progress names a step only when its half has several; it is read too, for the figures
 * that run without {@code -json}, and its Terraform words name no kind.
 */
record Moment(String phase, String kind, int occurrence, long delayMs) {

    private static final Pattern STEP_START = Pattern.compile("^(\\S+): (.+)\\.\\.\\.$");
    private static final Set<String> HALF_WORDS = Set.of("Creating", "Modifying", "Destroying", "Reading");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One step's start or end as {@code apply -json} reports it. */
    record Hook(String type, String address, String kind) {
        /** What a start and its end share. */
        String step() {
            return address + ": " + kind;
        }
    }

    /** The step kind a line starts, or null when the line starts none. */
    static String kindOf(String line) {
        String l = line.strip();
        if (l.startsWith("{")) {
            Hook h = hookOf(l);
            return h != null && h.type().equals("apply_start") ? h.kind() : null;
        }
        Matcher m = STEP_START.matcher(l);
        if (!m.matches() || m.group(2).contains(" complete after") || m.group(2).startsWith("Still ")
                || HALF_WORDS.contains(m.group(2))) {
            return null;
        }
        return m.group(2);
    }

    /** The step hook of an {@code apply -json} line (apply_start, apply_complete...), or null for any other line. */
    static Hook hookOf(String line) {
        if (!line.strip().startsWith("{")) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(line);
            JsonNode step = n.path("hook").path("peerform_step");
            String description = step.path("description").asText("");
            if (description.isEmpty()) {
                return null;
            }
            return new Hook(n.path("type").asText(), n.path("hook").path("resource").path("addr").asText(),
                    description.substring(0, 1).toUpperCase(Locale.ROOT) + description.substring(1));
        } catch (IOException e) {
            return null; // a line cut short by the kill, or not JSON: it names no step
        }
    }

    @Override
    public String toString() {
        return phase + " at start of \"" + kind + "\" #" + (occurrence + 1) + " + " + delayMs + " ms";
    }
}
