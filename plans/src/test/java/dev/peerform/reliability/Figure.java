package dev.peerform.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One figure of the harness: how many cases were tried, held and failed, counters of what went wrong, and each
 * failed case's details (with what replays it), printed as one summary line and a list.
 */
final class Figure {

    private final String name;
    private final String unit;
    private int tried;
    private int held;
    private final Map<String, Integer> counters = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Integer> groupCounts = new TreeMap<>();
    private final Map<String, String> groupExamples = new TreeMap<>();

    Figure(String name, String unit) {
        this.name = name;
        this.unit = unit;
    }

    synchronized void held() {
        tried++;
        held++;
        progress();
    }

    /**
     * Long runs (full size) show where they are, on stderr: after each of the first 50 cases (a crash case takes
     * minutes), then every ten.
     */
    private void progress() {
        if (tried <= 50 || tried % 10 == 0) {
            System.err.printf("  [%s] %d tried, %d failed so far%n", name, tried, failedCount());
        }
    }

    /** A failed case: its replay line first, then what went wrong. */
    synchronized void failed(String details) {
        tried++;
        failures.add(details);
        progress();
    }

    /** A failed case among many of its kind: counted under its group, the first one kept as the example. */
    synchronized void failedInGroup(String group, String example) {
        tried++;
        groupCounts.merge(group, 1, Integer::sum);
        groupExamples.putIfAbsent(group, example);
    }

    synchronized void count(String counter, int n) {
        counters.merge(counter, n, Integer::sum);
    }

    synchronized void note(String note) {
        notes.add(note);
    }

    synchronized int failedCount() {
        return failures.size() + groupCounts.values().stream().mapToInt(Integer::intValue).sum();
    }

    synchronized String summary() {
        StringBuilder b = new StringBuilder(String.format("%-10s %s=%d  held=%d  failed=%d", name, unit, tried, held,
                failedCount()));
        if (!counters.isEmpty()) {
            List<String> parts = new ArrayList<>();
            counters.forEach((k, v) -> parts.add(k + " " + v));
            b.append("  (").append(String.join(", ", parts)).append(')');
        }
        return b.toString();
    }

    synchronized String details() {
        StringBuilder b = new StringBuilder();
        notes.forEach(n -> b.append("  note: ").append(n).append('\n'));
        for (int i = 0; i < failures.size(); i++) {
            b.append("  FAILED ").append(name).append(" #").append(i + 1).append(": ")
                    .append(failures.get(i).replace("\n", "\n      ")).append('\n');
        }
        groupCounts.forEach((g, n) -> b.append("  FAILED ").append(name).append(" ").append(g).append(": ").append(n)
                .append(" case(s); first: ").append(groupExamples.get(g).replace("\n", "\n      ")).append('\n'));
        return b.toString();
    }
}
