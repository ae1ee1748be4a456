package dev.peerform.cli;

/**
 * A flag whose value is checked only when the command runs (an address, a duration): a user's mistake, reported
 * as such with the flag and what is wrong, never as an internal error.
 */
final class BadFlagException extends RuntimeException {

    BadFlagException(String message) {
        super(message, null, false, false);
    }
}
