package dev.peerform.dag;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Walks a DAG: a vertex starts once all its predecessors finished, at most {@code parallelism} at a time, those that
 * share a concurrency key one at a time (the others wait, first in line when the key frees); a vertex that fails
 * skips its descendants and only those, so independent branches go on. Once {@code stopStarting} is true no new
 * vertex starts, and the walk returns when the running ones finished.
 */
public final class Walker {

    private record Finished<V, R>(V vertex, R result) {
    }

    private final Slots slots;
    private final String threadName;

    public Walker(int parallelism, String threadName) {
        this(new Slots(parallelism), threadName);
    }

    /** A walk whose vertices may give their slot back while they wait ({@link Slots#idle}). */
    public Walker(Slots slots, String threadName) {
        this.slots = slots;
        this.threadName = threadName;
    }

    /** Walks the graph; returns the vertices skipped because an ancestor failed. */
    public <V, R> Set<V> walk(Dag<V> dag, Visitor<V, R> visitor, BooleanSupplier stopStarting) {
        Map<V, Integer> waiting = new HashMap<>();
        Deque<V> ready = new ArrayDeque<>();
        for (V v : dag.ordered()) {
            int n = dag.predecessors(v).size();
            waiting.put(v, n);
            if (n == 0) {
                ready.add(v);
            }
        }
        Map<String, Deque<V>> keyQueues = new HashMap<>();
        Set<String> heldKeys = new HashSet<>();
        Map<V, String> keyOf = new HashMap<>();
        Set<V> skipped = new HashSet<>();
        LinkedBlockingQueue<Finished<V, R>> done = new LinkedBlockingQueue<>();
        // a thread per started vertex: the bound is the slots, which a waiting vertex gives back
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        int running = 0;
        slots.onFreed(() -> done.add(new Finished<>(null, null)));
        try {
            while (true) {
                while (!ready.isEmpty() && running < slots.maxStarted() && !stopStarting.getAsBoolean()
                        && slots.tryTake()) {
                    V v = ready.poll();
                    if (!visitor.prepare(v)) {
                        slots.give();
                        skipDescendants(dag, v, skipped);
                        continue;
                    }
                    String key = visitor.concurrencyKey(v);
                    if (key != null && heldKeys.contains(key)) {
                        slots.give();
                        keyQueues.computeIfAbsent(key, k -> new ArrayDeque<>()).add(v);
                        continue;
                    }
                    if (key != null) {
                        heldKeys.add(key);
                        keyOf.put(v, key);
                    }
                    running++;
                    Supplier<R> work = visitor.start(v);
                    pool.submit(() -> {
                        R r;
                        try {
                            r = work.get();
                        } finally {
                            slots.give();
                        }
                        done.add(new Finished<>(v, r));
                    });
                }
                if (running == 0) {
                    break;
                }
                Finished<V, R> f = done.poll(250, TimeUnit.MILLISECONDS);
                if (f == null) {
                    visitor.waiting();
                    continue;
                }
                if (f.vertex() == null) {
                    continue; // a slot was given back: start what is ready
                }
                running--;
                String key = keyOf.remove(f.vertex());
                if (key != null) {
                    heldKeys.remove(key);
                    Deque<V> q = keyQueues.get(key);
                    if (q != null && !q.isEmpty()) {
                        ready.addFirst(q.poll());
                    }
                }
                if (!visitor.finished(f.vertex(), f.result())) {
                    skipDescendants(dag, f.vertex(), skipped);
                    continue;
                }
                for (V next : dag.successors(f.vertex())) {
                    if (!skipped.contains(next) && waiting.merge(next, -1, Integer::sum) == 0) {
                        ready.add(next);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
        }
        return skipped;
    }

    private static <V> void skipDescendants(Dag<V> dag, V v, Set<V> skipped) {
        Deque<V> todo = new ArrayDeque<>(dag.successors(v));
        while (!todo.isEmpty()) {
            V n = todo.poll();
            if (skipped.add(n)) {
                todo.addAll(dag.successors(n));
            }
        }
    }
}
