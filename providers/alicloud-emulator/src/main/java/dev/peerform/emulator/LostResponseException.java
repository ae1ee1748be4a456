package dev.peerform.emulator;

/**
 * The call reached the cloud and took effect, but its response was lost on the way back: to the caller it looks
 * like a timeout. Thrown by the in-process emulator; the HTTP server closes the connection instead.
 */
public final class LostResponseException extends RuntimeException {

    public LostResponseException(String action) {
        super("the response to " + action + " was lost (injected fault); the call itself took effect");
    }
}
