package dev.peerform.lang;

/** A function refused its arguments; {@code argument} is the index of the one at fault, or -1. */
public final class FunctionException extends Exception {

    private final int argument;

    public FunctionException(int argument, String message) {
        super(message, null, false, false);
        this.argument = argument;
    }

    public FunctionException(String message) {
        this(-1, message);
    }

    public int argument() {
        return argument;
    }
}
