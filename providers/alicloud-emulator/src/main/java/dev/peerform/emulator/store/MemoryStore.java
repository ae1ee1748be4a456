package dev.peerform.emulator.store;

import dev.peerform.emulator.cloud.Model.CallRecord;
import dev.peerform.emulator.cloud.World;
import java.util.ArrayList;
import java.util.List;

/** A world that lives only as long as the emulator: for tests and for benchmarks. */
public final class MemoryStore implements WorldStore {

    private final List<CallRecord> log = new ArrayList<>();

    @Override
    public Lock lock() {
        return () -> { };
    }

    @Override
    public Update update() {
        return null;
    }

    @Override
    public void save(World world) {
    }

    @Override
    public void logged(Change change, World after) {
    }

    @Override
    public synchronized void append(CallRecord record) {
        log.add(record);
    }

    @Override
    public synchronized List<CallRecord> log() {
        return List.copyOf(log);
    }

    @Override
    public void close() {
    }
}
