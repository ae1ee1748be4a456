package dev.peerform.reliability;

/**
 * How much each figure tries. {@code small} runs in CI (under 3 minutes on 2 cores); {@code full} is issue 11's
 * size, run by hand.
 */
record Size(String name, int connections, int kills, long transitionMs, int faultSeeds, int faultConnections,
        int interruptRounds, int configurations, int requests, int hugeBodies, int secretsExamples) {

    static Size of(String name) {
        return switch (name) {
            case "small" -> new Size("small", 3, 6, 400, 1, 3, 1, 1_000, 1_000, 2, 1);
            case "full" -> new Size("full", 20, 50, 600, 5, 5, 3, 10_000, 10_000, 6, Integer.MAX_VALUE);
            default -> throw new IllegalArgumentException("size is small or full, not " + name);
        };
    }

    /** The same size with another number of kills ({@code --kills N}: CI's reduced pg case). */
    Size withKills(int n) {
        return new Size(name, connections, n, transitionMs, faultSeeds, faultConnections, interruptRounds,
                configurations, requests, hugeBodies, secretsExamples);
    }
}
