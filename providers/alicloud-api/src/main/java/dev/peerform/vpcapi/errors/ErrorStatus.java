package dev.peerform.vpcapi.errors;

import java.util.Map;

/**
 * The HTTP status an error code comes with (domain.md, "Errors"): {@code *.NotFound} codes use 404, the service's
 * own unavailability 503, a method the API does not serve 405, a body too large to read 413, and every other
 * refusal 400 (also {@code Forbidden.OnlyOneConnection}, as the official SDK receives it). An SDK turns
 * a status below 500 into its client error and 500 and above into its server error, so the status is part of the
 * answer a client acts on.
 */
public final class ErrorStatus {

    /** A request that is neither GET nor POST. */
    public static final String UNSUPPORTED_METHOD = "UnsupportedHTTPMethod";
    /** A body over the server's bound, refused before it is read. */
    public static final String BODY_TOO_LARGE = "InvalidParameter.BodyTooLarge";
    /** Not HTTP: a request line, a header or a chunk the server cannot read. */
    public static final String MALFORMED_REQUEST = "InvalidRequest.Malformed";
    /** A query string or form body with a bad percent escape or bytes that are not UTF-8. */
    public static final String MALFORMED_ENCODING = "InvalidParameter.Encoding";

    private static final Map<String, Integer> EXCEPTIONS = Map.of(
            ErrorCodes.SERVICE_UNAVAILABLE, 503,
            "InternalError", 500,
            UNSUPPORTED_METHOD, 405,
            BODY_TOO_LARGE, 413);

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
