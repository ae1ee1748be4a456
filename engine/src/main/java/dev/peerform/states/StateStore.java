package dev.peerform.states;

import java.io.IOException;
import java.time.Duration;

/**
 * One workspace's state in a backend: reading and writing it, the lock that makes one run at a time its owner,
 * and the journal of steps that lets a run interrupted half-way be recovered without duplicating anything.
 */
public interface StateStore {

    /** Where the state is, for messages and the lock's "Path". */
    String location();

    /**
     * This store with its state written and read under {@code encryption} (null: in clear). Only the state is
     * encrypted: the journal lives only while a run does and is folded into the state when it ends.
     */
    StateStore encryptedWith(EncryptionTarget encryption);

    /** The state, or an empty one when there is none yet. */
    State read() throws IOException;

    /** Writes the state; the previous one is kept as a backup once per run. */
    void write(State state) throws IOException;

    /**
     * Takes the lock, retrying until {@code timeout}; a lock whose holder is known to be gone is taken over, any
     * other holder makes this fail naming it.
     */
    Lock lock(String operation, Duration timeout) throws StateLockedException, IOException;

    /** Removes the lock with this ID, whoever holds it; false when no lock has that ID. */
    boolean forceUnlock(String id) throws IOException;

    /** Who holds the lock; null when nobody does. */
    LockInfo lockHolder() throws IOException;

    /** Opens the journal of this run's steps. */
    StepJournal openJournal();

    /**
     * Folds the journal of an interrupted run into the state and writes it ({@link Recovery}): how many records
     * were replayed (0 when there was none), and a note when a torn last record was dropped. A journal that cannot
     * be trusted is refused ({@link JournalDamagedException}) and kept.
     */
    Recovered recover(State state) throws IOException;

    /** Whether an interrupted run left a journal to fold into the state (a state in the making). */
    default boolean hasJournal() throws IOException {
        return false;
    }

    /** Called after a run's final state write: the journal's content is in the state now. */
    void discardJournal() throws IOException;

    /** A held lock; closing releases it. */
    interface Lock extends AutoCloseable {
        LockInfo info();

        @Override
        void close();
    }
}
