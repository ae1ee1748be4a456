package dev.peerform.workspace;

import com.fasterxml.jackson.databind.JsonNode;

/** An output value as the state keeps it: its JSON and type, or only the mark when it is sensitive. */
public record StoredOutput(JsonNode value, JsonNode type, boolean sensitive) {
}
