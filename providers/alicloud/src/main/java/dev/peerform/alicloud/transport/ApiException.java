package dev.peerform.alicloud.transport;

/** The cloud refused a call (or never answered it): the action, the code and the message. */
public final class ApiException extends Exception {

    private final String action;
    private final String code;
    private final int status;
    private final boolean transientError;

    public ApiException(String action, String code, int status, String message, boolean transientError) {
        super(message, null, false, false);
        this.action = action;
        this.code = code;
        this.status = status;
        this.transientError = transientError;
    }

    public String action() {
        return action;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public boolean isTransient() {
        return transientError;
    }

    public boolean isNotFound() {
        return status == 404 || code.endsWith(".NotFound");
    }
}
