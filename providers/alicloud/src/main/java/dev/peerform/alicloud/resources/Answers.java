package dev.peerform.alicloud.resources;

import com.fasterxml.jackson.databind.JsonNode;

/** Fields of the API's JSON answers. */
final class Answers {

    private Answers() {
    }

    /** The field as text; null when it is absent, null or empty (the API leaves unset fields empty). */
    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }
}
