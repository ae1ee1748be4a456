package dev.peerform.vpcapi.errors;

import java.util.Map;

/**
 * The HTTP status an error code comes with (domain.md, "Errors"): {@code *.NotFound} codes use 404, the service's
 * own unavailability 503, a refusal of the caller's right to do it 403, and every other refusal 400. An SDK turns
 * a status below 500 into its client error and 500 and above into its server error, so the status is part of the
 * answer a client acts on.
 */
public final class ErrorStatus {

    private static final Map<String, Integer> EXCEPTIONS = Map.of(
            "ServiceUnavailable", 503,
            "InternalError", 500,
            "Forbidden.OnlyOneConnection", 403);

    private ErrorStatus() {
    }

    public static int of(String code) {
        Integer s = EXCEPTIONS.get(code);
        if (s != null) {
            return s;
        }
        return code.endsWith(".NotFound") ? 404 : 400;
    }
}
