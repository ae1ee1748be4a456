package dev.peerform.vpcapi.wire;

import com.fasterxml.jackson.databind.JsonNode;

/** What the cloud answers: an HTTP status and a JSON body (a result, or {@code RequestId, HostId, Code, Message}). */
public record ApiResponse(int status, JsonNode body) {

    public boolean ok() {
        return status < 300;
    }

    /** The error code of a failed call, or null. */
    public String code() {
        return ok() || body.get("Code") == null ? null : body.get("Code").asText();
    }
}
