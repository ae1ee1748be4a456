package dev.peerform.cli;

/**
 * A flag whose value is checked only when the command runs (an address, a duration): a user's mistake, reported
 * as such with the flag and what is wrong, never as an internal error.
 */
final class BadFlagException extends RuntimeException {

    private final String summary;

    BadFlagException(String message) {
        this("Invalid command-line flag", message);
    }

    /** With Terraform's own summary for this flag's mistake (e.g. {@code Invalid target "x"}). */
    BadFlagException(String summary, String message) {
        super(message, null, false, false);
        this.summary = summary;
    }

    String summary() {
        return summary;
    }
}
