package dev.peerform.apply;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The user's interrupts: the first asks the apply to start no new step and finish the running ones; the second to
 * stop now (running steps see cancellation and give up). Everything done is persisted either way.
 */
public final class Interrupt {

    private final AtomicInteger count = new AtomicInteger();

    public void interrupt() {
        count.incrementAndGet();
    }

    public boolean stopStarting() {
        return count.get() >= 1;
    }

    public boolean stopNow() {
        return count.get() >= 2;
    }
}
