package dev.peerform.emulator.store;

import dev.peerform.emulator.cloud.Model.CallRecord;
import dev.peerform.emulator.cloud.World;
import java.util.List;

/**
 * Where the world lives between calls: memory, or a JSON file plus a log of the changes since it was written,
 * shared safely by several processes.
 */
public interface WorldStore extends AutoCloseable {

    /** Takes the store's lock (blocking); {@link Lock#close()} releases it. */
    Lock lock();

    /**
     * What changed since this store last looked (another process's changes, or all of them on the first look);
     * null when nothing did. Called under the lock.
     */
    Update update();

    /** Writes the whole world: it then holds every change logged so far. Called under the lock. */
    void save(World world);

    /** Logs one change already made to {@code after}, durably; may write the whole world instead. */
    void logged(Change change, World after);

    void append(CallRecord record);

    List<CallRecord> log();

    @Override
    void close();

    interface Lock extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * @param base a world to start again from, or null to keep the one in memory
     * @param changes the changes to run on it in order (those at or below its {@code changes} number are in it)
     */
    record Update(World base, List<Change> changes) {
    }
}
