package dev.peerform.states;

/** The state is locked by another run; the message names the holder and how to release a stale lock. */
public final class StateLockedException extends Exception {

    private final LockInfo holder;

    public StateLockedException(LockInfo holder) {
        super(holder.unreadable() ? unreadableMessage(holder) : "Error acquiring the state lock: the state is locked "
                + "by another operation.\n\nLock Info:\n" + holder.describe() + "\n\npeerform acquires a state lock "
                + "to protect the state from being written by multiple users at the same time. Wait for that "
                + "operation to finish; if it was interrupted and left the lock behind, release it with "
                + "`peerform force-unlock " + holder.id() + "`.");
        this.holder = holder;
    }

    /**
     * A refusal worded by the backend (a database backend names the holding session even when the holder left no
     * lock info); {@code holder} is null when the holder is not a peerform run.
     */
    public StateLockedException(LockInfo holder, String message) {
        super(message);
        this.holder = holder;
    }

    private static String unreadableMessage(LockInfo holder) {
        return "Error acquiring the state lock: the lock file cannot be read.\n\nLock Info:\n" + holder.describe()
                + "\n\nThe lock file exists, so peerform will not take the lock, but it does not say who holds it "
                + "(a crash while it was written, or a hand edit). If no other peerform runs on this state, "
                + "release it with `peerform force-unlock " + holder.id() + "`.";
    }

    public LockInfo holder() {
        return holder;
    }
}
