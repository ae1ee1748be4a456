package dev.peerform.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * A soft limit on the old generation, for the serial collector the launcher picks. Java 25's serial collector grows
 * the old generation at every young collection that promotes more than fits and collects it only when the maximum
 * heap is reached (the GC log of a 50,000-resource apply: 52 young collections took the old generation from 288 MB
 * to 1.6 GB without one full collection), so every byte ever promoted stays resident, though most of it (the tokens
 * of a parse, a plan's intermediate values, the trees of files being read) is garbage long before the end. Java 17's
 * runs a full collection when the old generation is full before growing it. Here a daemon thread watches the old
 * generation and, when it holds more than {@code factor} times what the last full collection left (and more than
 * {@code floorMb}), asks for a full collection: the heap then grows with the live set, not with all that was ever
 * promoted, and no maximum heap is imposed, so a larger configuration still runs. Commands whose heap stays under
 * the floor never load the management classes.
 */
final class HeapTarget implements Runnable {

    /** {@code -Dpeerform.heapTarget=FACTOR,FLOOR_MB}, as the launcher sets it; absent or malformed: off. */
    static final String PROPERTY = "peerform.heapTarget";

    private static final long POLL_MS = 20;

    private final double factor;
    private final long floor;

    private HeapTarget(double factor, long floorBytes) {
        this.factor = factor;
        this.floor = floorBytes;
    }

    /** Starts the watch when the property asks for it; a malformed value leaves the JVM's own policy. */
    static void startIfAsked(String setting) {
        if (setting == null || setting.isBlank()) {
            return;
        }
        String[] parts = setting.split(",");
        try {
            double factor = Double.parseDouble(parts[0].trim());
            long floorMb = parts.length > 1 ? Long.parseLong(parts[1].trim()) : 256;
            if (!(factor > 1) || floorMb < 0) {
                return;
            }
            Thread t = new Thread(new HeapTarget(factor, floorMb << 20), "peerform-heap-target");
            t.setDaemon(true);
            t.setPriority(Thread.MAX_PRIORITY);
            t.start();
        } catch (NumberFormatException e) {
            // not a setting this build knows: the collector's own policy applies
        }
    }

    @Override
    public void run() {
        try {
            // the heap in use bounds the old generation: until it passes the floor, nothing is to be done, and
            // runs that stay small never load the management classes (at 10,000 resources they cost an apply
            // 30 MB and some CPU)
            Runtime heap = Runtime.getRuntime();
            while (heap.totalMemory() - heap.freeMemory() <= floor) {
                Thread.sleep(POLL_MS);
            }
            MemoryPoolMXBean old = oldGeneration();
            if (old == null) {
                return;
            }
            long target = floor;
            while (true) {
                if (old.getUsage().getUsed() > target) {
                    System.gc();
                    target = Math.max(floor, (long) (old.getUsage().getUsed() * factor));
                }
                Thread.sleep(POLL_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The serial collector's old generation ("Tenured Gen"); null under another collector. */
    private static MemoryPoolMXBean oldGeneration() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getName().equals("Tenured Gen")) {
                return p;
            }
        }
        return null;
    }
}
