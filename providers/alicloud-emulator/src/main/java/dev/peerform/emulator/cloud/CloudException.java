package dev.peerform.emulator.cloud;

/**
 * The cloud refused a call: the API's error code (such as {@code IncorrectStatus.RouterInterface}), the HTTP status it
 * comes with ({@code *.NotFound} codes use 404), and a message.
 */
public final class CloudException extends RuntimeException {

    private final String code;
    private final int httpStatus;

    public CloudException(int httpStatus, String code, String message) {
        super(message, null, false, false);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public static CloudException badRequest(String code, String message) {
        return new CloudException(400, code, message);
    }

    public static CloudException notFound(String code, String message) {
        return new CloudException(404, code, message);
    }

    public static CloudException forbidden(String code, String message) {
        return new CloudException(403, code, message);
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
