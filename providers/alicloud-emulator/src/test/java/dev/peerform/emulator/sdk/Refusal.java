package dev.peerform.emulator.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

/**
 * A call the cloud refused, as the official SDK reports it: the error code ({@code getErrCode()}), the HTTP status of
 * the answer, and which exception the SDK threw ({@code ServerException} for 5xx, {@code ClientException} below).
 */
record Refusal(String action, String code, int httpStatus, boolean serverException, String message) {

    /** Asserts the API's code and HTTP status, and that the SDK classed the error as the status implies. */
    Refusal is(String expectedCode, int expectedStatus) {
        String seen = action + " answered " + code + " (HTTP " + httpStatus + "): " + message;
        assertEquals(expectedCode, code, seen);
        assertEquals(expectedStatus, httpStatus, seen);
        assertEquals(expectedStatus >= 500, serverException, "the SDK's exception class: " + seen);
        return this;
    }

    /** Asserts a client error (4xx, {@code ClientException}) whatever its code: for refusals our sources give no code. */
    Refusal isClientError() {
        String seen = action + " answered " + code + " (HTTP " + httpStatus + "): " + message;
        assertTrue(httpStatus >= 400 && httpStatus < 500, seen);
        assertEquals(false, serverException, "the SDK's exception class: " + seen);
        return this;
    }

    /** Asserts one of several codes the official provider treats alike, and a client error. */
    Refusal isOneOf(Set<String> codes) {
        String seen = action + " answered " + code + " (HTTP " + httpStatus + "): " + message;
        assertTrue(codes.contains(code), "expected one of " + codes + "; " + seen);
        assertTrue(httpStatus >= 400 && httpStatus < 500, seen);
        assertEquals(false, serverException, "the SDK's exception class: " + seen);
        return this;
    }
}
