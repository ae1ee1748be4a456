package dev.peerform.emulator.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lock of one world, for every store of this JVM on it: threads queue on an in-process lock (a JVM may hold a
 * file lock only once), and the file lock that excludes other processes is held for a batch: handed from thread to
 * thread while threads of this process wait, released when none does or after {@link #BATCH} hand-overs, so that
 * other processes get their turn.
 */
final class PathLock {

    static final int BATCH = 64;

    private final Path lockFile;
    private final ReentrantLock threads = new ReentrantLock();
    private FileChannel channel;
    private FileLock held;
    private int handedOver;

    PathLock(Path lockFile) {
        this.lockFile = lockFile;
    }

    void acquire() {
        threads.lock();
        if (held != null) {
            return;
        }
        try {
            OwnerOnly.directories(lockFile.getParent());
            channel = OwnerOnly.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            held = channel.lock();
            handedOver = 0;
        } catch (IOException e) {
            closeChannel();
            threads.unlock();
            throw new UncheckedIOException("cannot lock " + lockFile, e);
        }
    }

    void release() {
        try {
            if (threads.getHoldCount() == 1 && (!threads.hasQueuedThreads() || ++handedOver >= BATCH)) {
                try {
                    held.release();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot unlock " + lockFile, e);
                } finally {
                    held = null;
                    closeChannel();
                }
            }
        } finally {
            threads.unlock();
        }
    }

    private void closeChannel() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + lockFile, e);
        } finally {
            channel = null;
        }
    }
}
