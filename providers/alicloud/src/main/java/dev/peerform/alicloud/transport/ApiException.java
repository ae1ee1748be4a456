package dev.peerform.alicloud.transport;

import dev.peerform.vpcapi.errors.ClientAction;

/**
 * The cloud refused a call (or never answered it): the action, the code, the message, and what the shared error
 * table says a client does with it.
 */
public final class ApiException extends Exception {

    private final String action;
    private final String code;
    private final int status;
    private final ClientAction clientAction;

    public ApiException(String action, String code, int status, String message, ClientAction clientAction) {
        super(message, null, false, false);
        this.action = action;
        this.code = code;
        this.status = status;
        this.clientAction = clientAction;
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

    /** Worth calling again: the table's RETRY (throttling, busy, conflicts, 5xx, a lost answer). */
    public boolean isTransient() {
        return clientAction == ClientAction.RETRY;
    }

    /** The object is not there: what a delete wanted, what a refresh drops. */
    public boolean isNotFound() {
        return clientAction == ClientAction.GONE;
    }
}
