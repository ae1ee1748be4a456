package dev.peerform.spi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a running step may use: a ClientToken stable across retries and crash recovery (the same step of the same
 * change always gets the same token), a deadline, cancellation, progress messages, and time (injected so tests run
 * on a manual clock).
 */
public interface StepContext {

    String clientToken();

    Instant deadline();

    /** True once the user asked to stop now (a second interrupt): a waiting step should give up. */
    boolean cancelled();

    /** A line for the user while the step runs, such as "waiting for Active (status Connecting)". */
    void progress(String message);

    Clock clock();

    /** Waits, returning early when cancelled. */
    void sleep(Duration d) throws InterruptedException;

    /** Something a step waits for that another thread brings about (a call another step makes for it). */
    interface Idle {
        void run() throws InterruptedException;
    }

    /**
     * Runs {@code wait}, which only waits: the step gives its {@code -parallelism} slot to one that works meanwhile
     * and takes one again before it goes on.
     */
    default void idle(Idle wait) throws InterruptedException {
        wait.run();
    }

    /**
     * The steps of this apply that wait, directly or not, for this one, with their values as now known. None of them
     * starts before this step ends: a step that would wait for what one of them does would wait forever, and must
     * say so instead (a cycle between waits).
     */
    default List<StepView> waitingForThis() {
        return List.of();
    }
}
