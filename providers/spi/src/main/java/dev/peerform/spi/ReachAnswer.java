package dev.peerform.spi;

/** The verdict of {@code peerform reach}: reachable both ways or not, and the words (or JSON) to print. */
public record ReachAnswer(boolean reachable, String text) {
}
