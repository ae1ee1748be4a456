package dev.peerform.spi;

/**
 * A step failed. A transient failure (throttling, a busy table, a 5xx) may be retried by the engine with backoff;
 * any other is final for this run. {@code code} is the cloud's error code when there is one; {@code hint} says what
 * the user can do.
 */
public final class StepException extends Exception {

    private final boolean transientFailure;
    private final String code;
    private final String hint;

    public StepException(String message, String code, String hint, boolean transientFailure) {
        super(message, null, false, false);
        this.code = code;
        this.hint = hint;
        this.transientFailure = transientFailure;
    }

    public static StepException permanent(String message, String code, String hint) {
        return new StepException(message, code, hint, false);
    }

    public static StepException retryable(String message, String code) {
        return new StepException(message, code, "", true);
    }

    public boolean isTransient() {
        return transientFailure;
    }

    public String code() {
        return code;
    }

    public String hint() {
        return hint;
    }
}
