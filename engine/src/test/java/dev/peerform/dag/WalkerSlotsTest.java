package dev.peerform.dag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WalkerSlotsTest {

    /** Independent vertices: no edges. */
    private static Dag<Integer> independent(int n) {
        List<Integer> all = IntStream.range(0, n).boxed().toList();
        return new Dag<>() {
            @Override
            public List<Integer> ordered() {
                return all;
            }

            @Override
            public List<Integer> predecessors(Integer v) {
                return List.of();
            }

            @Override
            public List<Integer> successors(Integer v) {
                return List.of();
            }
        };
    }

    private static Visitor<Integer, Integer> visitor(java.util.function.IntFunction<Supplier<Integer>> work) {
        return new Visitor<>() {
            @Override
            public boolean prepare(Integer v) {
                return true;
            }

            @Override
            public String concurrencyKey(Integer v) {
                return null;
            }

            @Override
            public Supplier<Integer> start(Integer v) {
                return work.apply(v);
            }

            @Override
            public boolean finished(Integer v, Integer result) {
                return true;
            }
        };
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void verticesThatWorkNeverExceedTheParallelism() {
        AtomicInteger working = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        new Walker(new Slots(2), "t").walk(independent(8), visitor(v -> () -> {
            most.accumulateAndGet(working.incrementAndGet(), Math::max);
            pause(30);
            working.decrementAndGet();
            return v;
        }), () -> false);
        assertEquals(2, most.get());
    }

    @Test
    void aVertexThatWaitsGivesItsSlotToOneThatWorks() {
        Slots slots = new Slots(1);
        Map<Integer, Long> finishedAt = new ConcurrentHashMap<>();
        AtomicInteger working = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        new Walker(slots, "t").walk(independent(3), visitor(v -> () -> {
            most.accumulateAndGet(working.incrementAndGet(), Math::max);
            working.decrementAndGet();
            if (v == 0) {
                try {
                    slots.idle(() -> Thread.sleep(400)); // waiting for the cloud: no slot held
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                pause(20);
            }
            finishedAt.put(v, System.nanoTime());
            return v;
        }), () -> false);
        assertEquals(3, finishedAt.size());
        assertTrue(finishedAt.get(1) < finishedAt.get(0) && finishedAt.get(2) < finishedAt.get(0),
                "with parallelism 1 the others ran while vertex 0 waited");
        assertEquals(1, most.get(), "never two working at once");
    }
}
