package dev.peerform.alicloud.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peerform.alicloud.transport.Reads;
import dev.peerform.emulator.ManualClock;
import dev.peerform.spi.StepContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The shared poller's rules: one round asks for every id waiting, 50 a call, paced by the transition times seen. */
class PollerTest {

    /** A batch read that records the keys of each call and answers "Ready" once {@code ready} says so. */
    private static final class Recording implements Poller.Batch<String, String> {
        final List<List<String>> calls = new ArrayList<>();
        final Predicate<Integer> ready;
        final long callMillis;

        Recording(long callMillis, Predicate<Integer> ready) {
            this.callMillis = callMillis;
            this.ready = ready;
        }

        @Override
        public Map<String, String> read(List<String> keys) {
            int n;
            synchronized (this) {
                calls.add(List.copyOf(keys));
                n = calls.size();
            }
            try {
                Thread.sleep(callMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Map<String, String> out = new HashMap<>();
            keys.forEach(k -> out.put(k, ready.test(n) ? "Ready" : "Pending"));
            return out;
        }

        synchronized List<List<String>> calls() {
            return List.copyOf(calls);
        }
    }

    /** A step's context on {@code clock}; sleeping advances a manual clock instead of waiting. */
    private static StepContext context(Clock clock, AtomicInteger idles) {
        return new StepContext() {
            @Override
            public String clientToken() {
                return "t";
            }

            @Override
            public Instant deadline() {
                return clock.instant().plusSeconds(600);
            }

            @Override
            public boolean cancelled() {
                return false;
            }

            @Override
            public void progress(String message) {
            }

            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public void sleep(Duration d) throws InterruptedException {
                if (clock instanceof ManualClock m) {
                    m.advance(d);
                } else {
                    Thread.sleep(Math.min(d.toMillis(), 10));
                }
            }

            @Override
            public void idle(Idle wait) throws InterruptedException {
                idles.incrementAndGet();
                wait.run();
            }
        };
    }

    /** Waits for every id to be Ready, each on a thread of its own, as that many steps would. */
    private static void awaitEvery(Poller<String, String> poller, StepContext ctx, List<String> ids, int seconds)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(ids.size());
        try {
            List<Future<?>> waits = new ArrayList<>();
            for (String id : ids) {
                waits.add(pool.submit(() -> {
                    poller.until(ctx, id, id, "Ready", s -> s);
                    return null;
                }));
            }
            for (Future<?> f : waits) {
                f.get(seconds, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** ri-0 ... ri-(n-1). */
    private static List<String> ids(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("ri-" + i);
        }
        return ids;
    }

    @Test
    void oneRoundAsksForEveryWaitingId() throws Exception {
        Recording batch = new Recording(30, n -> n >= 5);
        Poller<String, String> poller = new Poller<>("Describe", 50, new Reads(), batch);
        StepContext ctx = context(Clock.systemUTC(), new AtomicInteger());
        awaitEvery(poller, ctx, List.of("a", "b", "c"), 20);
        List<List<String>> calls = batch.calls();
        // one call per look of one step would be at least 3 x 5
        assertTrue(calls.size() <= 7, "calls: " + calls);
        assertTrue(calls.get(4).containsAll(List.of("a", "b", "c")), "the round that saw Ready asked for all: "
                + calls);
    }

    @Test
    void manyWaitingIdsAreAskedFiftyACall() throws Exception {
        Recording batch = new Recording(30, n -> n >= 7);
        Poller<String, String> poller = new Poller<>("Describe", 50, new Reads(), batch);
        StepContext ctx = context(Clock.systemUTC(), new AtomicInteger());
        awaitEvery(poller, ctx, ids(120), 30);
        List<List<String>> calls = batch.calls();
        assertTrue(calls.stream().allMatch(c -> c.size() <= 50), "no call carries more than 50 ids");
        // 120 steps waiting through several rounds: a few calls per round, never one per step and look
        assertTrue(calls.size() < 40, "calls: " + calls.size());
    }

    @Test
    void theFirstLookComesAtTheTransitionTimeTheLastWaitsTook() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        Instant[] readyAt = {clock.instant().plusMillis(1500)};
        Poller<String, String> poller = new Poller<>("Describe", 50, new Reads(), keys -> {
            Map<String, String> out = new HashMap<>();
            keys.forEach(k -> out.put(k, clock.instant().isBefore(readyAt[0]) ? "Pending" : "Ready"));
            return out;
        });
        StepContext ctx = context(clock, new AtomicInteger());
        poller.until(ctx, "first", "a", "Ready", s -> s);
        long first = poller.calls();
        readyAt[0] = clock.instant().plusMillis(1500);
        poller.until(ctx, "second", "b", "Ready", s -> s);
        long second = poller.calls() - first;
        assertTrue(first >= 4, "the first wait backs off from 200 ms: " + first + " looks");
        assertTrue(second <= 2, "the second looks first near 1.5 s: " + second + " looks");
    }

    @Test
    void aWaitBegunLongAfterTheObjectsLastAnswerLooksAtOnceInsteadOfSleepingTheTransitionTime() throws Exception {
        // an acceptor's wait for Active starts once its initiator has connected and waited a whole transition:
        // the learnt time counts from the last answer for the acceptor, long gone, so its first look comes at once
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        Instant[] readyAt = {clock.instant().plusMillis(1500)};
        Poller<String, String> poller = new Poller<>("Describe", 50, new Reads(), keys -> {
            Map<String, String> out = new HashMap<>();
            keys.forEach(k -> out.put(k, clock.instant().isBefore(readyAt[0]) ? "Pending" : "Ready"));
            return out;
        });
        StepContext ctx = context(clock, new AtomicInteger());
        assertEquals("Pending", poller.now(ctx, "acceptor"));
        poller.until(ctx, "the initiator", "initiator", "Ready", s -> s);
        Instant initiatorReady = clock.instant();
        poller.until(ctx, "the acceptor", "acceptor", "Ready", s -> s);
        assertEquals(initiatorReady, clock.instant(), "the acceptor's wait slept no transition time again");

        // a wait right after this step's own change (its last answer just before) still sleeps the learnt time
        readyAt[0] = clock.instant().plusMillis(1500);
        assertEquals("Pending", poller.now(ctx, "other"));
        long before = poller.calls();
        poller.until(ctx, "the other", "other", "Ready", s -> s);
        assertTrue(poller.calls() - before <= 2, "the first look came near the learnt 1.5 s: "
                + (poller.calls() - before) + " looks");
    }

    @Test
    void waitsBegunBeforeAnyPaceIsLearntLetOneScoutFindItOut() throws Exception {
        // six route tables, one new route each, all waiting for Available before any wait has taught the pace:
        // one wait looks at its own pace, the others pause until it has learnt the time and then look once
        long begun = System.nanoTime();
        Poller.Paces paces = Poller.Paces.scouting();
        List<Recording> tables = new ArrayList<>();
        List<Poller<String, String>> pollers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Recording batch = new Recording(20, n -> System.nanoTime() - begun > TimeUnit.MILLISECONDS.toNanos(300));
            tables.add(batch);
            pollers.add(new Poller<>("DescribeRouteEntryList", Integer.MAX_VALUE, new Reads(), batch, paces));
        }
        StepContext ctx = context(Clock.systemUTC(), new AtomicInteger());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> waits = new ArrayList<>();
            for (Poller<String, String> p : pollers) {
                waits.add(pool.submit(() -> {
                    p.until(ctx, "the route", "10.0.0.0/16", "Ready", st -> st);
                    return null;
                }));
            }
            for (Future<?> f : waits) {
                f.get(20, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Integer> looks = tables.stream().map(t -> t.calls().size()).toList();
        assertEquals(5, looks.stream().filter(n -> n == 1).count(), "five tables looked once: " + looks);
        assertTrue(looks.stream().mapToInt(Integer::intValue).sum() <= 10, "looks per table: " + looks);
    }

    @Test
    void aScoutThatFoundItsObjectThereAtOnceLetsTheNextWaitsLookAtOnce() throws Exception {
        // nothing learnt, the first wait finds its object there at once (no lesson): the next waits are not left
        // pausing for a lesson that never comes, and look at once as before any scouting
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        Poller.Paces paces = Poller.Paces.scouting();
        Poller<String, String> there = new Poller<>("Describe", 50, new Reads(), keys -> Map.of(keys.get(0), "Ready"),
                paces);
        Instant readyAt = clock.instant().plusMillis(1000);
        Poller<String, String> later = new Poller<>("Describe", 50, new Reads(), keys -> Map.of(keys.get(0),
                clock.instant().isBefore(readyAt) ? "Pending" : "Ready"), paces);
        StepContext ctx = context(clock, new AtomicInteger());
        there.until(ctx, "the first", "a", "Ready", st -> st);
        later.until(ctx, "the second", "b", "Ready", st -> st);
        assertEquals(1, there.calls());
        assertTrue(later.calls() >= 2, "the second wait scouted for itself: " + later.calls() + " looks");
    }

    @Test
    void instantTransitionsCostNoMoreLooksThanWithoutAScout() throws Exception {
        // twenty interfaces, all there at once (the emulator's zero transition time): the first wait's look finds
        // its object there, so the others neither pause nor look one after another; they share the rounds
        Recording batch = new Recording(20, n -> true);
        Poller<String, String> poller = new Poller<>("Describe", 50, new Reads(), batch);
        StepContext ctx = context(Clock.systemUTC(), new AtomicInteger());
        awaitEvery(poller, ctx, ids(20), 20);
        assertTrue(batch.calls().size() <= 4, "calls: " + batch.calls());
    }

    @Test
    void aScoutStuckOnAnObjectThatDoesNotMoveKeepsNoOtherWaitBlindForLong() throws Exception {
        // the scout's route never becomes Available; the other route is there: its wait looks on its own after
        // the longest backoff instead of pausing for the scout's whole deadline
        Poller.Paces paces = Poller.Paces.scouting();
        Poller<String, String> stuck = new Poller<>("Describe", 50, new Reads(), keys -> Map.of(keys.get(0), "Pending"),
                paces);
        Poller<String, String> there = new Poller<>("Describe", 50, new Reads(), keys -> Map.of(keys.get(0), "Ready"),
                paces);
        StepContext ctx = context(Clock.systemUTC(), new AtomicInteger());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> scout = pool.submit(() -> {
                stuck.until(ctx, "the stuck route", "a", "Ready", st -> st);
                return null;
            });
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (stuck.calls() == 0 && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            long begun = System.nanoTime();
            pool.submit(() -> {
                there.until(ctx, "the other route", "b", "Ready", st -> st);
                return null;
            }).get(20, TimeUnit.SECONDS);
            assertTrue(System.nanoTime() - begun < TimeUnit.SECONDS.toNanos(8), "looked on its own within the "
                    + "longest backoff");
            assertEquals(1, there.calls());
            scout.cancel(true);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStepWaitingForAnotherStepsCallGivesItsSlotAway() throws Exception {
        CountDownLatch inCall = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Poller<String, String> poller = new Poller<>("Describe", 50, new Reads(), keys -> {
            inCall.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Map<String, String> out = new HashMap<>();
            keys.forEach(k -> out.put(k, "Ready"));
            return out;
        });
        AtomicInteger idles = new AtomicInteger();
        StepContext ctx = context(Clock.systemUTC(), idles);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> leader = pool.submit(() -> poller.now(ctx, "a"));
            inCall.await(10, TimeUnit.SECONDS);
            Future<String> follower = pool.submit(() -> poller.now(ctx, "b"));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (idles.get() == 0 && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            release.countDown();
            assertEquals("Ready", leader.get(10, TimeUnit.SECONDS));
            assertEquals("Ready", follower.get(10, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertTrue(idles.get() >= 1, "the step waiting for the call in flight waited idle");
        assertEquals(2, poller.calls(), "b asked after a's call began: the next round carries it");
    }
}
