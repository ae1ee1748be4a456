package dev.peerform.alicloud.reach;

/** FROM or TO names nothing reach can place; the message is for the user. */
public final class ReachInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReachInputException(String message) {
        super(message);
    }
}
