package dev.peerform.alicloud.transport;

/** The call got no answer: it may or may not have taken effect. */
public final class CallLostException extends Exception {

    public CallLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
