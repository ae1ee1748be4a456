package dev.peerform.dag;

import java.util.function.Supplier;

/**
 * What the walker does at each vertex. Every method but the work itself runs on the walker's thread, so a visitor
 * needs no locking for what it keeps between them.
 */
public interface Visitor<V, R> {

    /**
     * Called when the vertex is about to start, and again if it had to wait for its concurrency key; false fails
     * it without running, and its descendants are skipped.
     */
    boolean prepare(V v);

    /** Vertices with the same key never run at the same time; null for none. */
    String concurrencyKey(V v);

    /** Starts the vertex: the returned work runs on a pool thread, and must report failures in its result. */
    Supplier<R> start(V v);

    /** The vertex's work returned; true lets its successors run, false skips its descendants. */
    boolean finished(V v, R result);

    /** Called about four times a second while vertices run and none finishes (for "still running" reports). */
    default void waiting() {
    }
}
