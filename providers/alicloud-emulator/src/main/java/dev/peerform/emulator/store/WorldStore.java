package dev.peerform.emulator.store;

import dev.peerform.emulator.cloud.Model.CallRecord;
import dev.peerform.emulator.cloud.World;
import java.util.List;

/** Where the world lives between calls: memory, or a JSON file shared safely by several processes. */
public interface WorldStore extends AutoCloseable {

    /** Takes the store's lock (blocking); {@link Lock#close()} releases it. */
    Lock lock();

    /** The world as stored now, when another process has changed it since this store last saw it; else null. */
    World reloadIfChanged();

    void save(World world);

    void append(CallRecord record);

    List<CallRecord> log();

    @Override
    void close();

    interface Lock extends AutoCloseable {
        @Override
        void close();
    }
}
