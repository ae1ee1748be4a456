package dev.peerform.dag;

import java.util.concurrent.Semaphore;

/**
 * The parallelism bound of a walk, counted over vertices that are working: a vertex that only waits (for the cloud
 * to finish a transition, or before a retry) gives its slot back while it waits, so that another can start, and
 * takes one again before it goes on (ahead of vertices not yet started).
 */
public final class Slots {

    private final Semaphore free;
    private final int started;
    private volatile Runnable freed = () -> { };

    public Slots(int parallelism) {
        this.free = new Semaphore(Math.max(1, parallelism), true);
        // waiting vertices each keep a thread: bounded, at a number that a poller serves in a few calls
        this.started = Math.max(50, 25 * Math.max(1, parallelism));
    }

    /** How many vertices may have started and not finished, working or waiting. */
    int maxStarted() {
        return started;
    }

    boolean tryTake() {
        return !free.hasQueuedThreads() && free.tryAcquire();
    }

    void give() {
        free.release();
        freed.run();
    }

    void onFreed(Runnable r) {
        this.freed = r;
    }

    /** Something a vertex waits for. */
    public interface Wait {
        void run() throws InterruptedException;
    }

    /** Runs {@code wait} without holding a slot, and takes one again before returning. */
    public void idle(Wait wait) throws InterruptedException {
        give();
        try {
            wait.run();
        } finally {
            free.acquireUninterruptibly();
        }
    }
}
