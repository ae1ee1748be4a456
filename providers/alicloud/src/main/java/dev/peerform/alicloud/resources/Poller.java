package dev.peerform.alicloud.resources;

import dev.peerform.alicloud.transport.ApiException;
import dev.peerform.alicloud.transport.Reads;
import dev.peerform.spi.StepContext;
import dev.peerform.spi.StepException;
import dev.peerform.vpcapi.errors.ClientAction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The reads that the steps of one account and region make of one kind of object (router interfaces; one route
 * table's entries), combined into rounds. A round is one call per {@code perCall} keys: it carries every key asked
 * since the last round began, and fills the rest of its last call with the keys other steps are waiting on, so that
 * K waiting steps cost about ceil(K/perCall) calls a round instead of K. A step that waits for a status
 * ({@link #until}) first looks at what a round begun after its last look answered, and calls only when none has.
 * Its first look comes at about the time the last waits for the same status took (the cloud's transition time, as
 * observed, and counted from the last answer for the object: the transition began after it), then every 200 ms
 * growing by half to 5 s. Waiting for another step's call, as for the next look, gives the step's
 * {@code -parallelism} slot away.
 */
final class Poller<K, V> {

    /** One call's keys: the objects found by key (a key missing: the object is gone). */
    interface Batch<K, V> {
        Map<K, V> read(List<K> keys) throws ApiException;
    }

    /**
     * What round {@code round}, begun at {@code at}, answered for one key: the object (null: gone), or the refusal
     * of its call.
     */
    record Answer<V>(long round, Instant at, V found, ApiException refused) {
    }

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(5);
    /** How often a sleeping step looks whether another step's round has answered for its object (no call). */
    private static final Duration ANSWER_CHECK = Duration.ofMillis(50);
    private static final int REMEMBERED_WAITS = 8;

    private final String action;
    private final int perCall;
    private final Reads reads;
    private final Batch<K, V> batch;
    private final Deque<K> asked = new ArrayDeque<>();
    private final Map<K, Integer> waiting = new LinkedHashMap<>();
    private final Map<K, Answer<V>> latest = new HashMap<>();
    private final Paces paces;
    private long begun;
    private long calls;
    private boolean calling;

    Poller(String action, int perCall, Reads reads, Batch<K, V> batch) {
        this(action, perCall, reads, batch, new Paces());
    }

    /** A poller that learns the transition times with others sharing {@code paces} (the tables of one account). */
    Poller(String action, int perCall, Reads reads, Batch<K, V> batch, Paces paces) {
        this.paces = paces;
        this.action = action;
        this.perCall = Math.max(1, perCall);
        this.reads = reads;
        this.batch = batch;
    }

    /** The object as a round begun after this call found it (null: gone); a refused call is thrown. */
    V now(StepContext ctx, K key) throws ApiException {
        return now(ctx, List.of(key)).get(key);
    }

    /** The objects found by a round begun after this call (a key missing: gone); a refused call is thrown. */
    Map<K, V> now(StepContext ctx, Collection<K> keys) throws ApiException {
        Map<K, V> out = new HashMap<>();
        for (Map.Entry<K, Answer<V>> e : fresh(ctx, keys).entrySet()) {
            if (e.getValue().refused() != null) {
                throw e.getValue().refused();
            }
            if (e.getValue().found() != null) {
                out.put(e.getKey(), e.getValue().found());
            }
        }
        return out;
    }

    /**
     * The last answer for {@code key} of any round of this run, or null: for what does not change (an
     * interface's role, router, region), never for a status that a step acts on.
     */
    synchronized V known(K key) {
        Answer<V> a = latest.get(key);
        return a == null ? null : a.found();
    }

    /** How many calls the rounds made: for tests. */
    synchronized long calls() {
        return calls;
    }

    /**
     * Waits until {@code status} of the object reads {@code wanted} (null: until it is gone), honouring the step's
     * deadline and cancellation; a refusal the error table calls transient is waited through.
     */
    void until(StepContext ctx, String what, K key, String wanted, Function<V, String> status)
            throws StepException {
        Instant start = ctx.clock().instant();
        long seen;
        Answer<V> last;
        synchronized (this) {
            waiting.merge(key, 1, Integer::sum);
            seen = begun;
            last = latest.get(key);
        }
        boolean scouting = false;
        boolean foundAtOnce = false;
        try {
            Duration delay;
            while (true) {
                if (paces.knows(wanted) || !paces.scouts) {
                    delay = firstLook(wanted);
                    break;
                }
                if (paces.unpaced(wanted)) {
                    delay = Duration.ZERO; // a scout found its object there at once: nothing to wait for
                    break;
                }
                if (paces.scout(wanted)) {
                    scouting = true;
                    delay = Duration.ZERO;
                    break;
                }
                // Nothing is learnt yet and another wait is finding out how long the way to this status takes:
                // its answer spares a look or two of every wait begun meanwhile (a round that answers for this
                // key, or the scout's end without a lesson, ends the pause too). A scout stuck on an object that
                // does not move keeps no other wait blind for longer than the longest backoff.
                synchronized (this) {
                    Answer<V> a = latest.get(key);
                    if (a != null && a.round() > seen) {
                        delay = Duration.ZERO;
                        break;
                    }
                }
                if (Duration.between(start, ctx.clock().instant()).compareTo(LONGEST_BACKOFF) >= 0) {
                    delay = Duration.ZERO;
                    break;
                }
                stopIfCancelledOrLate(ctx, what, "not looked at yet");
                sleep(ctx, what, ANSWER_CHECK);
            }
            // The learnt time runs from the change that began the transition, which came after the last answer
            // for this key (or, for a key not answered before, after this wait began): a wait that starts long
            // after that answer (an acceptor's, once its initiator has connected) looks at once instead of
            // sleeping a whole transition time again.
            Instant from = last != null ? last.at() : start;
            Duration since = Duration.between(from, ctx.clock().instant());
            delay = since.compareTo(delay) >= 0 ? Duration.ZERO : delay.minus(since);
            Duration next = FIRST_BACKOFF;
            boolean sawTheTransition = false;
            while (true) {
                if (!delay.isZero()) {
                    sleepUnlessAnswered(ctx, what, key, seen, delay);
                }
                Answer<V> a;
                synchronized (this) {
                    a = latest.get(key);
                }
                if (a == null || a.round() <= seen) {
                    try {
                        a = fresh(ctx, List.of(key)).get(key);
                    } catch (ApiException e) {
                        throw Errors.step(e, what);
                    }
                }
                seen = a.round();
                String now;
                if (a.refused() != null) {
                    if (!a.refused().isTransient()) {
                        throw Errors.step(a.refused(), what);
                    }
                    now = "(" + a.refused().code() + ")";
                } else {
                    now = a.found() == null ? null : status.apply(a.found());
                }
                if (Objects.equals(wanted, now)) {
                    // only a wait that saw the object on its way tells how long the way is: one that found it
                    // there at once would teach "no time at all"
                    if (sawTheTransition) {
                        learn(wanted, Duration.between(start, ctx.clock().instant()));
                    }
                    foundAtOnce = !sawTheTransition;
                    return;
                }
                sawTheTransition = true;
                ctx.progress("waiting for " + (wanted == null ? "deletion" : wanted) + "; status " + now);
                stopIfCancelledOrLate(ctx, what, "status " + now);
                delay = next;
                next = Duration.ofMillis(Math.min(LONGEST_BACKOFF.toMillis(), next.toMillis() * 3 / 2));
            }
        } finally {
            if (scouting) {
                paces.scouted(wanted, foundAtOnce);
            }
            synchronized (this) {
                waiting.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1);
            }
        }
    }

    private static void stopIfCancelledOrLate(StepContext ctx, String what, String now) throws StepException {
        if (ctx.cancelled()) {
            throw StepException.permanent("stopped while waiting for " + what + " (" + now + ")", "Interrupted",
                    "Run apply again to continue.");
        }
        if (ctx.clock().instant().isAfter(ctx.deadline())) {
            throw StepException.permanent("timed out waiting for " + what + " (" + now + ")", "Timeout",
                    "The cloud did not finish in time. Check the object in the console, then run apply again.");
        }
    }

    /** When to look first: a little before the shortest of the last waits for this status, or at once. */
    private Duration firstLook(String wanted) {
        return paces.firstLook(wanted);
    }

    private void learn(String wanted, Duration d) {
        paces.learn(wanted, d);
    }

    /**
     * How long the last waits for each status took, shared by the pollers of one kind of object; and, for pollers
     * that cannot share a call between their objects (a route table's, one call per table), while no time is known,
     * the one wait (the scout) that looks at its own pace to find out, the others pausing until it has. Where one
     * round carries every waiting id (the interfaces', 50 to a call) the waits share the looks instead.
     */
    static final class Paces {
        private final boolean scouts;
        private final Map<String, Deque<Long>> took = new HashMap<>();
        private final Set<String> scouted = new HashSet<>();
        /** Statuses whose scout found its object there at once: no transition to learn, no wait pauses. */
        private final Set<String> unpaced = new HashSet<>();

        /** Paces without a scout: every wait looks at once until one has learnt the time. */
        Paces() {
            this(false);
        }

        private Paces(boolean scouts) {
            this.scouts = scouts;
        }

        /** Paces whose waits let a scout find the time out first. */
        static Paces scouting() {
            return new Paces(true);
        }

        synchronized boolean knows(String wanted) {
            Deque<Long> last = took.get(String.valueOf(wanted));
            return last != null && !last.isEmpty();
        }

        /** Whether the caller becomes the scout of {@code wanted}: none is learnt and no other wait scouts. */
        synchronized boolean scout(String wanted) {
            return !knows(wanted) && scouted.add(String.valueOf(wanted));
        }

        /**
         * The scout's wait has ended: with a lesson, or having found its object there at once (then the waits
         * pausing for it look at once, as the next ones do until a wait learns a transition), or by failing (then
         * the next wait to ask scouts).
         */
        synchronized void scouted(String wanted, boolean foundAtOnce) {
            scouted.remove(String.valueOf(wanted));
            if (foundAtOnce && !knows(wanted)) {
                unpaced.add(String.valueOf(wanted));
            }
        }

        synchronized boolean unpaced(String wanted) {
            return unpaced.contains(String.valueOf(wanted));
        }

        synchronized Duration firstLook(String wanted) {
            Deque<Long> last = took.get(String.valueOf(wanted));
            if (last == null || last.isEmpty()) {
                return Duration.ZERO;
            }
            long shortest = last.stream().mapToLong(Long::longValue).min().orElse(0);
            return Duration.ofMillis(Math.min(LONGEST_BACKOFF.toMillis(), shortest * 9 / 10));
        }

        synchronized void learn(String wanted, Duration d) {
            unpaced.remove(String.valueOf(wanted));
            Deque<Long> last = took.computeIfAbsent(String.valueOf(wanted), w -> new ArrayDeque<>());
            last.addLast(Math.max(0, d.toMillis()));
            if (last.size() > REMEMBERED_WAITS) {
                last.removeFirst();
            }
        }
    }

    /**
     * Sleeps until the next look is due, or until a round begun after {@code seen} (another step's) has answered
     * for {@code key}: that answer is read without a call, so an object that got there is seen when any round sees
     * it, not at this step's own next look.
     */
    private void sleepUnlessAnswered(StepContext ctx, String what, K key, long seen, Duration delay)
            throws StepException {
        Instant due = ctx.clock().instant().plus(delay);
        while (true) {
            Duration left = Duration.between(ctx.clock().instant(), due);
            if (left.isNegative() || left.isZero()) {
                return;
            }
            sleep(ctx, what, left.compareTo(ANSWER_CHECK) < 0 ? left : ANSWER_CHECK);
            synchronized (this) {
                Answer<V> a = latest.get(key);
                if (a != null && a.round() > seen) {
                    return;
                }
            }
        }
    }

    private static void sleep(StepContext ctx, String what, Duration d) throws StepException {
        try {
            ctx.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StepException.permanent("interrupted while waiting for " + what, "Interrupted", "");
        }
    }

    /** Answers from rounds begun after this call, making a round when none is in flight. */
    private Map<K, Answer<V>> fresh(StepContext ctx, Collection<K> keys) throws ApiException {
        long after;
        synchronized (this) {
            after = begun;
            asked.addAll(keys);
        }
        while (true) {
            List<K> round;
            long number;
            Instant at;
            synchronized (this) {
                Map<K, Answer<V>> answered = answered(keys, after);
                if (answered != null) {
                    return answered;
                }
                if (!calling) {
                    number = ++begun;
                    round = begin();
                    calling = true;
                } else {
                    round = null;
                    number = 0;
                }
                at = ctx.clock().instant();
            }
            if (round == null) {
                try {
                    ctx.idle(() -> {
                        synchronized (this) {
                            while (calling && answered(keys, after) == null) {
                                wait();
                            }
                        }
                    });
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ApiException(action, "Interrupted", 0, "interrupted while waiting",
                            ClientAction.FINAL);
                }
                continue;
            }
            call(number, at, round);
        }
    }

    /** Every key's answer from a round begun after {@code after}, or null while one is missing. */
    private Map<K, Answer<V>> answered(Collection<K> keys, long after) {
        Map<K, Answer<V>> out = new HashMap<>();
        for (K k : keys) {
            Answer<V> a = latest.get(k);
            if (a == null || a.round() <= after) {
                return null;
            }
            out.put(k, a);
        }
        return out;
    }

    /** The keys of the next round: all asked, then the waited-on keys answered longest ago, to fill its calls. */
    private List<K> begin() {
        Set<K> keys = new LinkedHashSet<>(asked);
        asked.clear();
        int room = (keys.size() + perCall - 1) / perCall * perCall - keys.size();
        waiting.keySet().stream().filter(k -> !keys.contains(k))
                .sorted(Comparator.comparingLong(k -> latest.containsKey(k) ? latest.get(k).round() : 0))
                .limit(room).forEach(keys::add);
        return new ArrayList<>(keys);
    }

    private void call(long number, Instant at, List<K> keys) {
        List<List<K>> chunks = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += perCall) {
            chunks.add(keys.subList(i, Math.min(keys.size(), i + perCall)));
        }
        Map<K, V> found = null;
        ApiException refused = null;
        try {
            Map<K, V> all = new HashMap<>();
            reads.all(chunks, batch::read).forEach(all::putAll);
            found = all;
        } catch (ApiException e) {
            refused = e;
        } finally {
            synchronized (this) {
                calls += chunks.size();
                ApiException r = found == null && refused == null ? new ApiException(action, "NoResponse", 0,
                        "the call did not finish", ClientAction.RETRY) : refused;
                for (K k : keys) {
                    latest.put(k, new Answer<>(number, at, found == null ? null : found.get(k), r));
                }
                calling = false;
                notifyAll();
            }
        }
    }
}
