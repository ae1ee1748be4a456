package dev.peerform.emulator.cloud;

import dev.peerform.vpcapi.errors.ErrorStatus;

/**
 * The cloud refused a call: the API's error code (such as {@code IncorrectStatus.RouterInterface}) and a message.
 * The HTTP status comes from the shared table ({@link ErrorStatus}), never from the place that refuses, so that
 * the emulator and peerform's provider agree on it.
 */
public final class CloudException extends RuntimeException {

    private final String code;
    private final int httpStatus;

    public CloudException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
        this.httpStatus = ErrorStatus.of(code);
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
