package dev.peerform.alicloud.transport;

import dev.peerform.vpcapi.errors.ClientAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Read calls made side by side, at most the run's {@code -parallelism} at once for one provider configuration, and
 * what the plan's refresh read, for the plan-time checks to use instead of asking again. Forgotten when the next
 * plan begins. The threads are daemons that end a second after the last read.
 */
public final class Reads {

    /** One read of one item. */
    public interface Read<T, R> {
        R read(T item) throws ApiException;
    }

    /** The name of the reading threads (of every configuration): a read that reads more does so in its thread. */
    private static final String READER = "peerform-read";

    private volatile ThreadPoolExecutor pool;
    private volatile int parallelism = 10;
    private final Map<String, Object> read = new ConcurrentHashMap<>();

    /** A plan begins: its bound, and nothing remembered from an earlier one. */
    public void planning(int parallelism) {
        this.parallelism = Math.max(1, parallelism);
        read.clear();
        ThreadPoolExecutor p = pool;
        if (p != null) {
            p.setMaximumPoolSize(Math.max(p.getCorePoolSize(), this.parallelism));
            p.setCorePoolSize(this.parallelism);
            p.setMaximumPoolSize(this.parallelism);
        }
    }

    public int parallelism() {
        return parallelism;
    }

    /**
     * Reads every item, side by side (in the calling thread when there is one item, or when the caller is itself
     * one of these reads: waiting there for reads queued behind it could wait for ever): the answers in the items'
     * order. The first refusal is thrown once every read has finished.
     */
    public <T, R> List<R> all(List<T> items, Read<T, R> read) throws ApiException {
        if (items.size() <= 1 || parallelism == 1 || inReader()) {
            List<R> out = new ArrayList<>(items.size());
            for (T item : items) {
                out.add(read.read(item));
            }
            return out;
        }
        return start(items, read).get();
    }

    /**
     * Starts reading every item side by side, without waiting: reads that different checks need go out together
     * instead of one check's after another's. The answers come from {@link Pending#get}.
     */
    public <T, R> Pending<R> start(List<T> items, Read<T, R> read) {
        List<Future<R>> futures = new ArrayList<>(items.size());
        if (inReader()) {
            for (T item : items) {
                FutureTask<R> f = new FutureTask<>(() -> read.read(item));
                f.run();
                futures.add(f);
            }
            return new Pending<>(futures);
        }
        ThreadPoolExecutor p = pool();
        for (T item : items) {
            futures.add(p.submit(() -> read.read(item)));
        }
        return new Pending<>(futures);
    }

    private static boolean inReader() {
        return Thread.currentThread().getName().equals(READER);
    }

    /** Reads under way: their answers, in the items' order. */
    public static final class Pending<R> {
        private final List<Future<R>> futures;

        private Pending(List<Future<R>> futures) {
            this.futures = futures;
        }

        /** Waits for every read; the first refusal is thrown once all have finished. */
        public List<R> get() throws ApiException {
            List<R> out = new ArrayList<>(futures.size());
            ApiException first = null;
            for (Future<R> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    out.add(null);
                    if (e.getCause() instanceof ApiException refused) {
                        first = first == null ? refused : first;
                    } else if (e.getCause() instanceof RuntimeException bug) {
                        throw bug;
                    } else {
                        throw new IllegalStateException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    futures.forEach(x -> x.cancel(true));
                    throw new ApiException("", "Interrupted", 0, "interrupted while reading", ClientAction.FINAL);
                }
            }
            if (first != null) {
                throw first;
            }
            return out;
        }
    }

    /** What this plan's refresh remembered under {@code key}, or null. */
    @SuppressWarnings("unchecked")
    public <V> V recalled(String key) {
        return (V) read.get(key);
    }

    /** Remembers what was read under {@code key} until the next plan begins. */
    public void remember(String key, Object value) {
        if (value != null) {
            read.put(key, value);
        }
    }

    private ThreadPoolExecutor pool() {
        ThreadPoolExecutor p = pool;
        if (p == null) {
            synchronized (this) {
                p = pool;
                if (p == null) {
                    p = new ThreadPoolExecutor(parallelism, parallelism, 1, TimeUnit.SECONDS,
                            new LinkedBlockingQueue<>(), r -> {
                                Thread t = new Thread(r, READER);
                                t.setDaemon(true);
                                return t;
                            });
                    p.allowCoreThreadTimeOut(true);
                    pool = p;
                }
            }
        }
        return p;
    }
}
