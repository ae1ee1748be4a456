package dev.peerform.states;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One step of a run as the journal keeps it. {@code attributes} is the instance after the step; null with
 * {@code gone} (the step deleted it) and in an intent. {@code completed}, in a result, lists the steps of a create
 * finished so far when more remain (empty once the create is done), so that recovery resumes it after them.
 */
public record StepRecord(Kind kind, String address, String provider, String step, boolean creates, String token,
        ObjectNode attributes, JsonNode sensitive, List<String> dependencies, boolean gone, List<String> completed) {

    public StepRecord {
        completed = completed == null ? List.of() : List.copyOf(completed);
    }

    /** Whether the step is about to be called, has returned, or has failed (the instance is as given). */
    public enum Kind {
        @JsonProperty("intent") INTENT,
        @JsonProperty("result") RESULT,
        @JsonProperty("failed") FAILED
    }

    public static StepRecord intent(String address, String provider, String step, boolean creates, String token) {
        return new StepRecord(Kind.INTENT, address, provider, step, creates, token, null, null, List.of(), false,
                List.of());
    }

    public static StepRecord result(String address, String provider, String step, ObjectNode attributes,
            JsonNode sensitive, List<String> dependencies, boolean gone) {
        return result(address, provider, step, attributes, sensitive, dependencies, gone, List.of());
    }

    public static StepRecord result(String address, String provider, String step, ObjectNode attributes,
            JsonNode sensitive, List<String> dependencies, boolean gone, List<String> completed) {
        return new StepRecord(Kind.RESULT, address, provider, step, false, null, attributes, sensitive, dependencies,
                gone, completed);
    }

    public static StepRecord failed(String address, String provider, String step, ObjectNode attributes,
            JsonNode sensitive, List<String> dependencies) {
        return new StepRecord(Kind.FAILED, address, provider, step, false, null, attributes, sensitive, dependencies,
                false, List.of());
    }
}
