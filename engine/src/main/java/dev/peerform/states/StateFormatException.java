package dev.peerform.states;

/** A state file that cannot be read as one; the message says which file and why. */
public final class StateFormatException extends RuntimeException {

    public StateFormatException(String message) {
        super(message);
    }
}
