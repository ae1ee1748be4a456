package dev.peerform.vpcapi.errors;

/** What a client does when the cloud answers a call with an error code. */
public enum ClientAction {
    /** Transient: call again after a backoff (a create with the same ClientToken). */
    RETRY,
    /** The object is not there: a delete has what it wanted, a refresh drops the object. */
    GONE,
    /** A refusal: report it, with the code, and stop. */
    FINAL
}
